import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { installFixture, visiblePage } from './wechat-fixture-install';

/**
 * wx.createInnerAudioContext, wx.setInnerAudioOption and wx.getBackgroundAudioManager in real Chromium, on
 * the fixture's own 1.5 s tones (test/fixtures/wechat/audio/media). The page logs every event its listeners
 * hear, with the player's currentTime / paused / duration read inside the listener, in #events; its buttons
 * call the methods (a tap is a user gesture, so the browser lets them play).
 */

test.describe.configure({ timeout: 240_000 });

const APP_ID = 'wxaudio000000001';

test.beforeEach(async ({ host }) => installFixture(host, APP_ID, 'audio'));

type Logged = { name: string; event: string; currentTime?: number; paused?: boolean; duration?: number; res?: Record<string, unknown> };

async function events(page: Locator): Promise<Logged[]> {
  return JSON.parse((await page.locator('#events').textContent()) || '[]') as Logged[];
}

const of = async (page: Locator, name: string, event?: string) => (await events(page)).filter((e) => e.name === name && (event === undefined || e.event === event));

/** the latest entry of this player and event, once there is one */
async function latest(page: Locator, name: string, event: string): Promise<Logged> {
  await expect.poll(async () => (await of(page, name, event)).length, { timeout: 15_000 }).toBeGreaterThan(0);
  return (await of(page, name, event)).at(-1)!;
}

/** the first entry of this player and event after the first `from` ones, once there is one */
async function next(page: Locator, name: string, event: string, from: number): Promise<Logged> {
  await expect.poll(async () => (await of(page, name, event)).length, { timeout: 15_000 }).toBeGreaterThan(from);
  return (await of(page, name, event))[from]!;
}

