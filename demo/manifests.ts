/**
 * The demo park's hazardous-waste manifests (issue 14, docs/demo-park.md "Hazardous-waste
 * manifests"): three months of movements of the wastes demo/flows.ts already sends between the
 * plants — spent solvent from the pharmaceutical plant to solvent recovery (R2), waste acid to the
 * wastewater plant's physico-chemical treatment (D9), incineration fly ash to the cement kiln (C1)
 * and the refinery's oily sludge to the rotary kiln (D10) — with at least one manifest in each
 * state, a partial and a total rejection with their return manifests, an open quantity
 * discrepancy, an overdue movement, a corrected closed manifest and a two-leg haul.
 *
 * How the numbers are made: one manifest is one vehicle load (a tanker of solvent ≈ 20 t, acid in
 * 1 m³ IBCs ≈ 1.1 t each, fly ash in ton bags, sludge in a vacuum truck); the manifests are a
 * sample of the loads whose month totals the ledger already holds (see the doc on what that means
 * for the ledger). Times are in the park's time zone (UTC+8, no daylight saving), the older ones on
 * days of the two months before last month and last month, the undecided ones hours or days before
 * the load.
 *
 * Pure except `loadDemoManifests`, which writes through the manifest service as each party's demo
 * user (the transporter's operator signs for its driver at the gate) and through the exchange's
 * licences as the park operator.
 */
import type { Services } from '../src/app.ts';
import { systemContext, type AuthContext, type Role } from '../src/core/roles.ts';
import type { ManifestAction, Packaging, PhysicalForm } from '../src/modules/manifests/model.ts';
import type { ManifestActionBody, ManifestDetail } from '../src/modules/manifests/schemas.ts';
import type { LicenceKind } from '../src/modules/exchange/model.ts';
import { addMonths, demoDealMonths, demoIds, registerDemoLicences, type DemoLicenceEntry } from './exchange.ts';
import { demoPark, type DemoPark } from './park.ts';

// ---------------------------------------------------------------------------------------------
// Licences the manifests need beyond the exchange's (demo/exchange.ts DEMO_LICENCES).

export interface DemoManifestLicence extends DemoLicenceEntry {
  kind: LicenceKind;
}

/**
 * No transport company is among the park's enterprises, and none is needed: the solvent-recovery
 * and hazardous-waste company collects with its own licensed fleet (as most Chinese hazardous-waste
 * operators do), and the refinery's vacuum truck carries its oily sludge inside the fence. The
 * wastewater plant's physico-chemical line neutralizes waste acid under its own permit.
 */
export const DEMO_MANIFEST_LICENCES: readonly DemoManifestLicence[] = [
  {
    enterprise: 'solvrec', kind: 'transporter', number: '鲁交运管许可潍字 370700300517 号', codes: ['HW02', 'HW06', 'HW08', 'HW11', 'HW18', 'HW34', 'HW35', 'HW49'], annualCapacityT: null,
    issuer: '潍坊市交通运输局', note: 'demo: 道路危险货物运输（危险废物），the company\'s own fleet of tankers, box vans and dump trucks; no vehicle named, so it covers every vehicle of the fleet',
  },
  {
    enterprise: 'refinery', kind: 'transporter', number: '鲁交运管许可潍字 370700300288 号', codes: ['HW08'], annualCapacityT: null, vehicle: '鲁G·V2186',
    issuer: '潍坊市交通运输局', note: 'demo: the storage and transport department\'s vacuum truck, for oily sludge and waste oil only',
  },
  {
    enterprise: 'wwtp', kind: 'receiver', number: '鲁危证 0958 号', codes: ['HW34/900-349-34', 'HW35/900-399-35'], annualCapacityT: 3_000, site: 'wwtp-main',
    issuer: '山东省生态环境厅', note: 'demo: neutralization of waste acid and alkali (D9) in the pre-treatment\'s physico-chemical line, ahead of the equalization basin',
  },
];

/** The park's manifest settings the demo states (a park that saved its own keeps them). */
export const DEMO_MANIFEST_SETTINGS = {
  numberFormat: '{YYYY}{region}{seq:6}',
  regionCode: '370700',
  discrepancyTolerancePct: 5,
  containerTolerance: 0,
  pickupAllowanceDays: 3,
  transitAllowanceHours: 24,
} as const;

// ---------------------------------------------------------------------------------------------
// The manifests.

