/**
 * Loads the demo park through the platform's own services, as an operator would: every record is
 * validated, tenant-checked and audited like any other write. Idempotent: a park that already has
 * the demo enterprises is left as it is.
 */
import type { Services } from '../src/app.ts';
import { systemContext } from '../src/core/roles.ts';
import { hashPassword } from '../src/modules/auth/secrets.ts';
import { DEMO_PASSWORD, demoPark, demoUsers, type DemoPark } from './park.ts';
import { demoGln } from './trace.ts';
import { loadDemoAlarmRules } from './alarms.ts';
import { demoFlowsCurrent, loadDemoFlows } from './flows.ts';
import { loadDemoKpis } from './kpis.ts';
import { loadDemoExchange, type DemoExchangeReport } from './exchange.ts';
import { loadDemoManifests } from './manifests.ts';

export interface DemoLoadReport {
  loaded: boolean;
  enterprises: number;
  sites: number;
  units: number;
  devices: number;
  tags: number;
  users: number;
  events: number;
  identifiers: number;
  /** alarm rules written by this load (demo/alarms.ts) */
  alarmRules: number;
  /** ledger flows written by this load (demo/flows.ts): a year of months */
  flows: number;
  /** KPI inputs (value added, production) stated by this load, one per enterprise and month (demo/kpis.ts) */
  kpiInputs: number;
  /** KPI targets written by this load (demo/kpis.ts) */
  kpiTargets: number;
  /** exchange listings written by this load (demo/exchange.ts); 0 when the park has listings already */
  exchangeListings: number;
  /** exchange deals written by this load (demo/exchange.ts) */
  exchangeDeals: number;
  /** hazardous-waste manifests written by this load (demo/manifests.ts), return manifests included; 0 when the park has manifests already */
  manifests: number;
}

