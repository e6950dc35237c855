/**
 * A token bucket for tokens-per-minute limits. It refills continuously at `perWindow / windowMs`
 * per ms up to `perWindow`. A request takes its estimate up front; the difference to the actual usage
 * is settled afterwards, so the level can go negative (debt) and later requests wait it off.
 */
export class TokenBucket {
  readonly capacity: number;
  private level: number;
  private updatedAt: number;
  private readonly now: () => number;

  private readonly windowMs: number;

  constructor(perWindow: number, { windowMs = 60_000, now = Date.now } = {}) {
    if (!(perWindow > 0)) throw new RangeError(`tokens per window must be > 0, got ${perWindow}`);
    this.capacity = perWindow;
    this.level = perWindow;
    this.windowMs = windowMs;
    this.now = now;
    this.updatedAt = now();
  }

  /** Tokens available now (negative while in debt). */
  get available(): number {
    this.refill();
    return this.level;
  }

  /** Milliseconds until `amount` tokens (capped at the capacity) are available. */
  waitTime(amount: number): number {
    this.refill();
    const needed = Math.min(amount, this.capacity);
    if (this.level >= needed) return 0;
    return Math.ceil(((needed - this.level) * this.windowMs) / this.capacity);
  }

  take(amount: number): void {
    this.refill();
    this.level -= amount;
  }

  /** Settles an estimate against the actual count: gives back or charges the difference. */
  adjust(estimated: number, actual: number): void {
    this.refill();
    this.level = Math.min(this.capacity, this.level + estimated - actual);
  }

  private refill(): void {
    const now = this.now();
    const elapsed = now - this.updatedAt;
    if (elapsed > 0) {
      this.level = Math.min(this.capacity, this.level + (elapsed * this.capacity) / this.windowMs);
      this.updatedAt = now;
    }
  }
}