/** A made-up GS1 company prefix for the park (demo/trace.ts); item references 80001… are the wastes. */
const batch = (item: string, lot: string) => `urn:epc:class:lgtin:6901234.0${item}.${lot}`;
const ITEM: Record<string, string> = { SPENT_SOLVENT: '80001', WASTE_ACID: '80002', INCINERATION_FLY_ASH: '80003', OILY_SLUDGE: '80004' };

export interface DemoManifestLine {
  material: string;
  form: PhysicalForm;
  packaging: Packaging;
  containers: number;
  /** Declared, t. */
  quantity: number;
  /** Lot codes of the batches (identifiers built with `batch`). */
  lots: string[];
}

export interface DemoManifestLeg { transporter: string; vehicle: string; driver: string; driverPhone: string }

/** One signature of the story: the action, when, and what it carries; the signer is whoever's turn it is (or `by`). */
export interface DemoManifestStep {
  action: ManifestAction;
  at: number;
  /** correct and resolve_discrepancy have no turn: who signs. */
  by?: 'generator' | 'receiver';
  /** accept / partially_reject / reject: weighed per line (t); hand-offs carry the declared quantities. */
  weighed?: number[];
  rejected?: number[];
  rejection?: { route: 'return' | 'onward'; reason: string };
  methods?: string[];
  corrections?: NonNullable<ManifestActionBody['corrections']>;
  note?: string;
}

