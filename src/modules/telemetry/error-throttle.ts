/**
 * Keeps a misbehaving device from flooding its own error log (and the store): per device, source
 * and reason, at most `limit` entries are written per window; the rest are counted and the next
 * entry written says how many like it were left out. Pure: the caller passes the time.
 */
export interface Admission {
  /** Write this entry. */
  write: boolean;
  /** Entries with the same key left out since the last one written (said in this entry). */
  suppressed: number;
}

interface Window {
  start: number;
  written: number;
  suppressed: number;
}

export class ErrorThrottle {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly limit = 5,
    private readonly windowMs = 60_000,
    /** Keys tracked at most; expired windows are dropped first when it is reached. */
    private readonly maxKeys = 10_000,
  ) {}

  admit(key: string, now: number): Admission {
    const w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      const suppressed = w?.suppressed ?? 0;
      if (!w && this.windows.size >= this.maxKeys) this.evict(now);
      this.windows.set(key, { start: now, written: 1, suppressed: 0 });
      return { write: true, suppressed };
    }
    if (w.written < this.limit) {
      w.written++;
      const suppressed = w.suppressed;
      w.suppressed = 0;
      return { write: true, suppressed };
    }
    w.suppressed++;
    return { write: false, suppressed: w.suppressed };
  }

  private evict(now: number): void {
    for (const [k, w] of this.windows) if (now - w.start >= this.windowMs && w.suppressed === 0) this.windows.delete(k);
    // Still full (a flood of distinct keys): forget the oldest half rather than grow without bound.
    if (this.windows.size >= this.maxKeys) {
      let n = Math.floor(this.windows.size / 2);
      for (const k of this.windows.keys()) {
        if (n-- <= 0) break;
        this.windows.delete(k);
      }
    }
  }
}
