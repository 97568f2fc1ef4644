import { afterEach, describe, expect, it, vi } from 'vitest';
import { runProject } from './support/run-project';
import { settle } from './support/harness';

/** A page with a form of custom fields (wx://form-field), a group component and a plain one, compiled and run. */
const FILES = {
  'app.json': JSON.stringify({ pages: ['pages/index/index'], usingComponents: { field: '/comp/field', group: '/comp/group', plain: '/comp/plain', rating: '/comp/rating' } }),
  'comp/field.json': JSON.stringify({ component: true }),
  'comp/field.wxml': '<view>{{name}}={{value}}</view>',
  'comp/field.js': "Component({ behaviors: ['wx://form-field'], methods: { set(v) { this.setData({ value: v }); } } });",
  // fields in this component's own template count, as the group behavior says
  'comp/group.json': JSON.stringify({ component: true, usingComponents: { field: '/comp/field' } }),
  'comp/group.wxml': '<field name="inGroup" value="{{7}}"/><slot/>',
  'comp/group.js': "Component({ behaviors: ['wx://form-field-group'] });",
  // ...and in a component without it they do not
  'comp/plain.json': JSON.stringify({ component: true, usingComponents: { field: '/comp/field' } }),
  'comp/plain.wxml': '<field name="hidden" value="no"/><slot/>',
  'comp/plain.js': 'Component({});',
  // a user behavior that brings wx://form-field, and a component redefining value's type
  'comp/rating.json': JSON.stringify({ component: true }),
  'comp/rating.wxml': '<view>{{value}} stars</view>',
  'comp/rating.js': "const fieldish = Behavior({ behaviors: ['wx://form-field'] });\nComponent({ behaviors: [fieldish], properties: { value: { type: Number, value: 3 } } });",
  'pages/index/index.wxml':
    '<form id="form" bindsubmit="onSubmit">' +
    '<field id="nick" name="nick" value="bob"/>' +
    '<group><field name="slotted" value="s"/></group>' +
    '<plain><field name="inPlainSlot" value="p"/></plain>' +
    '<rating name="stars"/>' +
    '<field value="unnamed"/>' +
    '</form><view id="out">{{submitted}}</view>',
  'pages/index/index.js': "Page({ data: { submitted: '' }, onSubmit(e) { this.setData({ submitted: JSON.stringify(e.detail.value) }); } });",
};

async function submit(viewValue: Record<string, unknown>) {
  const app = await runProject(FILES);
  await settle();
  app.runtime.receive({ t: 'event', node: app.view.findById('form')!, type: 'submit', detail: { value: viewValue }, bubbles: true });
  await settle();
  // the page showed JSON.stringify(e.detail.value)
  return { app, value: JSON.parse(app.view.html(app.view.findById('out'))) as Record<string, unknown> };
}

describe("WeChat's built-in behaviors (wx://form-field and the rest)", () => {
  afterEach(() => vi.restoreAllMocks());

  it('a component with wx://form-field gets name and value and its form submits them, with the built-in fields the view read', async () => {
    const { app, value } = await submit({ agree: true });
    // the component rendered its properties: the behavior's name/value exist
    expect(app.view.html(app.view.findById('nick'))).toContain('nick=bob');
    expect(value).toEqual({
      agree: true,
      nick: 'bob',
      slotted: 's',
      inPlainSlot: 'p',
      // the group component's own template
      inGroup: 7,
      // through a user behavior; the component's own property type wins (a number, its default)
      stars: 3,
    });
    // not in the form: a field inside a plain component's own template, and one without a name
    expect(value).not.toHaveProperty('hidden');
  });

  it("a built-in field the view read wins over a custom field of the same name", async () => {
    const { value } = await submit({ nick: 'typed' });
    expect(value['nick']).toBe('typed');
  });

  it('wx://component-export and wx://form-field-button are accepted; an unknown wx:// name is dropped with a warning and the page still runs', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const app = await runProject({
      'app.json': JSON.stringify({ pages: ['pages/index/index'], usingComponents: { card: '/comp/card' } }),
      'comp/card.json': JSON.stringify({ component: true }),
      'comp/card.wxml': '<view>card</view>',
      'comp/card.js': "Component({ behaviors: ['wx://component-export', 'wx://form-field-button', 'wx://not-a-thing'], export() { return { kind: 'card' }; } });",
      'pages/index/index.wxml': '<card id="c"/><view id="kind">{{kind}}</view>',
      'pages/index/index.js': "Page({ onReady() { this.setData({ kind: this.selectComponent('#c').kind }); } });",
    });
    await settle();
    // selectComponent answers with what export() returned
    expect(app.view.html(app.view.findById('kind'))).toBe('card');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Component() in comp/card.js: "wx://not-a-thing" is not a built-in behavior'));
  });
});
