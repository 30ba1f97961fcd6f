/**
 * Flows from telemetry (`POST /api/v1/flows/sources/telemetry`): for each flow-meter link the
 * caller sees, the total of its tag over the period (telemetry-totals.ts), written as one flow with
 * source 'telemetry' and key `tag:<tagId>:<grain>:<period>`. The grain in the key keeps a month's
 * key from being a prefix of its days' (a re-run's replace prefix is exactly its own key), so a
 * re-run replaces exactly the row it wrote before — and removes it when the tag has no readings now.
 * Each link is written on its own: one link that cannot be written does not stop the others.
 *
 * Readings come from TelemetryService.pointsBetween (platform reads keyed by tag): the links are
 * read through the caller's tenancy first, so only tags of links the caller may see are read.
 */
import { Problem, validation } from '../../core/errors.ts';
import type { AuthContext } from '../../core/roles.ts';
import type { RegistryService } from '../registry/service.ts';
import type { TelemetryService } from '../telemetry/service.ts';
import type { FlowInput } from './model.ts';
import type { MeterLinkService } from './meter-links.ts';
import { parsePeriod } from './period.ts';
import { flowPolicy } from './policy.ts';
import type { FlowLedgerPort } from './sources-ports.ts';
import { meterTotal, meterTotalUncertainty, meterUnitProblem } from './telemetry-totals.ts';

export interface TelemetryGap {
  tagId: number;
  tagKey: string;
  deviceCode: string;
  from: number;
  to: number;
  reason: string;
}

export interface TelemetryRun {
  written: number;
  rejected: { tagId: number; reason: string }[];
  gaps: TelemetryGap[];
}

export interface TelemetrySourceDeps {
  ledger: Pick<FlowLedgerPort, 'writeFlows'>;
  links: Pick<MeterLinkService, 'list'>;
  tags: Pick<RegistryService['tags'], 'get'>;
  names: Pick<RegistryService, 'namesOf' | 'getPark'>;
  telemetry: Pick<TelemetryService, 'pointsBetween'>;
}

export const telemetrySourceKey = (tagId: number, grain: string, period: string) => `tag:${tagId}:${grain}:${period}`;

export class TelemetryFlowSource {
  constructor(private readonly deps: TelemetrySourceDeps) {}

  async run(ctx: AuthContext, periodText: string): Promise<TelemetryRun> {
    flowPolicy.assert(ctx, 'create', ctx.enterpriseId);
    const park = await this.deps.names.getPark();
    const period = parsePeriod(periodText, park.timezone);
    if (!period) throw validation(`period ${JSON.stringify(periodText)} is not a year, month or day (2026, 2026-03, 2026-03-15)`);
    const out: TelemetryRun = { written: 0, rejected: [], gaps: [] };
    const links = await this.deps.links.list(ctx);
    for (const link of links) {
      const tag = await this.deps.tags.get(ctx, link.tagId).catch((err: unknown) => {
        if (err instanceof Problem && err.kind === 'not-found') return null;
        throw err;
      });
      if (!tag) {
        out.rejected.push({ tagId: link.tagId, reason: `tag ${link.tagId} is not visible to you` });
        continue;
      }
      const unitProblem = tag.unit ? meterUnitProblem(link.method, String(tag.unit), link.unit) : `tag ${link.tagId} has no unit`;
      if (unitProblem) {
        out.rejected.push({ tagId: link.tagId, reason: unitProblem });
        continue;
      }
      const points = (await this.deps.telemetry.pointsBetween([link.tagId], period.start, period.end)).filter((p) => Number.isFinite(p.value));
      const total = meterTotal(link.method, points, { from: period.start, to: period.end }, String(tag.unit), link.unit);
      if (total.gaps.length) {
        const names = await this.deps.names.namesOf({ tagIds: [link.tagId], deviceIds: [Number(tag.deviceId)] });
        const tagKey = names.tags.get(link.tagId)?.key ?? String(tag.key);
        const deviceCode = names.devices.get(Number(tag.deviceId))?.code ?? '';
        for (const g of total.gaps) out.gaps.push({ tagId: link.tagId, tagKey, deviceCode, ...g });
      }
      const known = meterTotalUncertainty(total, link.accuracyPercent);
      const key = telemetrySourceKey(link.tagId, period.grain, period.period);
      const rows: FlowInput[] = known
        ? [{ period: period.period, from: link.from, to: link.to, material: link.material, quantity: total.total, unit: link.unit, sd: known.sd, basis: known.basis, sourceKey: key, note: `tag ${link.tagId} (${link.method}), ${Math.round((1000 * total.coveredMs) / total.periodMs) / 10} % of the period covered` }]
        : [];
      const result = await this.deps.ledger.writeFlows(ctx, { source: 'telemetry', rows, replace: { keyPrefix: key } });
      out.written += result.written;
      for (const r of result.rejected) out.rejected.push({ tagId: link.tagId, reason: r.reason });
    }
    return out;
  }
}
