/**
 * Which event of a built-in component carries a user's change of which attribute, for WXML's two-way
 * binding (`model:value="{{v}}"`). WeChat documents `model:` on input and textarea `value`; the form
 * controls whose change event carries the new value in `detail.value` get it too, so a page can bind a
 * switch or a slider the same way. Custom components need nothing here: glass-easel passes their
 * `model:` properties itself.
 */
const MODEL_EVENTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  input: { input: 'value' },
  textarea: { input: 'value' },
  switch: { change: 'checked' },
  slider: { change: 'value', changing: 'value' },
  picker: { change: 'value' },
};

/** the attribute an event of this tag changes, if `model:` may bind it */
export function modelAttribute(tag: string, eventType: string): string | undefined {
  return MODEL_EVENTS[tag]?.[eventType];
}
