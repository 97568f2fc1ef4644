import type { Profile } from '../../core/contracts/shell-api';
import { h } from '../lib/dom';
import { toErrorInfo } from '../lib/errors';
import { fieldsFromProfile, profileFromFields, PROFILE_FIELDS, type ProfileField } from '../lib/profile-form';
import type { ShellContext } from '../state';

const LABELS: Record<ProfileField, string> = {
  nickName: 'Nickname',
  avatarUrl: 'Avatar URL',
  gender: 'Gender',
  country: 'Country',
  province: 'Province',
  city: 'City',
  language: 'Language',
  phoneNumber: 'Phone number',
  countryCode: 'Country calling code',
};

/** The local user's profile, as apps receive it; validated with the Profile schema before it is sent. */
export function createProfileSection(ctx: ShellContext): { el: HTMLElement; load(): Promise<void> } {
  const inputs = new Map<ProfileField, HTMLInputElement | HTMLSelectElement>();
  const errors = new Map<ProfileField, HTMLElement>();
  let loaded = false;

  const field = (name: ProfileField): HTMLElement => {
    const id = `profile-${name}`;
    const control =
      name === 'gender'
        ? h('select', { class: 'input', attrs: { id, name } },
            h('option', { attrs: { value: '0' }, text: 'Unspecified' }),
            h('option', { attrs: { value: '1' }, text: 'Male' }),
            h('option', { attrs: { value: '2' }, text: 'Female' }),
          )
        : h('input', {
            class: 'input',
            attrs: {
              id,
              name,
              type: name === 'phoneNumber' ? 'tel' : name === 'avatarUrl' ? 'url' : 'text',
              autocomplete: 'off',
              inputmode: name === 'countryCode' ? 'numeric' : undefined,
              'aria-describedby': `${id}-error`,
            },
          });
    const error = h('div', { class: 'field-error', testid: 'field-error', attrs: { id: `${id}-error`, 'data-field': name, hidden: true } });
    control.addEventListener('input', () => {
      error.hidden = true;
      control.removeAttribute('aria-invalid');
    });
    inputs.set(name, control);
    errors.set(name, error);
    return h('div', { class: `field field-${name}` }, h('label', { class: 'field-label', attrs: { for: id }, text: LABELS[name] }), control, error);
  };

  const save = h('button', { class: 'button button-primary', testid: 'profile-save', attrs: { type: 'submit' }, text: 'Save profile' });
  const fill = (profile: Profile): void => {
    const values = fieldsFromProfile(profile);
    for (const name of PROFILE_FIELDS) {
      const control = inputs.get(name);
      if (control) control.value = values[name];
    }
  };

  const form = h(
    'form',
    {
      class: 'profile-form',
      testid: 'profile-form',
      attrs: { novalidate: true },
      on: {
        submit: async (event) => {
          event.preventDefault();
          const values = Object.fromEntries(PROFILE_FIELDS.map((n) => [n, inputs.get(n)?.value ?? ''])) as Record<ProfileField, string>;
          const result = profileFromFields(values);
          for (const [name, el] of errors) {
            const message = result.ok ? undefined : result.errors[name];
            el.textContent = message ?? '';
            el.hidden = !message;
            if (message) inputs.get(name)?.setAttribute('aria-invalid', 'true');
            else inputs.get(name)?.removeAttribute('aria-invalid');
          }
          if (!result.ok) {
            const first = PROFILE_FIELDS.find((n) => result.errors[n]);
            if (first) inputs.get(first)?.focus();
            return;
          }
          save.disabled = true;
          try {
            fill(await ctx.api.call('updateProfile', result.profile));
            ctx.toasts.success('Profile saved');
          } catch (error) {
            ctx.toasts.error(toErrorInfo(error));
          } finally {
            save.disabled = false;
          }
        },
      },
    },
    h('div', { class: 'form-grid' }, PROFILE_FIELDS.map(field)),
    h('div', { class: 'form-actions' }, save),
  );

  const el = h('section', { class: 'card settings-section', attrs: { id: 'settings-profile', 'aria-labelledby': 'profile-title' } },
    h('h2', { class: 'section-title', attrs: { id: 'profile-title' }, text: 'Profile' }),
    h('p', { class: 'muted', text: 'What apps receive when you allow access to your profile or phone number.' }),
    form,
  );

  return {
    el,
    // Loaded once: later refreshes must not wipe what the user is typing.
    async load() {
      if (loaded) return;
      try {
        fill(await ctx.api.call('getProfile', {}));
        loaded = true;
      } catch (error) {
        ctx.toasts.error(toErrorInfo(error));
      }
    },
  };
}
