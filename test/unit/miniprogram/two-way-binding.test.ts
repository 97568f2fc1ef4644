import { describe, expect, test } from 'vitest';
import { settle } from './support/harness';
import { runProject } from './support/run-project';

/** what a view sends when the user changes a built-in component */
function userChanges(app: Awaited<ReturnType<typeof runProject>>, domId: string, type: string, detail: Record<string, unknown>) {
  const node = app.view.findById(domId);
  if (node === undefined) throw new Error(`no #${domId} in ${app.view.html()}`);
  app.runtime.receive({ t: 'event', node, type, detail });
}

describe('two-way binding (model:)', () => {
  test('typing into <input model:value> updates the page data before bindinput runs, and every binding re-renders', async () => {
    const app = await runProject({
      'pages/index/index.wxml': '<input id="name" model:value="{{name}}" bindinput="typed" /><view id="echo">hello {{name}}</view><view id="log">{{log}}</view>\n',
      'pages/index/index.js': "Page({ data: { name: 'ann', log: '' }, typed(e) { this.setData({ log: 'handler saw ' + this.data.name + ' for ' + e.detail.value }); } });\n",
    });
    await settle();
    expect(app.view.html()).toContain('hello ann');
    userChanges(app, 'name', 'input', { value: 'bob', cursor: 3, keyCode: 66 });
    await settle();
    expect(app.view.html()).toContain('hello bob');
    expect(app.view.html()).toContain('handler saw bob for bob');
  });

  test('a plain value= binding stays one-way: typing does not change the data', async () => {
    const app = await runProject({
      'pages/index/index.wxml': '<input id="name" value="{{name}}" /><view id="echo">hello {{name}}</view>\n',
      'pages/index/index.js': "Page({ data: { name: 'ann' } });\n",
    });
    await settle();
    userChanges(app, 'name', 'input', { value: 'bob', cursor: 3, keyCode: 66 });
    await settle();
    expect(app.view.html()).toContain('hello ann');
  });

  test('textarea value, switch checked and slider value follow the user through model:', async () => {
    const app = await runProject({
      'pages/index/index.wxml':
        '<textarea id="note" model:value="{{note}}" /><switch id="on" model:checked="{{on}}" /><slider id="level" model:value="{{level}}" />' +
        '<view id="state">{{note}}|{{on}}|{{level}}</view>\n',
      'pages/index/index.js': "Page({ data: { note: '', on: false, level: 10 } });\n",
    });
    await settle();
    userChanges(app, 'note', 'input', { value: 'two\nlines', cursor: 9, keyCode: 0 });
    userChanges(app, 'on', 'change', { value: true });
    userChanges(app, 'level', 'changing', { value: 40 });
    await settle();
    expect(app.view.html()).toContain('two\nlines|true|40');
    userChanges(app, 'level', 'change', { value: 55 });
    await settle();
    expect(app.view.html()).toContain('|true|55');
  });

  test("a custom component passes its input's model:value up to the page's model:my-value", async () => {
    const app = await runProject({
      'pages/index/index.json': JSON.stringify({ usingComponents: { field: '../../components/field/field' } }),
      'pages/index/index.wxml': '<field model:my-value="{{city}}" /><view id="echo">city {{city}}</view>\n',
      'pages/index/index.js': "Page({ data: { city: 'Paris' } });\n",
      'components/field/field.json': JSON.stringify({ component: true }),
      'components/field/field.wxml': '<input id="inner" model:value="{{myValue}}" />\n',
      'components/field/field.js': 'Component({ properties: { myValue: String } });\n',
    });
    await settle();
    expect(app.view.html()).toContain('city Paris');
    userChanges(app, 'inner', 'input', { value: 'Lyon', cursor: 4, keyCode: 0 });
    await settle();
    expect(app.view.html()).toContain('city Lyon');
  });
});