const count = async (page: Locator, name: string, event: string) => (await of(page, name, event)).length;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('canplay, play then growing timeupdates, pause, seek, ended: in order, with current properties', async ({ shell }) => {
  const app = await shell.launch(APP_ID);
  const page = visiblePage(app);
  await expect(page.locator('#can-use')).toHaveText('true,true,true');
  await expect.poll(async () => (await of(page, 'option')).map((e) => e.event)).toEqual(['setInnerAudioOption:ok']);

  // preloaded without a gesture: canplay with the file's real duration
  const canplay = await latest(page, 'a', 'Canplay');
  expect(canplay.duration!).toBeCloseTo(1.5, 1);
  expect(canplay.paused).toBe(true);
  expect(await count(page, 'a', 'Play')).toBe(0);

  await page.locator('#play').click();
  const played = await latest(page, 'a', 'Play');
  expect(played.paused).toBe(false);
  // several timeupdates while it plays (half speed: about 3 s of playing), each further on
  await expect.poll(async () => (await of(page, 'a', 'TimeUpdate')).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
  const times = (await of(page, 'a', 'TimeUpdate')).map((e) => e.currentTime!);
  for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThan(times[i - 1]!);
  // WeChat keeps six decimals
  for (const t of times) expect(Math.round(t * 1e6) / 1e6).toBe(t);

  await page.locator('#pause').click();
  const paused = await latest(page, 'a', 'Pause');
  expect(paused.paused).toBe(true);
  expect(paused.currentTime!).toBeGreaterThan(0);
  expect(paused.currentTime!).toBeLessThan(1.5);
  const updates = await count(page, 'a', 'TimeUpdate');
  await pause(800);
  expect(await count(page, 'a', 'TimeUpdate')).toBeLessThanOrEqual(updates + 1);
  await expect(page.locator('.state')).toContainText('A: paused at');

  await page.locator('#seek').click();
  const seeking = await latest(page, 'a', 'Seeking');
  const seeked = await latest(page, 'a', 'Seeked');
  expect(seeking.currentTime!).toBeCloseTo(1, 2);
  expect(seeked.currentTime!).toBeCloseTo(1, 2);
  expect(seeked.paused).toBe(true);

  // from 1 s to the end: ended, and no pause on the way (HTML fires one; WeChat does not)
  const pausesBefore = await count(page, 'a', 'Pause');
  await page.locator('#play').click();
  const ended = await latest(page, 'a', 'Ended');
  expect(ended.currentTime!).toBeCloseTo(1.5, 1);
  expect(ended.paused).toBe(true);
  expect(await count(page, 'a', 'Pause')).toBe(pausesBefore);
  const order = (await of(page, 'a')).map((e) => e.event).filter((e) => e !== 'TimeUpdate' && e !== 'Waiting' && e !== 'Canplay');
  expect(order).toEqual(['Play', 'Pause', 'Seeking', 'Seeked', 'Play', 'Ended']);
});

test('stop: onStop (not onPause), back to the start; play again starts from 0', async ({ shell }) => {
  const app = await shell.launch(APP_ID);
  const page = visiblePage(app);
  await latest(page, 'a', 'Canplay');
  await page.locator('#play').click();
  await expect.poll(async () => (await of(page, 'a', 'TimeUpdate')).at(-1)?.currentTime ?? 0).toBeGreaterThan(0.3);
  const pauses = await count(page, 'a', 'Pause');
  await page.locator('#stop').click();
  const stopped = await latest(page, 'a', 'Stop');
  expect(stopped).toMatchObject({ currentTime: 0, paused: true });
  await pause(500);
  expect(await count(page, 'a', 'Pause')).toBe(pauses);
  expect(await count(page, 'a', 'Seeked')).toBe(0);

  const plays = await count(page, 'a', 'Play');
  const updates = await count(page, 'a', 'TimeUpdate');
  await page.locator('#play').click();
  await next(page, 'a', 'Play', plays);
  const first = await next(page, 'a', 'TimeUpdate', updates);
  expect(first.currentTime!).toBeLessThan(0.3);
  await page.locator('#pause').click();
  await latest(page, 'a', 'Pause');
});

test("a missing file and a file that is not audio: onError with WeChat's errCode (10003 file, 10004 format)", async ({ shell }) => {
  const app = await shell.launch(APP_ID);
  const page = visiblePage(app);
  await page.locator('#missing').click();
  const missing = await latest(page, 'missing', 'Error');
  expect(missing.res).toEqual({ errCode: 10003, errMsg: expect.stringContaining('/media/missing.mp3') });
  expect(String(missing.res!['errMsg'])).toContain('HTTP 404');
  expect(await count(page, 'missing', 'Play')).toBe(0);

  await page.locator('#not-audio').click();
  const notAudio = await latest(page, 'not-audio', 'Error');
  expect(notAudio.res).toEqual({ errCode: 10004, errMsg: expect.stringContaining('/media/not-audio.mp3') });
});

test('two contexts play at once; destroy stops one, which then does nothing, and the other goes on', async ({ shell }) => {
  const app = await shell.launch(APP_ID);
  const page = visiblePage(app);
  await latest(page, 'a', 'Canplay');
  // the view's audio elements are in no document: keep a hand on each one that is played
  const frame = await shell.appFrame(APP_ID);
  await frame.evaluate(() => {
    const played: HTMLMediaElement[] = [];
    (window as unknown as { __played: HTMLMediaElement[] }).__played = played;
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      if (!played.includes(this)) played.push(this);
      return play.call(this);
    };
  });
  const elements = () =>
    frame.evaluate(() => (window as unknown as { __played: HTMLMediaElement[] }).__played.map((a) => ({ src: a.getAttribute('src') ?? '', paused: a.paused })));
  await page.locator('#both').click();
  await latest(page, 'a', 'Play');
  await latest(page, 'b', 'Play');
  // both advance at the same time
  const a0 = await count(page, 'a', 'TimeUpdate');
  const b0 = await count(page, 'b', 'TimeUpdate');
  await next(page, 'a', 'TimeUpdate', a0 + 1);
  await next(page, 'b', 'TimeUpdate', b0 + 1);
  expect((await of(page, 'b', 'TimeUpdate')).at(-1)!.paused).toBe(false);

  await expect.poll(elements).toEqual([
    { src: '/media/tone.mp3', paused: false },
    { src: '/media/tone.ogg', paused: false },
  ]);

  await page.locator('#destroy-b').click();
  // b's element is stopped and emptied; a's keeps its file
  await expect.poll(async () => (await elements())[1]).toEqual({ src: '', paused: true });
  expect((await elements())[0]!.src).toBe('/media/tone.mp3');
  // b loops: without destroy it would go on reporting; destroyed, it falls silent and its play() does nothing
  await pause(300);
  const bAfter = (await events(page)).filter((e) => e.name === 'b').length;
  const playsAfter = await count(page, 'b', 'Play');
  await pause(1000);
  expect((await events(page)).filter((e) => e.name === 'b').length).toBe(bAfter);
  expect(await count(page, 'b', 'Play')).toBe(playsAfter);
  // a plays on after b is gone (to its natural end)
  await latest(page, 'a', 'Ended');
});

