/**
 * Which of the view's events the logic layer has handled. The view numbers every event it sends; each render
 * batch says the last one the logic had handled when it made the batch. A value the logic sends for a text box
 * the user has typed into since (a bindinput result, a `model:value` re-render) is then known to be older than
 * what the box shows, and is not written over the user's newer keystrokes.
 */
export class EventClock {
  private sent = 0;
  private handledUpTo = 0;
  private waiting: Array<{ seq: number; then: () => void }> = [];

  /** the next event's number */
  next(): number {
    return ++this.sent;
  }

  handled(seq: number): boolean {
    return this.handledUpTo >= seq;
  }

  /** a render batch's `handled`: call after the batch is applied, so what it set counts before the waiters run */
  advance(handled: number | undefined): void {
    if (handled === undefined || handled <= this.handledUpTo) return;
    this.handledUpTo = handled;
    const due = this.waiting.filter((w) => w.seq <= handled);
    if (due.length === 0) return;
    this.waiting = this.waiting.filter((w) => w.seq > handled);
    for (const w of due) w.then();
  }

  whenHandled(seq: number, then: () => void): void {
    if (this.handled(seq)) then();
    else this.waiting.push({ seq, then });
  }
}
