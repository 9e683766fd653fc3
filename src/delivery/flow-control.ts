import { FAST_TARGET_SLOT_WAIT_MS, SLOW_TARGET_MS, SLOW_TARGET_SLOT_WAIT_MS } from './delivery-policy.ts';

/**
 * Caps one target's requests in flight in this process, so a slow target cannot take every slot.
 * A request waits for its target's slot as long as the target answers quickly (a burst to a
 * healthy receiver flows through at full speed); for a slow target it waits only briefly, and the
 * delivery is deferred instead of holding a worker.
 */
export class TargetLimiter {
  readonly #inFlight = new Map<string, number>();
  readonly #waiting = new Map<string, (() => void)[]>();
  readonly #latency = new Map<string, number>();
  readonly #cap: number;
  constructor(cap: number) {
    this.#cap = cap;
  }
  /** Remembers how long the target took (a moving average). */
  observe(targetId: string, durationMs: number): void {
    const previous = this.#latency.get(targetId);
    this.#latency.set(targetId, previous === undefined ? durationMs : previous * 0.8 + durationMs * 0.2);
    if (this.#latency.size > 50_000) this.#latency.clear();
  }
  async acquire(targetId: string): Promise<boolean> {
    const waitMs = (this.#latency.get(targetId) ?? 0) < SLOW_TARGET_MS ? FAST_TARGET_SLOT_WAIT_MS : SLOW_TARGET_SLOT_WAIT_MS;
    const n = this.#inFlight.get(targetId) ?? 0;
    if (n < this.#cap) {
      this.#inFlight.set(targetId, n + 1);
      return true;
    }
    return new Promise<boolean>((resolve) => {
      const queue = this.#waiting.get(targetId) ?? [];
      this.#waiting.set(targetId, queue);
      const grant = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        queue.splice(queue.indexOf(grant), 1);
        resolve(false);
      }, waitMs);
      queue.push(grant);
    });
  }
  release(targetId: string): void {
    const next = this.#waiting.get(targetId)?.shift();
    if (next) return next(); // the slot passes straight to a waiting request
    const n = (this.#inFlight.get(targetId) ?? 1) - 1;
    if (n <= 0) {
      this.#inFlight.delete(targetId);
      this.#waiting.delete(targetId);
    } else this.#inFlight.set(targetId, n);
  }
}


/** At most `size` requests in flight from this process; the rest wait their turn. */
export class Semaphore {
  #free: number;
  readonly #waiting: (() => void)[] = [];
  constructor(size: number) {
    this.#free = size;
  }
  async acquire(): Promise<void> {
    if (this.#free > 0) {
      this.#free--;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }
  release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#free++;
  }
}
