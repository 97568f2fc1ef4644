import { expect, runShowcase, showcaseRaw, test } from './fixtures';

/** The seven open APIs and the scope APIs, driven through the API Showcase sample and the shell's sheets. */
const APP = 'api-showcase';

test('login and checkSession answer in callback and Promise style', async ({ shell }) => {
  const app = await shell.launch(APP);

  await expect(await runShowcase(app, 'login', 'callback')).toHaveText('login:ok');
  // callbacks: success exactly once, then complete
  await expect(app.getByTestId('meta-login')).toHaveText('callback: success → complete');
  const first = await showcaseRaw(app, 'login');
  expect(first.code).toEqual(expect.any(String));

  await expect(await runShowcase(app, 'login', 'promise')).toHaveText('login:ok');
  await expect(app.getByTestId('meta-login')).toHaveText('promise: resolved');
  expect((await showcaseRaw(app, 'login')).code).not.toBe(first.code);

  await expect(await runShowcase(app, 'checkSession', 'callback')).toHaveText('checkSession:ok');
  await expect(app.getByTestId('meta-checkSession')).toHaveText('callback: success → complete');
});

test('getUserProfile shows the Settings profile in a sheet and returns it only on Allow', async ({ shell, page }) => {
  await shell.showSettings();
  const form = page.getByTestId('profile-form');
  await form.locator('[name="nickName"]').fill('Mei Lin');
  await page.getByTestId('profile-save').click();
  await expect(form.locator('[name="nickName"]')).toHaveValue('Mei Lin');

  const app = await shell.launch(APP);
  await expect(await runShowcase(app, 'login')).toHaveText('login:ok');

  await runShowcase(app, 'getUserProfile', 'callback');
  const sheet = shell.sheet('userProfile');
  await expect(sheet).toBeVisible();
  await expect(sheet.getByTestId('sheet-desc')).toHaveText('Show your name on this page');
  await expect(sheet.getByTestId('sheet-nickname')).toHaveText('Mei Lin');
  await sheet.getByTestId('sheet-cancel').click();
  await expect(sheet).toBeHidden();
  await expect(app.getByTestId('errmsg-getUserProfile')).toHaveText('getUserProfile:fail auth deny');
  await expect(app.getByTestId('meta-getUserProfile')).toHaveText('callback: fail → complete');
  expect(await showcaseRaw(app, 'getUserProfile')).not.toHaveProperty('userInfo');

  await runShowcase(app, 'getUserProfile', 'promise');
  await shell.sheet('userProfile').getByTestId('sheet-confirm').click();
  await expect(app.getByTestId('errmsg-getUserProfile')).toHaveText('getUserProfile:ok');
  const res = await showcaseRaw(app, 'getUserProfile');
  expect(res.userInfo).toMatchObject({ nickName: 'Mei Lin' });
  expect(JSON.parse(res.rawData as string)).toEqual(res.userInfo);
  expect(res.signature).toMatch(/^[0-9a-f]{40}$/);
  expect(res.encryptedData).toEqual(expect.any(String));
});

test('getPhoneNumber shows only a masked number; Deny refuses and Allow gives a code', async ({ shell }) => {
  const app = await shell.launch(APP);

  await runShowcase(app, 'getPhoneNumber');
  const sheet = shell.sheet('phoneNumber');
  await expect(sheet.getByTestId('sheet-phone')).toHaveText(/\d{3}\*{4}\d{4}/);
  await sheet.getByTestId('sheet-cancel').click();
  await expect(app.getByTestId('errmsg-getPhoneNumber')).toHaveText('getPhoneNumber:fail user deny');

  await runShowcase(app, 'getPhoneNumber', 'callback');
  await shell.sheet('phoneNumber').getByTestId('sheet-confirm').click();
  await expect(app.getByTestId('errmsg-getPhoneNumber')).toHaveText('getPhoneNumber:ok');
  expect((await showcaseRaw(app, 'getPhoneNumber')).code).toEqual(expect.any(String));
});

