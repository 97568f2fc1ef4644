/** How often the view checks the logic layer, and how long without an answer counts as not responding */
const PING_EVERY_MS = 2000;
const UNRESPONSIVE_AFTER_MS = 5000;

/**
 * Tells the user when the app's logic layer stops answering (an endless loop in page code, say): the view
 * itself stays responsive, so it can say so and offer a reload, as a desktop app's "not responding" does.
 * The banner goes away by itself if the logic layer recovers.
 */
export class LogicWatchdog {
  private seq = 0;
  private answered = 0;
  private lastAnswerAt = performance.now();
  private readonly banner = document.createElement('div');

  constructor(ping: (seq: number) => void, reload: () => void) {
    this.banner.className = 'wx-unresponsive';
    this.banner.setAttribute('role', 'alert');
    this.banner.hidden = true;
    const text = document.createElement('span');
    text.textContent = 'This mini program is not responding.';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Reload';
    button.addEventListener('click', reload);
    this.banner.append(text, button);
    document.body.append(this.banner);
    setInterval(() => {
      if (this.answered === this.seq) this.lastAnswerAt = performance.now();
      ping(++this.seq);
      this.banner.hidden = performance.now() - this.lastAnswerAt < UNRESPONSIVE_AFTER_MS;
    }, PING_EVERY_MS);
  }

  pong(seq: number): void {
    this.answered = Math.max(this.answered, seq);
    this.lastAnswerAt = performance.now();
    this.banner.hidden = true;
  }
}
