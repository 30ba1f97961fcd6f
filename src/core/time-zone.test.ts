import { describe, expect, it } from 'vitest';
import { utcOffsetMs } from './time-zone.ts';

const HOUR = 3_600_000;

describe('utcOffsetMs', () => {
  it('is the zone’s offset at the instant, daylight saving included', () => {
    expect(utcOffsetMs('Asia/Shanghai', Date.UTC(2026, 0, 1))).toBe(8 * HOUR);
    expect(utcOffsetMs('Asia/Kolkata', Date.UTC(2026, 0, 1))).toBe(5.5 * HOUR);
    expect(utcOffsetMs('Europe/Berlin', Date.UTC(2026, 0, 1))).toBe(HOUR);
    expect(utcOffsetMs('Europe/Berlin', Date.UTC(2026, 6, 1))).toBe(2 * HOUR);
    expect(utcOffsetMs('America/New_York', Date.UTC(2026, 0, 1, 12, 0, 30, 500))).toBe(-5 * HOUR);
    expect(utcOffsetMs('UTC', 0)).toBe(0);
  });

  it('keeps the seconds of a historical local mean time', () => {
    // Shanghai kept local mean time, UTC+8:05:43, until 1901.
    expect(utcOffsetMs('Asia/Shanghai', Date.UTC(1900, 5, 1))).toBe(8 * HOUR + 5 * 60_000 + 43_000);
  });

  it('throws for a zone that does not exist', () => {
    expect(() => utcOffsetMs('Not/AZone', 0)).toThrow(RangeError);
  });
});