test('the app hidden (another app in front) pauses what plays; nothing resumes by itself on show', async ({ shell }) => {
  const app = await shell.launch(APP_ID);
  const page = visiblePage(app);
  await latest(page, 'a', 'Canplay');
  await page.locator('#play').click();
  await latest(page, 'a', 'Play');
  await shell.launch('api-showcase');
  const paused = await latest(page, 'a', 'Pause');
  expect(paused.paused).toBe(true);
  expect(paused.currentTime!).toBeLessThan(1.5);
  const plays = await count(page, 'a', 'Play');
  await shell.switchTo(APP_ID);
  await pause(800);
  expect(await count(page, 'a', 'Play')).toBe(plays);
});

test('autoplay with startTime: plays without play(), from startTime', async ({ shell }) => {
  const app = await shell.launch(APP_ID);
  const page = visiblePage(app);
  await page.locator('#autoplay').click();
  await latest(page, 'auto', 'Play');
  const first = await next(page, 'auto', 'TimeUpdate', 0);
  expect(first.currentTime!).toBeGreaterThanOrEqual(0.5);
  await latest(page, 'auto', 'Ended');
});

test('the background audio manager plays as soon as src is set, from startTime, to its end', async ({ shell }) => {
  const app = await shell.launch(APP_ID);
  const page = visiblePage(app);
  await page.locator('#bgm').click();
  const played = await latest(page, 'bgm', 'Play');
  expect(played.paused).toBe(false);
  const first = await latest(page, 'bgm', 'TimeUpdate');
  expect(first.currentTime!).toBeGreaterThanOrEqual(0.5);
  const ended = await latest(page, 'bgm', 'Ended');
  expect(ended.duration!).toBeCloseTo(1.5, 1);
  expect(await count(page, 'bgm', 'Error')).toBe(0);
  // title, singer and album on the browser's media session (the desktop's "now playing")
  const frame = await shell.appFrame(APP_ID);
  const meta = await frame.evaluate(() => {
    const m = navigator.mediaSession.metadata;
    return m ? { title: m.title, artist: m.artist, album: m.album } : null;
  });
  expect(meta).toEqual({ title: 'Test tone', artist: 'Sine', album: 'Superapp tests' });
});

test('screenshot of the fixture page after some playing', async ({ shell }) => {
  const app = await shell.launch(APP_ID);
  const page = visiblePage(app);
  await latest(page, 'a', 'Canplay');
  await page.locator('#missing').click();
  await latest(page, 'missing', 'Error');
  await page.locator('#play').click();
  await latest(page, 'a', 'Play');
  await page.locator('#pause').click();
  await latest(page, 'a', 'Pause');
  // keyboard focus on the next button: its focus ring shows in the picture
  await page.locator('#pause').focus();
  await shell.page.keyboard.press('Tab');
  await expect(page.locator('#seek')).toBeFocused();
  await shell.page.screenshot({ path: test.info().outputPath('audio-fixture.png') });
});
