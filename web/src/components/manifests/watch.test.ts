import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capacityBars, capacityOption, LOW_CAPACITY_SHARE, monthsOption } from './watch';

const licence = (annual: number | null, accepted: number, inFlight: number, valid = true) => ({
  receiver: { id: 5, code: 'R', name: 'R', nameEn: null }, licenceNumber: 'L-1', codes: ['HW06'], validFrom: '2026-01-01', validTo: '2026-12-31', valid, annualCapacityT: annual, acceptedT: accepted, inFlightT: inFlight, leftT: null,
});

describe('licence capacity on the watch', () => {
  it('is red below a tenth left, grey when expired, with no share without a stated capacity', () => {
    const [low, fine, open, expired] = capacityBars([licence(100, 85, 6), licence(100, 50, 10), licence(null, 5, 0), licence(100, 0, 0, false)]);
    expect(low).toMatchObject({ leftT: 9, low: true, expired: false });
    expect(fine).toMatchObject({ leftT: 40, low: false });
    expect(open).toMatchObject({ leftT: null, leftShare: null, low: false });
    expect(expired.expired).toBe(true);
    const option = capacityOption([low, fine, open, expired], ['a', 'b', 'c', 'd'], { accepted: 'A', inFlight: 'F', left: 'L', expired: 'X' });
    expect(option.yAxis.data).toEqual(['a', 'b', 'c', 'd (X)']);
    expect(option.series[2].data.map((d) => (typeof d === 'number' ? null : d.itemStyle.color))).toEqual(['#ff4d4f', '#95de64', '#95de64', '#bfbfbf']);
  });

  it('never shows more than the annual capacity left, nor less than nothing', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e5, noNaN: true }), fc.double({ min: 0, max: 2e5, noNaN: true }), fc.double({ min: 0, max: 2e5, noNaN: true }), (annual, accepted, inFlight) => {
        const [bar] = capacityBars([licence(annual, accepted, inFlight)]);
        expect(bar.leftT!).toBeGreaterThanOrEqual(0);
        expect(bar.leftT!).toBeLessThanOrEqual(annual);
        expect(bar.low).toBe(bar.leftShare! < LOW_CAPACITY_SHARE);
      }),
    );
  });
});

describe('accepted tonnes per month', () => {
  it('covers the twelve months of the year, empty months as 0', () => {
    const option = monthsOption([{ month: '2026-03', manifests: 2, acceptedT: 5, utilizedT: 3, disposedT: 2 }], 2026, { utilized: 'U', disposed: 'D', accepted: 'A' });
    expect(option.xAxis.data).toHaveLength(12);
    expect(option.series[0].data[2]).toBe(3);
    expect(option.series[1].data[2]).toBe(2);
    expect(option.series[2].data.filter((v) => v > 0)).toEqual([5]);
  });
});