test('scope.userInfo: refused, granted in openSetting, revoked in Settings', async ({ shell, page }) => {
  let app = await shell.launch(APP);
  await expect(await runShowcase(app, 'getUserInfo')).toHaveText('getUserInfo:fail scope unauthorized');
  await expect(await runShowcase(app, 'login')).toHaveText('login:ok');

  await runShowcase(app, 'authorize', 'callback');
  const ask = shell.sheet('authorize');
  await expect(ask.getByTestId('sheet-scope')).toHaveText(/Your profile|scope\.userInfo/);
  await ask.getByTestId('sheet-cancel').click();
  await expect(app.getByTestId('errmsg-authorize')).toHaveText('authorize:fail auth deny');
  await expect(await runShowcase(app, 'getUserInfo')).toHaveText('getUserInfo:fail auth deny');

  // WeChat asks once: a second authorize is refused without a sheet.
  await expect(await runShowcase(app, 'authorize')).toHaveText('authorize:fail auth deny');
  await expect(shell.sheet('authorize')).toHaveCount(0);

  await runShowcase(app, 'openSetting');
  const settingSheet = shell.sheet('openSetting');
  const toggle = settingSheet.locator('[data-testid="scope-toggle"][data-scope="scope.userInfo"]');
  await expect(toggle).not.toBeChecked();
  await toggle.check();
  await settingSheet.getByTestId('sheet-confirm').click();
  await expect(app.getByTestId('errmsg-openSetting')).toHaveText('openSetting:ok');
  expect(await showcaseRaw(app, 'openSetting')).toMatchObject({ authSetting: { 'scope.userInfo': true } });

  await expect(await runShowcase(app, 'getUserInfo')).toHaveText('getUserInfo:ok');
  expect((await showcaseRaw(app, 'getUserInfo')).userInfo).toMatchObject({ nickName: expect.any(String) });
  await expect(await runShowcase(app, 'getSetting')).toHaveText('getSetting:ok');
  expect(await showcaseRaw(app, 'getSetting')).toMatchObject({ authSetting: { 'scope.userInfo': true } });

  await shell.showSettings();
  const perms = page.locator(`[data-testid="perm-app"][data-app-id="${APP}"]`);
  const scope = perms.locator('[data-testid="perm-scope"][data-scope="scope.userInfo"]');
  await expect(scope).toHaveAttribute('data-granted', 'true');
  await perms.locator('[data-testid="revoke"][data-scope="scope.userInfo"]').click();
  await expect(scope).toHaveAttribute('data-granted', 'false');
  await expect(page.getByTestId('audit-row').filter({ hasText: 'revoke' }).first()).toBeVisible();

  app = await shell.switchTo(APP);
  await expect(await runShowcase(app, 'getUserInfo')).toHaveText('getUserInfo:fail auth deny');
});

test('bad params get a WeChat parameter error and never reach a sheet', async ({ shell }) => {
  const app = await shell.launch(APP);
  await expect(await runShowcase(app, 'getUserProfile', 'promise', {})).toHaveText(
    'getUserProfile:fail parameter error: parameter.desc should be String instead of Undefined;',
  );
  await expect(shell.sheet('userProfile')).toHaveCount(0);
  // Half-typed JSON is caught by the page itself and nothing is sent.
  await app.getByTestId('params-getSetting').fill('{"withSubscriptions": ');
  await app.getByTestId('promise-getSetting').click();
  await expect(app.getByTestId('errmsg-getSetting')).toHaveText(/^params are not valid JSON/);
});

test('payments the platform never created are refused with WeChat errors', async ({ shell }) => {
  const app = await shell.launch(APP);
  await expect(await runShowcase(app, 'requestPayment')).toHaveText('requestPayment:fail order not found');
  await expect(shell.sheet('payment')).toHaveCount(0);
  await expect(await runShowcase(app, 'requestVirtualPayment', 'callback')).toHaveText('requestVirtualPayment:fail paySig invalid');
  expect(await showcaseRaw(app, 'requestVirtualPayment')).toMatchObject({ errCode: -15006 });
  await expect(shell.sheet('virtualPayment')).toHaveCount(0);
});

