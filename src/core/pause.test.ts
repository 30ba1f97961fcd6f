/** A job's wait between passes: whatever ends it, no timer is left behind. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pause } from './pause.ts';

describe('pause', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('ends after its time, on a wake-up or on the signal, and clears its timer each way', async () => {
    const signal = new AbortController();
    const timed = pause(1000, signal.signal);
    let ended = false;
    void timed.done.then(() => (ended = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(ended).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(ended).toBe(true);
    expect(vi.getTimerCount()).toBe(0);

    const woken = pause(60_000, signal.signal);
    expect(vi.getTimerCount()).toBe(1);
    woken.wake();
    await woken.done;
    expect(vi.getTimerCount()).toBe(0);

    const stopped = pause(60_000, signal.signal);
    signal.abort();
    await stopped.done;
    expect(vi.getTimerCount()).toBe(0);

    // Already aborted: no wait, no timer.
    await pause(60_000, signal.signal).done;
    expect(vi.getTimerCount()).toBe(0);
  });
});
