/** The clinic's idle lock when the server has not said otherwise. */
export const DEFAULT_IDLE_LOCK_MINUTES = 10;

/** A wall clock in milliseconds; tests pass one they move by hand. */
export type Clock = () => number;

/**
 * When the signed-in person last did something (the renderer reports keyboard and pointer activity, throttled), and
 * whether they have been idle for the clinic's lock time. Background work (sync, status polls) is not activity.
 */
export class IdleTracker {
  private lastActivityMs: number;
  private readonly now: Clock;

  constructor(now: Clock) {
    this.now = now;
    this.lastActivityMs = now();
  }

  touch(): void {
    this.lastActivityMs = this.now();
  }

  idleFor(minutes: number): boolean {
    return this.now() - this.lastActivityMs >= minutes * 60_000;
  }
}
