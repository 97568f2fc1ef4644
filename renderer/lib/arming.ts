/**
 * How long a sheet's approving button stays disabled once the sheet is in front of the user. Long enough
 * that a key press or click aimed at the app (auto-repeat, a double click, a tap the page asked for)
 * cannot land on it, short enough that someone who reads the sheet never waits for it.
 */
export const ARMING_DELAY_MS = 600;

/**
 * Keeps an approving action disarmed until its sheet has been visible for a moment.
 *
 * A mini program chooses when its request starts, so it can make a sheet appear exactly when it knows
 * input is coming (its own game asks for Enter, a button asks for a quick double click). That input was
 * meant for the page; it must not answer the sheet. Hiding the sheet (the window goes to the background)
 * disarms it again, because the user comes back with input already in flight just the same.
 */
export class ArmingGate {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private isArmed = false;
  private disposed = false;

  constructor(
    private readonly onChange: (armed: boolean) => void,
    private readonly delayMs: number = ARMING_DELAY_MS,
  ) {}

  get armed(): boolean {
    return this.isArmed;
  }

  /** Disarms now and arms once `delayMs` have passed with no other restart or hold in between. */
  restart(): void {
    if (this.disposed) return;
    this.hold();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.set(true);
    }, this.delayMs);
  }

  /** Disarms with no countdown: the sheet cannot be seen, so no time spent counts as reading it. */
  hold(): void {
    if (this.disposed) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.set(false);
  }

  /** The sheet is answered or gone: stop for good, so a pending countdown cannot re-enable anything. */
  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.disposed = true;
  }

  private set(armed: boolean): void {
    if (this.isArmed === armed) return;
    this.isArmed = armed;
    this.onChange(armed);
  }
}