export interface DemoManifest {
  /** The demo's own name for it (tests and docs refer to it). */
  key: string;
  generator: string;
  site: string;
  receiver: string;
  receiverSite: string;
  /** 'YYYY-MM-DD' */
  plannedDate: string;
  route?: string;
  note?: string;
  lines: DemoManifestLine[];
  legs: DemoManifestLeg[];
  /** When the generator drafted it. */
  createdAt: number;
  steps: DemoManifestStep[];
  /** The state the story ends in (the loader checks it). */
  ends: 'draft' | 'signed' | 'in_transit' | 'delivered' | 'accepted' | 'partially_rejected' | 'rejected' | 'processed' | 'closed' | 'cancelled';
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A moment of a park day, 'YYYY-MM' + day + 'HH:MM', in the park's time zone (UTC+8 all year). */
const parkTime = (month: string, day: number, hhmm: string) => Date.parse(`${month}-${String(day).padStart(2, '0')}T${hhmm}:00+08:00`);
/** The park's calendar day of an instant. */
export const parkDate = (t: number) => new Date(t + 8 * HOUR).toISOString().slice(0, 10);

const SOLVREC_TANKER: DemoManifestLeg = { transporter: 'solvrec', vehicle: '鲁G·D3071', driver: '孙立强', driverPhone: '13905361247' };
const SOLVREC_VAN: DemoManifestLeg = { transporter: 'solvrec', vehicle: '鲁G·D5512', driver: '王海涛', driverPhone: '13853608812' };
const SOLVREC_DUMP: DemoManifestLeg = { transporter: 'solvrec', vehicle: '鲁G·D6209', driver: '刘建军', driverPhone: '15805368830' };
const REFINERY_VACUUM: DemoManifestLeg = { transporter: 'refinery', vehicle: '鲁G·V2186', driver: '陈志远', driverPhone: '13562631905' };

const solvent = (quantity: number, lot: string): DemoManifestLine => ({ material: 'SPENT_SOLVENT', form: 'liquid', packaging: 'tank', containers: 1, quantity, lots: [lot] });
const acid = (ibcs: number, quantity: number, lot: string): DemoManifestLine => ({ material: 'WASTE_ACID', form: 'liquid', packaging: 'ibc', containers: ibcs, quantity, lots: [lot] });
const flyAsh = (bags: number, quantity: number, lot: string): DemoManifestLine => ({ material: 'INCINERATION_FLY_ASH', form: 'solid', packaging: 'ton_bag', containers: bags, quantity, lots: [lot] });
const sludge = (quantity: number, lot: string): DemoManifestLine => ({ material: 'OILY_SLUDGE', form: 'sludge', packaging: 'tank', containers: 1, quantity, lots: [lot] });

/**
 * The hand-offs of a haul with `legs` legs from `t` (giver then taker, a few minutes apart; the
 * ride between is `rideH` hours per leg): pick-up at the generator, each transfer, the delivery.
 */
function haul(t: number, legs: number, rideH: number): DemoManifestStep[] {
  const steps: DemoManifestStep[] = [];
  let at = t;
  for (let k = 0; k <= legs; k++) {
    steps.push({ action: 'hand_over', at }, { action: 'take_over', at: at + 6 * 60_000 });
    at += 6 * 60_000 + rideH * HOUR;
  }
  return steps;
}

/** From drafting to closing: drafted the day before, signed, hauled, weighed, processed and closed. */
function wholeLife(signAt: number, legs: number, weighed: number[], method: string, rideH = 0.6): DemoManifestStep[] {
  const delivered = signAt + HOUR + (legs + 1) * (6 * 60_000) + legs * rideH * HOUR;
  return [
    { action: 'sign', at: signAt },
    ...haul(signAt + HOUR, legs, rideH),
    { action: 'accept', at: delivered + 40 * 60_000, weighed },
    { action: 'process', at: delivered + 3 * DAY, methods: weighed.map(() => method) },
    { action: 'close', at: delivered + 5 * DAY },
  ];
}

const lotMonth = (month: string) => month.slice(2, 4) + month.slice(5, 7);

/**
 * The demo's manifests for a load at `now`, oldest first. `transitAllowanceHours` places the overdue
 * haul that far and a day and a half more before `now`, whatever allowance the park has set.
 */
export function demoManifests(now: Date, transitAllowanceHours: number = DEMO_MANIFEST_SETTINGS.transitAllowanceHours, timeZone: string = demoPark.timezone): DemoManifest[] {
  const { lastMonth } = demoDealMonths(now, timeZone);
  const [m2, m1, m0] = [addMonths(lastMonth, -2), addMonths(lastMonth, -1), lastMonth];
  const t = now.getTime();
  // The recent ones keep to whole park hours so their times read naturally.
  const ago = (hours: number) => Math.floor((t - hours * HOUR) / HOUR) * HOUR;
  // The recent manifests that reached their receiver were received before this month began: a receipt
  // writes a ledger flow for its month, and a flow in the current month would make that unfinished
  // month the ledger's latest (what the cockpit, balances and KPIs show first).
  const monthStart = parkTime(addMonths(lastMonth, 1), 1, '00:00');
  const received = (hours: number) => Math.floor((Math.min(t, monthStart) - hours * HOUR) / HOUR) * HOUR;
  const pharmaToSolvrec = { generator: 'pharma', site: 'pharma-main', receiver: 'solvrec', receiverSite: 'solvrec-main', route: '康源药业溶剂罐区 → 园区渤海路 → 净源环保危废贮存库（约 2.1 km）' };
  const pharmaToWwtp = { generator: 'pharma', site: 'pharma-main', receiver: 'wwtp', receiverSite: 'wwtp-main', route: '康源药业危废暂存库 → 海源路 → 园区污水厂物化车间（约 3.0 km）' };
  const ashToKiln = { generator: 'solvrec', site: 'solvrec-main', receiver: 'cement', receiverSite: 'cement-main', route: '净源环保飞灰库 → 康海路 → 苏建建材协同处置车间（约 2.8 km）' };
  const closedSolvent = (key: string, month: string, day: number, q: number, w: number, n: number): DemoManifest => {
    const signAt = parkTime(month, day, '08:30');
    return {
      key, ...pharmaToSolvrec, plannedDate: parkDate(signAt), lines: [solvent(q, batch(ITEM.SPENT_SOLVENT, `SS${lotMonth(month)}-${String(n).padStart(2, '0')}`))], legs: [SOLVREC_TANKER],
      createdAt: signAt - DAY, steps: wholeLife(signAt, 1, [w], 'R2'), ends: 'closed',
    };
  };

  const manifests: DemoManifest[] = [
    closedSolvent('solvent-1', m2, 6, 20.12, 20.06, 1),
    {
      ...closedSolvent('solvent-corrected', m2, 20, 21.84, 21.38, 2),
      steps: [
        ...wholeLife(parkTime(m2, 20, '08:30'), 1, [21.38], 'R2'),
        {
          action: 'correct', by: 'receiver', at: parkTime(m2, 20, '08:30') + 12 * DAY, corrections: [{ line: 1, received: 21.83, processed: 21.83 }],
          note: '过磅单录入错误：纸质磅单净重 21.83 t，系统录为 21.38 t（数字颠倒），按磅单更正',
        },
      ],
    },
    {
      key: 'acid-1', ...pharmaToWwtp, plannedDate: `${m2}-12`, lines: [acid(14, 15.42, batch(ITEM.WASTE_ACID, `WA${lotMonth(m2)}-01`))], legs: [SOLVREC_VAN],
      createdAt: parkTime(m2, 11, '15:00'), steps: wholeLife(parkTime(m2, 12, '09:00'), 1, [15.36], 'D9', 0.8), ends: 'closed',
    },
    {
      key: 'fly-ash-1', ...ashToKiln, plannedDate: `${m2}-25`, lines: [flyAsh(24, 25.30, batch(ITEM.INCINERATION_FLY_ASH, `FA${lotMonth(m2)}-01`))], legs: [SOLVREC_DUMP],
      createdAt: parkTime(m2, 24, '16:00'), steps: wholeLife(parkTime(m2, 25, '13:30'), 1, [25.22], 'C1', 0.7), ends: 'closed',
    },
    closedSolvent('solvent-2', m1, 8, 19.76, 19.71, 1),
    {
      key: 'acid-discrepancy', ...pharmaToWwtp, plannedDate: `${m1}-15`, lines: [acid(16, 17.60, batch(ITEM.WASTE_ACID, `WA${lotMonth(m1)}-01`))], legs: [SOLVREC_VAN],
      note: '每桶按 1.10 t 估重（IBC 满桶）', createdAt: parkTime(m1, 14, '16:20'),
      steps: [
        { action: 'sign', at: parkTime(m1, 15, '08:50') },
        ...haul(parkTime(m1, 15, '09:40'), 1, 0.8),
        // Sixteen IBCs as declared, but 8.8 % lighter: the generator estimated full IBCs by count.
        { action: 'accept', at: parkTime(m1, 15, '11:20'), weighed: [16.05], note: '16 桶数量相符；过磅净重 16.05 t，较申报少 8.8 %，多桶未满' },
        { action: 'process', at: parkTime(m1, 17, '10:00'), methods: ['D9'] },
      ],
      ends: 'processed',
    },
    {
      key: 'oily-sludge-two-legs', generator: 'refinery', site: 'refinery-main', receiver: 'solvrec', receiverSite: 'solvrec-main',
      route: '海川石化含油污泥池 → 厂区西门（交接）→ 渤海路 → 净源环保回转窑车间', plannedDate: `${m1}-18`,
      note: '厂内真空吸污车不出厂，于西门转入净源环保密闭自卸车', lines: [sludge(12.60, batch(ITEM.OILY_SLUDGE, `OS${lotMonth(m1)}-01`))], legs: [REFINERY_VACUUM, SOLVREC_DUMP],
      createdAt: parkTime(m1, 17, '14:00'), steps: wholeLife(parkTime(m1, 18, '08:00'), 2, [12.54], 'D10', 0.5), ends: 'closed',
    },
    closedSolvent('solvent-3', m1, 22, 22.40, 22.31, 2),
    closedSolvent('solvent-4', m0, 10, 20.88, 20.85, 1),
    {
      key: 'fly-ash-2', ...ashToKiln, plannedDate: `${m0}-14`, lines: [flyAsh(22, 23.10, batch(ITEM.INCINERATION_FLY_ASH, `FA${lotMonth(m0)}-01`))], legs: [SOLVREC_DUMP],
      createdAt: parkTime(m0, 13, '16:00'), steps: wholeLife(parkTime(m0, 14, '13:30'), 1, [23.04], 'C1', 0.7), ends: 'closed',
    },
    {
      key: 'solvent-cancelled', ...pharmaToSolvrec, plannedDate: parkDate(ago(9 * 24)), lines: [solvent(20.00, batch(ITEM.SPENT_SOLVENT, 'SS-X1'))], legs: [SOLVREC_TANKER],
      createdAt: ago(10 * 24 + 2),
      steps: [
        { action: 'sign', at: ago(10 * 24) },
        { action: 'cancel', at: ago(9 * 24 + 3), note: '鲁G·D3071 罐车年检到期停运，本次转移取消，改期另开联单' },
      ],
      ends: 'cancelled',
    },
    {
      key: 'solvent-partial', ...pharmaToSolvrec, plannedDate: parkDate(received(6 * 24)), lines: [solvent(22.10, batch(ITEM.SPENT_SOLVENT, 'SS-P1'))], legs: [SOLVREC_TANKER],
      createdAt: received(7 * 24),
      steps: [
        { action: 'sign', at: received(6 * 24 + 3) },
        ...haul(received(6 * 24 + 2), 1, 0.6),
        {
          action: 'partially_reject', at: received(6 * 24 - 1), weighed: [22.06], rejected: [3.2],
          rejection: { route: 'return', reason: '罐底分层，下层 3.2 t 含水率 18 %（接收标准 ≤ 10 %），退回产生单位' },
        },
      ],
      ends: 'partially_rejected',
    },
    {
      key: 'solvent-processed', ...pharmaToSolvrec, plannedDate: parkDate(received(5 * 24)), lines: [solvent(19.94, batch(ITEM.SPENT_SOLVENT, 'SS-R1'))], legs: [SOLVREC_TANKER],
      createdAt: received(6 * 24 - 4),
      steps: [
        { action: 'sign', at: received(5 * 24 + 3) },
        ...haul(received(5 * 24 + 2), 1, 0.6),
        { action: 'accept', at: received(5 * 24), weighed: [19.90] },
        { action: 'process', at: received(2 * 24), methods: ['R2'] },
      ],
      ends: 'processed',
    },
    {
      key: 'acid-rejected', ...pharmaToWwtp, plannedDate: parkDate(received(3 * 24)), lines: [acid(12, 13.20, batch(ITEM.WASTE_ACID, 'WA-R1'))], legs: [SOLVREC_VAN],
      createdAt: received(4 * 24),
      steps: [
        { action: 'sign', at: received(3 * 24 + 4) },
        ...haul(received(3 * 24 + 3), 1, 0.8),
        {
          action: 'reject', at: received(3 * 24), weighed: [13.12],
          rejection: { route: 'return', reason: '抽检 12 桶中 5 桶有机相分层，疑混入废溶剂，超出本厂物化处理范围（许可证仅 HW34/HW35 中和），整车退回' },
        },
      ],
      ends: 'rejected',
    },
    {
      key: 'solvent-accepted', ...pharmaToSolvrec, plannedDate: parkDate(received(24)), lines: [solvent(20.46, batch(ITEM.SPENT_SOLVENT, 'SS-A1'))], legs: [SOLVREC_TANKER],
      createdAt: received(2 * 24),
      steps: [{ action: 'sign', at: received(24) }, ...haul(received(23), 1, 0.6), { action: 'accept', at: received(21), weighed: [20.41] }],
      ends: 'accepted',
    },
    {
      key: 'fly-ash-overdue', ...ashToKiln, plannedDate: parkDate(ago(transitAllowanceHours + 38)), lines: [flyAsh(24, 25.60, batch(ITEM.INCINERATION_FLY_ASH, 'FA-O1'))], legs: [SOLVREC_DUMP],
      note: '车辆出厂后未按时到达协同处置车间', createdAt: ago(transitAllowanceHours + 60),
      steps: [{ action: 'sign', at: ago(transitAllowanceHours + 37) }, { action: 'hand_over', at: ago(transitAllowanceHours + 36) }, { action: 'take_over', at: ago(transitAllowanceHours + 36) + 6 * 60_000 }],
      ends: 'in_transit',
    },
    {
      key: 'solvent-delivered', ...pharmaToSolvrec, plannedDate: parkDate(ago(4)), lines: [solvent(21.02, batch(ITEM.SPENT_SOLVENT, 'SS-D1'))], legs: [SOLVREC_TANKER],
      createdAt: ago(28),
      steps: [{ action: 'sign', at: ago(4) }, ...haul(ago(3), 1, 0.6)],
      ends: 'delivered',
    },
    {
      key: 'solvent-in-transit', ...pharmaToSolvrec, plannedDate: parkDate(ago(2)), lines: [solvent(19.80, batch(ITEM.SPENT_SOLVENT, 'SS-T1'))], legs: [SOLVREC_TANKER],
      createdAt: ago(26),
      steps: [{ action: 'sign', at: ago(2) }, { action: 'hand_over', at: ago(1) }, { action: 'take_over', at: ago(1) + 6 * 60_000 }],
      ends: 'in_transit',
    },
    {
      key: 'solvent-signed', ...pharmaToSolvrec, plannedDate: parkDate(t + DAY), lines: [solvent(20.00, batch(ITEM.SPENT_SOLVENT, 'SS-S1'))], legs: [SOLVREC_TANKER],
      createdAt: ago(5), steps: [{ action: 'sign', at: ago(1) }], ends: 'signed',
    },
    {
      key: 'acid-draft', ...pharmaToWwtp, plannedDate: parkDate(t + 3 * DAY), lines: [acid(15, 16.50, batch(ITEM.WASTE_ACID, 'WA-N1'))], legs: [SOLVREC_VAN],
      note: '待危废暂存库盘点后确认桶数', createdAt: ago(3), steps: [], ends: 'draft',
    },
  ];
  return manifests;
}

// ---------------------------------------------------------------------------------------------
// Loading.

export interface DemoManifestsReport {
  licences: number;
  settings: boolean;
  manifests: number;
  /** Return manifests spawned by the rejections. */
  returns: number;
  signatures: number;
}

/**
 * Writes the demo's manifests as their parties would: the licences and the settings as the park
 * operator, each manifest drafted by the generator's operator, every signature by the operator of
 * the enterprise whose turn it is, at the story's time (`at`, which only the loader and imports use).
 * A park with any manifest already gets none (a restart adds nothing, and an operator's own
 * manifests are never mixed with the demo's); licences and settings it has are kept.
 */
export async function loadDemoManifests(services: Services, now: Date = new Date(), park: DemoPark = demoPark): Promise<DemoManifestsReport> {
  const ctx = systemContext('demo-loader');
  const report: DemoManifestsReport = { licences: 0, settings: false, manifests: 0, returns: 0, signatures: 0 };
  const manifests = services.manifests;
  if ((await manifests.list(ctx, { limit: 1, offset: 0, latest: false })).total > 0) return report;

  const { exchange } = services;
  const { materialId, siteId, enterpriseId, need } = await demoIds(services, ctx, park, 'the demo manifests');
  const codeOf = new Map([...enterpriseId].map(([code, id]) => [id, code]));

  // The demo's users sign: `<enterprise>.operator` (enterprise_operator), as a person at the gate would.
  const users = (await services.auth.users.list(ctx, { limit: 10_000, offset: 0 })).items;
  const as = (code: string, suffix: 'operator' | 'admin' = 'operator'): AuthContext => {
    const username = `${code}.${suffix}`;
    const user = users.find((u) => u.username === username);
    const role: Role = suffix === 'admin' ? 'enterprise_admin' : 'enterprise_operator';
    return { userId: user?.id ?? null, username, role, enterpriseId: need(enterpriseId, code, 'enterprise'), via: 'system' };
  };

  report.licences = await registerDemoLicences(exchange, ctx, DEMO_MANIFEST_LICENCES, now, {
    enterprise: (code) => need(enterpriseId, code, 'enterprise'),
    site: (code) => need(siteId, code, 'site'),
  });
  if ((await manifests.getSettings(ctx)).updatedAt === null) {
    await manifests.putSettings(ctx, { ...DEMO_MANIFEST_SETTINGS });
    report.settings = true;
  }
  const settings = await manifests.getSettings(ctx);

  for (const m of demoManifests(now, settings.transitAllowanceHours)) {
    const lines = m.lines.map((l) => ({
      materialId: need(materialId, l.material, 'material'), form: l.form, packaging: l.packaging, containers: l.containers, quantity: l.quantity, unit: 't' as const,
      batches: l.lots,
    }));
    let detail: ManifestDetail = await manifests.create(as(m.generator), {
      receiverId: need(enterpriseId, m.receiver, 'enterprise'), receiverSiteId: need(siteId, m.receiverSite, 'site'), siteId: need(siteId, m.site, 'site'),
      plannedDate: m.plannedDate, ...(m.route ? { route: m.route } : {}), ...(m.note ? { note: m.note } : {}),
      lines,
      legs: m.legs.map((leg) => ({ transporterId: need(enterpriseId, leg.transporter, 'enterprise'), vehicle: leg.vehicle, driver: leg.driver, driverPhone: leg.driverPhone })),
    }, { at: m.createdAt });
    report.manifests++;
    for (const step of m.steps) {
      const signer = step.by === 'generator' ? m.generator : step.by === 'receiver' ? m.receiver : step.action === 'cancel' || step.action === 'resolve_discrepancy' ? m.generator : turnCode(detail, codeOf, m.key, step.action);
      const closing = step.action === 'close' || step.action === 'correct' || step.action === 'cancel';
      detail = await manifests.act(as(signer, closing ? 'admin' : 'operator'), detail.id, actionBody(step, m, detail.version, detail.turn?.party ?? null, handoffOf(detail), park), { at: step.at });
      report.signatures++;
    }
    if (detail.state !== m.ends) throw new Error(`the demo manifest ${m.key} ended ${detail.state}, not ${m.ends}`);
    if (detail.rejection?.manifest) report.returns++;
  }
  return report;
}

/** The enterprise whose turn it is, by code; the story is wrong if it is nobody's. */
function turnCode(detail: ManifestDetail, codeOf: ReadonlyMap<number, string>, key: string, action: ManifestAction): string {
  const code = detail.turn ? codeOf.get(detail.turn.enterprise.id) : undefined;
  if (!code) throw new Error(`the demo manifest ${key} is nobody's turn for ${action} (state ${detail.state})`);
  return code;
}

/** The place each party signs at (its gate or store), for the signature's location. */
const PLACES: Record<string, string> = {
  pharma: '康源药业溶剂罐区及危废暂存库', solvrec: '净源环保危废贮存库地磅', wwtp: '园区污水厂物化车间', cement: '苏建建材协同处置车间', refinery: '海川石化厂区西门',
};
/** Where a generator that is also a receiver or transporter loads its own waste. */
const LOADING_PLACES: Record<string, string> = { solvrec: '净源环保飞灰库', refinery: '海川石化含油污泥池' };

/** The hand-off a manifest in transit waits for (the number of those done). */
const handoffOf = (detail: ManifestDetail): number => detail.signatures.filter((x) => x.action === 'take_over').length;

/** Where a signature is made: the site of the side that signs, or for a transfer between two transporters the giver's gate. */
function locationOf(m: DemoManifest, party: 'generator' | 'transporter' | 'receiver' | null, action: ManifestAction, handoff: number, park: DemoPark): ManifestActionBody['location'] {
  const site = (code: string) => park.enterprises.flatMap((e) => e.sites).find((x) => x.code === code);
  const at = (enterprise: string, siteCode: string, loading = false) => {
    const x = site(siteCode);
    return { place: (loading ? LOADING_PLACES[enterprise] : undefined) ?? PLACES[enterprise], ...(x?.lat !== undefined && x.lng !== undefined ? { lat: x.lat, lng: x.lng, accuracyM: 15 } : {}) };
  };
  if (action === 'hand_over' || action === 'take_over') {
    if (handoff === 0) return at(m.generator, m.site, true);
    if (handoff === m.legs.length) return at(m.receiver, m.receiverSite);
    const giver = m.legs[handoff - 1].transporter;
    return at(giver, park.enterprises.find((e) => e.code === giver)!.sites[0].code);
  }
  return party === 'receiver' ? at(m.receiver, m.receiverSite) : at(m.generator, m.site, true);
}

function actionBody(step: DemoManifestStep, m: DemoManifest, version: number, party: 'generator' | 'transporter' | 'receiver' | null, handoff: number, park: DemoPark): ManifestActionBody {
  const body: ManifestActionBody = { action: step.action, version };
  const declared = m.lines.map((l, i) => ({ line: i + 1, quantity: l.quantity, containers: l.containers }));
  if (step.action === 'hand_over' || step.action === 'take_over') body.seen = declared;
  if (step.weighed) body.seen = step.weighed.map((q, i) => ({ line: i + 1, quantity: q, containers: m.lines[i].containers }));
  if (step.rejected) body.rejected = step.rejected.map((q, i) => ({ line: i + 1, quantity: q }));
  if (step.rejection) body.rejection = step.rejection;
  if (step.methods) body.methods = step.methods.map((method, i) => ({ line: i + 1, method, quantity: processedOf(m, i) }));
  if (step.corrections) body.corrections = step.corrections;
  if (step.note) body.note = step.note;
  const location = locationOf(m, step.by ?? party, step.action, handoff, park);
  if (location) body.location = location;
  return body;
}

/** What the receiver processes of a line: what it weighed and did not reject. */
function processedOf(m: DemoManifest, index: number): number {
  const receipt = m.steps.find((s) => s.weighed);
  if (!receipt?.weighed) throw new Error(`the demo manifest ${m.key} processes what it never weighed`);
  return Math.round((receipt.weighed[index] - (receipt.rejected?.[index] ?? 0)) * 1000) / 1000;
}
