// A per-map write budget for concurrent bursts: a burst of n writes to one map waits until n
// more fit in the last second's window, then all n go together (the race needs them together).
// Unlimited on the loopback; off it, the rate stays under the documented per-object limit.

export interface PacerOptions {
  readonly writesPerSecond: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const WINDOW_MS = 1_000;

export class MapWritePacer {
  private readonly sent = new Map<string, number[]>();
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: PacerOptions) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Waits until `count` writes to `map` fit in the window, and counts them as sent. */
  async reserve(map: string, count = 1): Promise<void> {
    const limit = this.options.writesPerSecond;
    if (!Number.isFinite(limit)) return;
    if (count > limit) throw new RangeError(`a burst of ${count} writes exceeds ${limit} a second`);
    for (;;) {
      const at = this.now();
      const recent = (this.sent.get(map) ?? []).filter((time) => time > at - WINDOW_MS);
      if (recent.length + count <= limit) {
        this.sent.set(map, [...recent, ...new Array<number>(count).fill(at)]);
        return;
      }
      const oldestNeeded = recent[recent.length + count - limit - 1] ?? at;
      await this.sleep(Math.max(1, oldestNeeded + WINDOW_MS - at));
    }
  }
}
