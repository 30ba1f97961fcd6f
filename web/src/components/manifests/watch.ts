/**
 * The park's watch charts: t accepted per month (utilized vs disposed) and each receiver licence's
 * capacity (accepted + in flight against the annual capacity). Pure: no I/O.
 */
import type { ManifestOverview, ReceiverCapacity } from '../../api/manifestShapes';

/** Below this share of its annual capacity left a licence is shown in red. */
export const LOW_CAPACITY_SHARE = 0.1;

export interface CapacityBar {
  licenceNumber: string;
  receiverId: number;
  acceptedT: number;
  inFlightT: number;
  /** What is left (never below 0 on the bar); null without a stated capacity. */
  leftT: number | null;
  annualT: number | null;
  /** left / annual; null without a stated capacity. */
  leftShare: number | null;
  low: boolean;
  expired: boolean;
}

export function capacityBars(rows: readonly ReceiverCapacity[]): CapacityBar[] {
  return rows.map((r) => {
    const annual = r.annualCapacityT;
    const left = annual === null ? null : Math.max(0, annual - r.acceptedT - r.inFlightT);
    const share = annual === null || annual <= 0 ? null : (left as number) / annual;
    return {
      licenceNumber: r.licenceNumber,
      receiverId: r.receiver.id,
      acceptedT: r.acceptedT,
      inFlightT: r.inFlightT,
      leftT: left,
      annualT: annual,
      leftShare: share,
      low: share !== null && share < LOW_CAPACITY_SHARE,
      expired: !r.valid,
    };
  });
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** A horizontal stacked bar per licence: accepted, in flight, left (red when low), the expired ones greyed. */
export function capacityOption(bars: readonly CapacityBar[], labels: readonly string[], texts: { accepted: string; inFlight: string; left: string; expired: string }) {
  const names = bars.map((b, i) => (b.expired ? `${labels[i]} (${texts.expired})` : labels[i]));
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [texts.accepted, texts.inFlight, texts.left] },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: 't', min: 0 },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 220, overflow: 'truncate' } },
    series: [
      { name: texts.accepted, type: 'bar', stack: 'cap', data: bars.map((b) => round(b.acceptedT)), itemStyle: { color: '#1677ff' } },
      { name: texts.inFlight, type: 'bar', stack: 'cap', data: bars.map((b) => round(b.inFlightT)), itemStyle: { color: '#faad14' } },
      {
        name: texts.left,
        type: 'bar',
        stack: 'cap',
        itemStyle: { color: '#95de64' },
        data: bars.map((b) => ({ value: round(b.leftT ?? 0), itemStyle: { color: b.expired ? '#bfbfbf' : b.low ? '#ff4d4f' : '#95de64' } })),
      },
    ],
  };
}

/** Accepted t per month of the year, split by fate; months without receipts show as 0. */
export function monthsOption(months: ManifestOverview['months'], year: number, texts: { utilized: string; disposed: string; accepted: string }) {
  const keys = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  const byMonth = new Map(months.map((m) => [m.month, m]));
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [texts.utilized, texts.disposed, texts.accepted] },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: keys.map((k) => k.slice(5)) },
    yAxis: { type: 'value', name: 't', min: 0 },
    series: [
      { name: texts.utilized, type: 'bar', stack: 'fate', data: keys.map((k) => round(byMonth.get(k)?.utilizedT ?? 0)), itemStyle: { color: '#52c41a' } },
      { name: texts.disposed, type: 'bar', stack: 'fate', data: keys.map((k) => round(byMonth.get(k)?.disposedT ?? 0)), itemStyle: { color: '#fa8c16' } },
      { name: texts.accepted, type: 'line', data: keys.map((k) => round(byMonth.get(k)?.acceptedT ?? 0)), itemStyle: { color: '#1677ff' } },
    ],
  };
}