test('storage: async and Sync forms share one per-app store that survives a relaunch', async ({ shell }) => {
  let app = await shell.launch(APP);
  await expect(await runShowcase(app, 'clearStorage')).toHaveText('clearStorage:ok');
  await expect(await runShowcase(app, 'setStorage', 'callback')).toHaveText('setStorage:ok');
  await expect(await runShowcase(app, 'getStorage')).toHaveText('getStorage:ok');
  expect((await showcaseRaw(app, 'getStorage')).data).toEqual({ text: 'hello', n: 1 });

  await expect(await runShowcase(app, 'setStorageSync', 'run', { key: 'sync-key', data: [1, 'two'] })).toHaveText('returned');
  await expect(await runShowcase(app, 'getStorageSync', 'run', { key: 'sync-key' })).toHaveText('returned');
  expect(await showcaseRaw(app, 'getStorageSync')).toEqual([1, 'two']);
  // The Sync write goes through to the host: the async API sees it.
  await expect
    .poll(async () => {
      await runShowcase(app, 'getStorage', 'promise', { key: 'sync-key' });
      await expect(app.getByTestId('errmsg-getStorage')).not.toHaveText('waiting for the host…');
      return (await showcaseRaw(app, 'getStorage')).data;
    })
    .toEqual([1, 'two']);

  await expect(await runShowcase(app, 'getStorageInfo')).toHaveText('getStorageInfo:ok');
  expect(await showcaseRaw(app, 'getStorageInfo')).toMatchObject({ keys: expect.arrayContaining(['greeting', 'sync-key']), limitSize: 10240 });

  // A relaunched page reads the host's copy synchronously, before any round trip.
  await shell.tab(APP).getByTestId('tab-close').click();
  app = await shell.launch(APP);
  await expect(await runShowcase(app, 'getStorageSync', 'run', { key: 'sync-key' })).toHaveText('returned');
  expect(await showcaseRaw(app, 'getStorageSync')).toEqual([1, 'two']);

  await expect(await runShowcase(app, 'removeStorage', 'promise', { key: 'greeting' })).toHaveText('removeStorage:ok');
  await expect(await runShowcase(app, 'getStorage', 'promise', { key: 'greeting' })).toHaveText('getStorage:fail data not found');
  await expect(await runShowcase(app, 'clearStorageSync', 'run')).toHaveText('returned');
  await expect(await runShowcase(app, 'getStorageInfoSync', 'run')).toHaveText('returned');
  expect(await showcaseRaw(app, 'getStorageInfoSync')).toMatchObject({ keys: [] });
  await expect(await runShowcase(app, 'getStorageSync', 'run', { key: 'sync-key' })).toHaveText('returned');
  expect(await showcaseRaw(app, 'getStorageSync')).toBe('');
});

test('getSystemInfo names the host', async ({ shell }) => {
  const app = await shell.launch(APP);
  await expect(await runShowcase(app, 'getSystemInfo', 'callback')).toHaveText('getSystemInfo:ok');
  expect(await showcaseRaw(app, 'getSystemInfo')).toMatchObject({ host: { env: 'web', name: 'Superapp Shell' } });
});

test('a consent sheet opens on Deny with Allow disabled and described, and Allow works about 600 ms later', async ({ shell, page }) => {
  const app = await shell.launch(APP);
  // Watch the sheet from inside the shell page, so the state at the moment it appears is measured there,
  // not after however long a Playwright round trip takes on a busy machine.
  await page.evaluate(() => {
    const log: { atInsert?: { disabled: boolean; hint: string; focused: string | null }; enabledAfterMs?: number } = {};
    (window as unknown as { armingLog: typeof log }).armingLog = log;
    const seen = new MutationObserver(() => {
      const confirm = document.querySelector<HTMLButtonElement>('[data-testid="sheet"][data-sheet-kind="phoneNumber"] [data-testid="sheet-confirm"]');
      if (!confirm || log.atInsert) return;
      const shownAt = performance.now();
      const hintId = confirm.getAttribute('aria-describedby');
      log.atInsert = {
        disabled: confirm.disabled,
        hint: (hintId && document.getElementById(hintId)?.textContent) || '',
        focused: document.activeElement?.getAttribute('data-testid') ?? null,
      };
      const armed = new MutationObserver(() => {
        if (confirm.disabled || log.enabledAfterMs !== undefined) return;
        log.enabledAfterMs = performance.now() - shownAt;
        armed.disconnect();
      });
      armed.observe(confirm, { attributes: true, attributeFilter: ['disabled'] });
      seen.disconnect();
    });
    seen.observe(document.body, { childList: true, subtree: true });
  });

  await runShowcase(app, 'getPhoneNumber', 'callback');
  const sheet = shell.sheet('phoneNumber');
  await expect(sheet).toBeVisible();
  const confirm = sheet.getByTestId('sheet-confirm');
  await expect(confirm).toBeEnabled();
  await expect(confirm).not.toHaveAttribute('aria-describedby', /./);
  const log = await page.evaluate(() => (window as unknown as { armingLog: { atInsert?: { disabled: boolean; hint: string; focused: string | null }; enabledAfterMs?: number } }).armingLog);
  expect(log.atInsert).toEqual({ disabled: true, hint: expect.stringMatching(/^Allow becomes available a moment after/), focused: 'sheet-cancel' });
  expect(log.enabledAfterMs).toBeGreaterThanOrEqual(550);

  // Playwright's click waits for the button to be enabled, as a user does.
  await confirm.click();
  await expect(app.getByTestId('errmsg-getPhoneNumber')).toHaveText('getPhoneNumber:ok');
});
