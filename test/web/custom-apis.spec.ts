import { expect, test } from './fixtures';

/** wx.invokeNativePlugin against the demo plugins the host registers (core/demo-plugins). */
const APP = 'custom-api';

test('echo shows the exact MiniApiCall the handler received, in the TCMPP 2.2.17 params format', async ({ shell }) => {
  const app = await shell.launch(APP);
  const viewId = await shell.viewIdOf(APP);
  await app.getByTestId('call-echo').click();
  await expect(app.getByTestId('echo-errmsg')).toHaveText('invokeNativePlugin:ok');

  const call = JSON.parse((await app.getByTestId('echo-call').textContent()) ?? '{}');
  expect(call).toEqual({
    appInfo: { appId: 'custom-api', name: 'Custom APIs', version: '1.0.0', developerId: 'superapp-samples', developerName: 'Superapp Samples' },
    apiName: 'echo',
    webViewId: viewId,
    // {stateEvent: requestCustomApi, api_name: customApi, data: {param1: test, param2: 189}, webviewId: 4}
    params: { stateEvent: 'requestCustomApi', api_name: 'echo', data: { name: 'kka', age: 22 }, webviewId: viewId },
  });

  // Whatever the page sends as data arrives unchanged under params.data.
  await app.getByTestId('echo-data').fill('{"param1":"test","param2":189}');
  await app.getByTestId('call-echo').click();
  await expect(app.getByTestId('echo-call')).toContainText('"param2": 189');
  expect(JSON.parse((await app.getByTestId('echo-call').textContent()) ?? '{}').params.data).toEqual({ param1: 'test', param2: 189 });
});

test('notes.add and notes.list keep this app\'s notes', async ({ shell }) => {
  const app = await shell.launch(APP);
  await app.getByTestId('note-text').fill('buy oolong');
  await app.getByTestId('notes-add').click();
  await expect(app.getByTestId('notes-errmsg')).toHaveText('invokeNativePlugin:ok');
  await expect(app.getByTestId('note').filter({ hasText: 'buy oolong' })).toHaveCount(1);

  await app.getByTestId('notes-list').click();
  await expect(app.getByTestId('notes-errmsg')).toHaveText('invokeNativePlugin:ok');
  await expect(app.getByTestId('note')).toHaveText(['buy oolong']);
});

test('systemInfo answers from the host machine', async ({ shell }) => {
  const app = await shell.launch(APP);
  await app.getByTestId('call-systemInfo').click();
  await expect(app.getByTestId('systemInfo-errmsg')).toHaveText('invokeNativePlugin:ok');
  await expect(app.getByTestId('systemInfo-result')).toContainText(`"platform": "${process.platform}"`);
});

test('an unregistered and an undeclared custom API are refused with exact errMsgs', async ({ shell }) => {
  const app = await shell.launch(APP);
  await app.getByTestId('call-unregistered').click();
  await expect(app.getByTestId('unregistered-errmsg')).toHaveText('invokeNativePlugin:fail custom API "payroll.export" is not registered by the host');
  await app.getByTestId('call-undeclared').click();
  await expect(app.getByTestId('undeclared-errmsg')).toHaveText(
    'invokeNativePlugin:fail permission denied: custom API "admin.wipe" is not declared in manifest permissions.customApi',
  );
});
