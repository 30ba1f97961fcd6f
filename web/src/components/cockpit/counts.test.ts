import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { balanceExceptions, countDevices, type DeviceLike } from './counts';

const device = (id: number, over: Partial<DeviceLike> = {}): DeviceLike => ({ id, code: `d${id}`, name: `D${id}`, online: true, enabled: true, serviceState: 'in_service', ...over });

describe('the cockpit counts', () => {
  it('counts devices online, offline (no status is offline) and apart when out of service', () => {
    const c = countDevices([
      device(1),
      device(2, { online: false }),
      device(3, { online: null }),
      device(4, { online: false, serviceState: 'maintenance' }),
      device(5, { online: true, enabled: false }),
    ]);
    expect(c).toMatchObject({ online: 1, offline: 2, outOfService: 2 });
    expect(c.offlineDevices.map((d) => d.id)).toEqual([2, 3]);
  });

  it('counts every device exactly once', () => {
    const arb = fc.record({ online: fc.constantFrom(true, false, null), enabled: fc.boolean(), serviceState: fc.constantFrom('in_service', 'maintenance', 'out_of_service') });
    fc.assert(
      fc.property(fc.array(arb), (states) => {
        const c = countDevices(states.map((s, i) => device(i, s)));
        expect(c.online + c.offline + c.outOfService).toBe(states.length);
        expect(c.offlineDevices).toHaveLength(c.offline);
      }),
    );
  });

  it('counts each flagged node and suspect flow of a balance once', () => {
    const b = {
      nodes: [{ code: 'a', exception: true }, { code: 'b', exception: false }, { code: 'c', exception: true }],
      suspects: [{ kind: 'node', key: 'a' }, { kind: 'node', key: 'b' }, { kind: 'flow', key: 'x>y:CHLORINE' }, { kind: 'flow', key: 'x>y:CHLORINE' }],
      reconciliation: { passed: false },
    };
    expect(balanceExceptions(b)).toEqual({ nodes: 3, flows: 1, passed: false });
    expect(balanceExceptions({ nodes: [], suspects: [], reconciliation: { passed: null } })).toEqual({ nodes: 0, flows: 0, passed: null });
  });
});
