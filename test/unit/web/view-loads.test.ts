import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closed, connectWs, http, nextMessage, shellClient, startTestHost, viewTokenFromPage, type TestHost } from './helpers';

/**
 * A view's page is handed its bridge token when it loads. Another mini program can navigate its own frame
 * to that page's URL (the view ids are small numbers), so a load needs a one-time key that only the shell
 * page and the view's own page ever see, and a socket from an older load cannot take the view's bridge over.
 */
let t: TestHost;
let port: number;

beforeAll(async () => {
  t = await startTestHost();
  port = t.host.port;
});
afterAll(() => t.close());

type Shell = Awaited<ReturnType<typeof shellClient>>;
type Running = { viewId: number; appId: string; url: string };

async function launch(shell: Shell, appId: string): Promise<Running> {
  const answer = await shell.call('launch', { appId });
  if (!answer.ok) throw new Error(`launch ${appId}: ${answer.error?.message}`);
  return answer.output as Running;
}

const bridgeUrl = (viewId: number, token: string) => `ws://alpha.localhost:${port}/ws/bridge?view=${viewId}&token=${encodeURIComponent(token)}`;
const alphaOrigin = () => `http://alpha.localhost:${port}`;

async function openBridge(viewId: number, token: string) {
  const outcome = await connectWs(bridgeUrl(viewId, token), alphaOrigin());
  if (!outcome.opened) throw new Error(`bridge refused: ${outcome.status} ${outcome.body}`);
  return outcome.socket;
}

async function answers(socket: Awaited<ReturnType<typeof openBridge>>, id: number): Promise<unknown> {
  const answer = nextMessage(socket, (m) => m.id === id);
  socket.send(JSON.stringify({ v: 1, id, api: 'getStorageInfo', params: {} }));
  return answer;
}

const pathOf = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};

describe('loading a view page', () => {
  it('opens the view URL once: a second load with the same key gets a 403 page saying what to do', async () => {
    const shell = await shellClient(port, t.host.shellToken);
    const { url } = await launch(shell, 'alpha');
    shell.socket.close();
    expect(new URL(url).searchParams.get('__load')).toMatch(/^[\w-]{40,}$/);
    const first = await http(port, { host: `alpha.localhost:${port}`, path: pathOf(url) });
    expect(first.status).toBe(200);
    expect(first.body).toContain('__superapp_boot__');

    const second = await http(port, { host: `alpha.localhost:${port}`, path: pathOf(url) });
    expect(second.status).toBe(403);
    expect(second.body).toContain('load key of view');
    expect(second.body).toContain('already used');
    expect(second.body).not.toContain('__superapp_boot__');
  });

  it('a launch on a given page puts it in the view URL (__path) of every shell page, and the page still loads', async () => {
    const shell = await shellClient(port, t.host.shellToken);
    const answer = await shell.call('launch', { appId: 'beta', path: 'pages/gone/gone?a=1' });
    const { url } = answer.output as Running;
    expect(new URL(url).searchParams.get('__path')).toBe('pages/gone/gone?a=1');
    const listed = (await shell.call('listRunning')).output as Running[];
    expect(new URL(listed.find((r) => r.appId === 'beta')!.url).searchParams.get('__path')).toBe('pages/gone/gone?a=1');
    shell.socket.close();
    const page = await http(port, { host: `beta.localhost:${port}`, path: pathOf(url) });
    expect(page.status).toBe(200);
    expect(page.body).toContain('__superapp_boot__');
  });

  it("refuses another app's frame that navigates to a running view's page, and the view keeps its bridge", async () => {
    const shell = await shellClient(port, t.host.shellToken);
    const victim = await launch(shell, 'alpha');
    shell.socket.close();
    const { token } = await viewTokenFromPage(port, victim.url);
    const live = await openBridge(victim.viewId, token);

    // What a hostile page can know: the view id. Without the key, or with a guessed one, no token.
    for (const path of [`/index.html?__view=${victim.viewId}`, `/index.html?__view=${victim.viewId}&__load=${'A'.repeat(43)}`, `/?__view=${victim.viewId}`]) {
      const hijack = await http(port, { host: `alpha.localhost:${port}`, path });
      expect(hijack.status === 403 || hijack.status === 302, path).toBe(true);
      if (hijack.status === 302) {
        const followed = await http(port, { host: `alpha.localhost:${port}`, path: String(hijack.headers.location) });
        expect(followed.status, path).toBe(403);
        expect(followed.body).not.toContain(token);
        continue;
      }
      expect(hijack.body, path).not.toContain(token);
      expect(hijack.body, path).not.toContain('__superapp_boot__');
    }
    const noKey = await http(port, { host: `alpha.localhost:${port}`, path: `/index.html?__view=${victim.viewId}` });
    expect(noKey.body).toContain('one-time load key');

    expect(live.readyState).toBe(live.OPEN);
    expect(await answers(live, 1)).toMatchObject({ ok: true, result: { errMsg: 'getStorageInfo:ok' } });
    live.close();
  });

  it('hands the page a key for its own reload; a socket of an older load cannot replace the live one', async () => {
    const shell = await shellClient(port, t.host.shellToken);
    const { url, viewId } = await launch(shell, 'alpha');
    shell.socket.close();
    const first = await viewTokenFromPage(port, url);
    expect(first.reloadUrl).not.toBe(url);
    const s1 = await openBridge(viewId, first.token);

    // The page reloads (the user, or a dev-app change): the key it was given opens the next load.
    const second = await viewTokenFromPage(port, first.reloadUrl);
    expect(second.token).not.toBe(first.token);
    const replaced = closed(s1);
    const s2 = await openBridge(viewId, second.token);
    expect(await replaced).toEqual({ code: 4002, reason: 'replaced by a newer page' });

    // The first load's token, whoever holds it now, no longer opens this view's bridge.
    const stale = await connectWs(bridgeUrl(viewId, first.token), alphaOrigin());
    expect(stale).toMatchObject({ opened: false, status: 403 });
    if (!stale.opened) expect(stale.body).toContain('latest load');
    expect(s2.readyState).toBe(s2.OPEN);
    expect(await answers(s2, 2)).toMatchObject({ ok: true, result: { errMsg: 'getStorageInfo:ok' } });
    s2.close();
  });

  it('gives every shell page its own working URL per view, the same in its commands and events', async () => {
    const a = await shellClient(port, t.host.shellToken);
    const launched = await launch(a, 'alpha');
    const listed = ((await a.call('listRunning')).output as Running[]).find((r) => r.viewId === launched.viewId)!;
    expect(listed.url).toBe(launched.url);
    const event = nextMessage<{ kind: string; event: { type: string; running?: Running[] } }>(a.socket, (m) => m.kind === 'event' && m.event.type === 'runningChanged');
    await launch(a, 'beta');
    expect((await event).event.running!.find((r) => r.viewId === launched.viewId)!.url).toBe(launched.url);

    // A reloaded shell page is a new connection: it gets a fresh key, so its frame loads too.
    const b = await shellClient(port, t.host.shellToken);
    const again = ((await b.call('listRunning')).output as Running[]).find((r) => r.viewId === launched.viewId)!;
    expect(again.url).not.toBe(launched.url);
    expect((await http(port, { host: `alpha.localhost:${port}`, path: pathOf(launched.url) })).status).toBe(200);
    expect((await http(port, { host: `alpha.localhost:${port}`, path: pathOf(again.url) })).status).toBe(200);
    a.socket.close();
    b.socket.close();
  });
});
