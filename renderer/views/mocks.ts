import type { MockRule } from '../../core/contracts/shell-api';
import { h, icon, ICONS, replaceChildren } from '../lib/dom';
import { toErrorInfo } from '../lib/errors';
import { describeMock, MAX_DELAY_MS, MOCKABLE_APIS, parseMockForm, type MockFormFields } from '../lib/mock-form';
import type { ShellContext } from '../state';

/** Mock rules: answer an app's call without the real handler (succeed with data, fail, or delay). */
export function createMocksPanel(ctx: ShellContext): { el: HTMLElement; load(): Promise<void> } {
  const list = h('ul', { class: 'mock-list' });
  const errorBox = h('ul', { class: 'notice notice-error mock-errors', testid: 'mock-error', attrs: { hidden: true, role: 'alert' } });

  const appSelect = h('select', { class: 'input', attrs: { name: 'appId', id: 'mock-app' } });
  const apiInput = h('input', { class: 'input mono', attrs: { name: 'api', id: 'mock-api', list: 'mock-api-names', placeholder: 'requestPayment', autocomplete: 'off', spellcheck: 'false' } });
  const apiNames = h('datalist', { attrs: { id: 'mock-api-names' } }, MOCKABLE_APIS.map((api) => h('option', { attrs: { value: api } })));
  const apiNameInput = h('input', { class: 'input mono', attrs: { name: 'apiName', id: 'mock-api-name', placeholder: 'only for invokeNativePlugin', autocomplete: 'off', spellcheck: 'false' } });
  const typeSelect = h('select', { class: 'input', attrs: { name: 'type', id: 'mock-type' } },
    h('option', { attrs: { value: 'succeed' }, text: 'Succeed with result' }),
    h('option', { attrs: { value: 'fail' }, text: 'Fail with errMsg' }),
    h('option', { attrs: { value: 'delay' }, text: 'Delay, then run' }),
  );
  const resultInput = h('textarea', { class: 'input mono', attrs: { name: 'result', id: 'mock-result', rows: 3, placeholder: '{"code": "mock-code"}', spellcheck: 'false' } });
  const errMsgInput = h('input', { class: 'input mono', attrs: { name: 'errMsg', id: 'mock-errmsg', placeholder: 'requestPayment:fail no balance', autocomplete: 'off', spellcheck: 'false' } });
  const msInput = h('input', { class: 'input', attrs: { name: 'ms', id: 'mock-ms', type: 'number', min: 0, max: MAX_DELAY_MS, step: 1, placeholder: '1500' } });
  const add = h('button', { class: 'button button-primary', testid: 'mock-add', attrs: { type: 'submit' }, text: 'Add rule' });

  const field = (label: string, control: HTMLElement, id: string, kind?: string): HTMLElement =>
    h('div', { class: 'field', attrs: { 'data-for-type': kind } }, h('label', { class: 'field-label', attrs: { for: id }, text: label }), control);

  // Every field stays usable whatever the type; only the ones that matter for it are emphasised.
  const emphasise = (): void => {
    form.querySelectorAll<HTMLElement>('[data-for-type]').forEach((el) => el.classList.toggle('is-dimmed', el.dataset['forType'] !== typeSelect.value));
  };
  typeSelect.addEventListener('change', emphasise);

  const showErrors = (errors: readonly string[]): void => {
    replaceChildren(errorBox, errors.map((e) => h('li', { text: e })));
    errorBox.hidden = errors.length === 0;
  };

  const form = h('form', {
    class: 'mock-form',
    testid: 'mock-form',
    attrs: { novalidate: true },
    on: {
      submit: async (event) => {
        event.preventDefault();
        const fields: MockFormFields = {
          appId: appSelect.value,
          api: apiInput.value,
          apiName: apiNameInput.value,
          type: typeSelect.value,
          result: resultInput.value,
          errMsg: errMsgInput.value,
          ms: msInput.value,
        };
        const parsed = parseMockForm(fields, ctx.state.get().apps.map((a) => a.appId));
        if (!parsed.ok) {
          showErrors(parsed.errors);
          return;
        }
        add.disabled = true;
        try {
          const rule = await ctx.api.call('setMock', parsed.rule);
          showErrors([]);
          resultInput.value = '';
          errMsgInput.value = '';
          ctx.toasts.success(`Mock added: ${describeMock(rule)}`);
          await load();
        } catch (error) {
          const info = toErrorInfo(error);
          showErrors([info.hint ? `${info.message} ${info.hint}` : info.message]);
        } finally {
          add.disabled = false;
        }
      },
    },
  },
    field('App', appSelect, 'mock-app'),
    field('API', apiInput, 'mock-api'),
    field('Custom API name', apiNameInput, 'mock-api-name'),
    field('Action', typeSelect, 'mock-type'),
    field('Result (JSON object)', resultInput, 'mock-result', 'succeed'),
    field('errMsg', errMsgInput, 'mock-errmsg', 'fail'),
    field('Delay (ms)', msInput, 'mock-ms', 'delay'),
    apiNames,
    errorBox,
    h('div', { class: 'form-actions' }, add),
  );
  emphasise();

  const fillApps = (): void => {
    const apps = ctx.state.get().apps;
    const current = appSelect.value;
    replaceChildren(appSelect,
      h('option', { attrs: { value: '' }, text: apps.length ? 'Choose an app…' : 'No apps installed' }),
      apps.map((a) => h('option', { attrs: { value: a.appId }, text: `${a.name} (${a.appId})` })),
    );
    appSelect.value = apps.some((a) => a.appId === current) ? current : apps.length === 1 ? (apps[0]?.appId ?? '') : '';
  };
  fillApps();
  ctx.state.subscribe((s, prev) => {
    if (s.apps !== prev.apps) fillApps();
  });

  const remove = async (rule: MockRule): Promise<void> => {
    try {
      await ctx.api.call('removeMock', { id: rule.id });
      ctx.toasts.success(`Mock removed: ${rule.api}`);
    } catch (error) {
      ctx.toasts.error(toErrorInfo(error));
    }
    await load();
  };

  const load = async (): Promise<void> => {
    try {
      const rules = await ctx.api.call('listMocks', {});
      const names = new Map(ctx.state.get().apps.map((a) => [a.appId, a.name]));
      replaceChildren(list, rules.length === 0
        ? h('li', { class: 'empty-inline', testid: 'mocks-empty', text: 'No mock rules. Calls go to the real handlers.' })
        : rules.map((rule) => h('li', { class: 'mock-row', testid: 'mock-row', attrs: { 'data-api': rule.api, 'data-app-id': rule.appId, 'data-mock-id': rule.id } },
            h('div', { class: 'mock-text' },
              h('span', { class: 'badge badge-warning', text: rule.action.type }),
              h('span', { class: 'mono small', text: describeMock(rule) }),
              h('span', { class: 'muted small', text: names.get(rule.appId) ?? rule.appId }),
            ),
            h('button', {
              class: 'icon-button',
              testid: 'mock-remove',
              attrs: { type: 'button', 'aria-label': `Remove mock for ${rule.api}`, title: 'Remove rule' },
              on: { click: () => void remove(rule) },
            }, icon(ICONS.trash, 14)),
          )));
    } catch (error) {
      ctx.toasts.error(toErrorInfo(error));
    }
  };

  const el = h('section', { class: 'card mocks-card', attrs: { 'aria-labelledby': 'mocks-title' } },
    h('h2', { class: 'section-title', attrs: { id: 'mocks-title' }, text: 'Mocks' }),
    h('p', { class: 'muted small', text: 'A rule answers matching calls instead of the real handler. Mocked calls are marked in the log.' }),
    list,
    h('h3', { class: 'subsection-title', text: 'Add a rule' }),
    form,
  );
  return { el, load };
}
