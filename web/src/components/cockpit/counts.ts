/**
 * What the cockpit counts: devices by connection state, balance exceptions by layer. Pure: no I/O.
 */

export interface DeviceLike {
  id: number;
  code: string;
  name: string;
  nameEn?: string | null;
  online?: boolean | null;
  enabled?: boolean;
  serviceState?: string;
}

/**
 * Online: connected and heard from within 5 minutes. Offline: in service and not online (a device
 * whose status nobody reports counts as offline, as the device list shows it). Devices disabled, in
 * maintenance or out of service are counted apart: their silence is expected.
 */
export function countDevices<D extends DeviceLike>(devices: readonly D[]): { online: number; offline: number; outOfService: number; offlineDevices: D[] } {
  let online = 0;
  let outOfService = 0;
  const offlineDevices: D[] = [];
  for (const d of devices) {
    if (d.enabled === false || (d.serviceState !== undefined && d.serviceState !== 'in_service')) outOfService++;
    else if (d.online === true) online++;
    else offlineDevices.push(d);
  }
  return { online, offline: offlineDevices.length, outOfService, offlineDevices };
}

export interface BalanceLike {
  nodes: readonly { code: string; exception: boolean }[];
  suspects: readonly { kind: string; key: string }[];
  reconciliation: { passed: boolean | null };
}

/** One layer's exceptions: the nodes whose test failed and the suspect flows, each once. */
export function balanceExceptions(b: BalanceLike): { nodes: number; flows: number; passed: boolean | null } {
  const nodes = new Set(b.nodes.filter((n) => n.exception).map((n) => n.code));
  for (const s of b.suspects) if (s.kind === 'node') nodes.add(s.key);
  const flows = new Set(b.suspects.filter((s) => s.kind === 'flow').map((s) => s.key));
  return { nodes: nodes.size, flows: flows.size, passed: b.reconciliation.passed };
}