export async function loadDemo(services: Services, park: DemoPark = demoPark, onProgress?: (done: number, total: number) => void): Promise<DemoLoadReport> {
  const ctx = systemContext('demo-loader');
  const { registry, auth } = services;
  const report: DemoLoadReport = { loaded: false, enterprises: 0, sites: 0, units: 0, devices: 0, tags: 0, users: 0, events: 0, identifiers: 0, alarmRules: 0, flows: 0, kpiInputs: 0, kpiTargets: 0, exchangeListings: 0, exchangeDeals: 0, manifests: 0 };
  const first = park.enterprises[0];
  const existing = await registry.enterprises.list(ctx, { limit: 1, offset: 0, q: first.code });
  if (existing.items.some((e) => e.code === first.code)) {
    // A park loaded before the demo had alarm rules gets them now; one that has them is left as it is.
    report.alarmRules = (await loadDemoAlarmRules(services, Date.now(), park)).created;
    // A park loaded before the flow ledger, or whose year of flows no longer ends last month, gets it now.
    const flowsStale = !(await demoFlowsCurrent(services));
    if (flowsStale) {
      const all = await registry.enterprises.list(ctx, { limit: 1000, offset: 0 });
      const demoCodes = new Set(park.enterprises.map((e) => e.code));
      const ids = new Map(all.items.filter((e) => demoCodes.has(String(e.code))).map((e) => [String(e.code), e.id]));
      report.flows = (await loadDemoFlows(services, ids)).written;
    }
    // The KPI inputs of the year of flows (refreshed with them), and the settings and targets a park loaded before the KPIs lacks.
    Object.assign(report, kpiCounts(await loadDemoKpis(services, new Date(), park, { refreshInputs: flowsStale })));
    // A park loaded before the exchange gets its market, licences and deals; one with listings is left as it is.
    Object.assign(report, exchangeCounts(await loadDemoExchange(services, new Date(), park)));
    // A park loaded before the manifests gets their three months; one with any manifest is left as it is.
    report.manifests = manifestCount(await loadDemoManifests(services, new Date(), park));
    return report;
  }

  await registry.savePark(ctx, {
    code: park.code,
    name: park.name,
    nameEn: park.nameEn,
    timezone: park.timezone,
    address: park.address,
    lat: park.lat,
    lng: park.lng,
    identifierPrefix: park.identifierPrefix,
  });

  const materials = await registry.materials.list(ctx, { limit: 1000, offset: 0 });
  const materialId = new Map(materials.items.filter((m) => m.enterpriseId === null).map((m) => [String(m.code), m.id]));
  const total = park.enterprises.reduce(
    (n, e) => n + 1 + e.sites.reduce((s, site) => s + 1 + site.units.reduce((u, unit) => u + 1 + unit.devices.reduce((d, dev) => d + 1 + dev.tags.length, 0), 0), 0),
    0,
  );
  let done = 0;
  const step = () => onProgress?.(++done, total);

  const enterpriseId = new Map<string, number>();
  for (const e of park.enterprises) {
    const ent = await registry.enterprises.create(ctx, {
      code: e.code, name: e.name, nameEn: e.nameEn, industry: e.industry, uscc: e.uscc, gln: demoGln(park.enterprises.indexOf(e)),
      contactName: e.contactName ?? null, contactPhone: e.contactPhone ?? null,
    });
    enterpriseId.set(e.code, ent.id);
    report.enterprises++;
    step();
    for (const s of e.sites) {
      const site = await registry.sites.create(ctx, {
        enterpriseId: ent.id, code: s.code, name: s.name, nameEn: s.nameEn, address: s.address ?? null, lat: s.lat ?? null, lng: s.lng ?? null,
      });
      report.sites++;
      step();
      for (const u of s.units) {
        const unit = await registry.units.create(ctx, {
          siteId: site.id, code: u.code, name: u.name, nameEn: u.nameEn, kind: u.kind,
          capacityValue: u.capacityValue ?? null, capacityUnit: u.capacityUnit ?? null, description: u.description ?? null,
        });
        report.units++;
        step();
        for (const d of u.devices) {
          const device = await registry.devices.create(ctx, {
            siteId: site.id, unitId: unit.id, code: d.code, name: d.name, nameEn: d.nameEn, kind: d.kind, protocol: d.protocol,
            manufacturer: d.manufacturer ?? null, model: d.model ?? null, serialNo: d.serialNo ?? null,
          });
          report.devices++;
          step();
          for (const t of d.tags) {
            await registry.tags.create(ctx, {
              deviceId: device.id, key: t.key, name: t.name, nameEn: t.nameEn, kind: t.kind, unit: t.unit,
              materialId: t.materialCode ? (materialId.get(t.materialCode) ?? null) : null,
              lowLowLimit: t.lowLowLimit ?? null, lowLimit: t.lowLimit ?? null, highLimit: t.highLimit ?? null, highHighLimit: t.highHighLimit ?? null,
              description: t.description ?? null,
            });
            report.tags++;
            step();
          }
        }
      }
    }
  }

  // Every demo user shares one password, so it is hashed once.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of demoUsers(park)) {
    await auth.users.create(
      ctx,
      { username: u.username, displayName: u.displayName, role: u.role, enterpriseId: u.enterpriseCode ? enterpriseId.get(u.enterpriseCode) : null, locale: 'zh-CN' },
      { password_hash: passwordHash },
    );
    report.users++;
  }
  // Lots and what happened to them, as EPCIS events, once the park has its identifier prefix.
  const { loadDemoTrace } = await import('./trace.ts');
  const trace = await loadDemoTrace(services, enterpriseId);
  report.events = trace.events;
  report.identifiers = trace.identifiers;
  // What the simulator's scenarios are there to show (the tags' own limits are rules already).
  report.alarmRules = (await loadDemoAlarmRules(services, Date.now(), park)).created;
  // A year of monthly flows with its two planted faults, for the ledger's balances and Sankey.
  report.flows = (await loadDemoFlows(services, enterpriseId)).written;
  // What the green KPIs need beyond the flows: value added and production per enterprise and month, settings, targets.
  Object.assign(report, kpiCounts(await loadDemoKpis(services, new Date(), park)));
  // Offers and demands, the park's exchange rules and two deals (one accepted with a month delivered).
  Object.assign(report, exchangeCounts(await loadDemoExchange(services, new Date(), park)));
  // Three months of hazardous-waste manifests, one at least in every state, after the exchange's licences.
  report.manifests = manifestCount(await loadDemoManifests(services, new Date(), park));
  report.loaded = true;
  return report;
}

const kpiCounts = (k: { inputs: number; targets: number }) => ({ kpiInputs: k.inputs, kpiTargets: k.targets });
const exchangeCounts = (x: DemoExchangeReport) => ({ exchangeListings: x.listings, exchangeDeals: x.deals });
const manifestCount = (m: { manifests: number; returns: number }) => m.manifests + m.returns;
