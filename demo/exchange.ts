/**
 * The demo park's exchange (issue 13, docs/demo-park.md "The exchange"): offers and demands that
 * make several good matches, one waste-heat cascade and one tempting but incompatible pair, the
 * licences, substitutions, distances and settings the plan weighs them with, and two deals — one
 * accepted with a month delivered, one waiting for an answer.
 *
 * How the numbers are made: quantities are a month's worth of what demo/flows.ts moves or loses
 * (the phosphogypsum its storage yard takes, the hydrogen the chlor-alkali plant vents, the spent
 * solvent pharma sends for recovery); where the ledger's whole stream already goes to a neighbour
 * (fly ash, carbide slag), the offer is a surplus the demo states, marked so in its note. Prices are
 * round East-China figures of 2024 (CNY per catalogue unit), illustrative; the companies are made up.
 *
 * Pure except `loadDemoExchange`, which writes through the exchange services as each enterprise
 * and as the park operator.
 */
import type { Services } from '../src/app.ts';
import { systemContext, type AuthContext } from '../src/core/roles.ts';
import type { Analysis, DisposalRoute, ExchangeSettings, LicenceKind, ListingAudience, ListingRecurrence, ListingSide, PropertyRanges } from '../src/modules/exchange/model.ts';
import { DEFAULT_EXCHANGE_SETTINGS } from '../src/modules/exchange/settings.ts';
import type { DealTerms } from '../src/modules/exchange/deals/model.ts';
import { demoFlowMonths } from './flows.ts';
import { demoPark, type DemoPark } from './park.ts';

// ---------------------------------------------------------------------------------------------
// Offers and demands.

export interface DemoListing {
  /** The demo's own name for the listing (deals and tests refer to it). */
  key: string;
  enterprise: string;
  site: string;
  side: ListingSide;
  title: string;
  /** Catalogue code: the offered material, or the material a demand needs. */
  material: string;
  accepts?: string[];
  /** Per `recurrence`, in the material's catalogue unit. */
  quantity: number;
  recurrence: ListingRecurrence;
  properties?: PropertyRanges;
  priceCnyPerUnit: number | null;
  currentRoute?: DisposalRoute;
  minLot?: number;
  handling?: string;
  /** Lab reports, dated `monthsAgo` before the load. */
  analyses?: (Omit<Analysis, 'date'> & { monthsAgo: number })[];
  audience: ListingAudience;
  /** Enterprise codes, for audience 'partners'. */
  partners?: string[];
  anonymous?: boolean;
  note: string;
}

/**
 * The listings, in pairs of what is meant to meet. Good matches: phosphogypsum for the cement
 * plant's gypsum, carbide slag for its limestone, fly and bottom ash, spent solvent to recovery
 * and recovered solvent back, off-spec PE to the recycler, vented hydrogen to the refinery. The
 * cascade: the CHP's low-grade heat to the wastewater plant's sludge dryer. The tempting pair: the
 * refinery's waste mineral oil (HW08) as kiln fuel at a cement plant licensed only for HW18 and HW50.
 */
export const DEMO_LISTINGS: readonly DemoListing[] = [
  {
    key: 'pg-offer', enterprise: 'phosphate', site: 'phosphate-main', side: 'offer',
    title: '水洗磷石膏（GB/T 23456-2018 一级）', material: 'PHOSPHOGYPSUM', quantity: 20_000, recurrence: 'month',
    properties: { CaSO4_2H2O: { min: 86, max: 92 }, P2O5: { min: 0.3, max: 0.8 }, F: { min: 0.1, max: 0.4 }, moisture: { min: 8, max: 14 } },
    priceCnyPerUnit: -5, currentRoute: 'storage', minLot: 1_000,
    handling: '散装自卸车，篷布覆盖；雨季含水率按批次复检',
    analyses: [{ title: '磷石膏成分检测报告（水洗线出料）', monthsAgo: 1, lab: '潍坊市产品质量检验所', values: { CaSO4_2H2O: { min: 88.4, max: 88.4 }, P2O5: { min: 0.52, max: 0.52 }, F: { min: 0.21, max: 0.21 }, moisture: { min: 11.2, max: 11.2 } } }],
    audience: 'park',
    note: 'demo: the washing line\'s output; the storage yard takes about 81 000 t a month today (demo/flows.ts), paying the 25 CNY/t environmental protection tax; the plant pays 5 CNY/t to see it used',
  },
  {
    key: 'gypsum-demand', enterprise: 'cement', site: 'cement-main', side: 'demand',
    title: '缓凝剂及石膏粉生产线用石膏', material: 'FGD_GYPSUM', quantity: 12_000, recurrence: 'month',
    properties: { CaSO4_2H2O: { min: 85 }, moisture: { max: 15 } },
    priceCnyPerUnit: 45, audience: 'park',
    note: 'demo: the second plaster line and the cement mill\'s retarder; the CHP\'s FGD gypsum (2 500 t a month) is all taken, the rest is bought natural gypsum at about 60 CNY/t',
  },
  {
    key: 'carbide-slag-offer', enterprise: 'pvc', site: 'pvc-carbide', side: 'offer',
    title: '电石渣（压滤滤饼）', material: 'CARBIDE_SLAG', quantity: 3_000, recurrence: 'month',
    properties: { CaO: { min: 62, max: 68 }, moisture: { min: 28, max: 34 }, Cl: { min: 0.05, max: 0.15 } },
    priceCnyPerUnit: 0, currentRoute: 'landfill', minLot: 500,
    handling: '滤饼含水约 30 %，密闭车厢运输防遗撒',
    analyses: [{ title: '电石渣化学分析', monthsAgo: 2, lab: '宏达PVC 质检中心', values: { CaO: { min: 65.1, max: 65.1 }, moisture: { min: 31, max: 31 }, Cl: { min: 0.09, max: 0.09 } } }],
    audience: 'park',
    note: 'demo: the second acetylene generator\'s slag, landfilled today; the first one\'s 180 000 t a year already goes to the raw meal (demo/flows.ts)',
  },
  {
    key: 'limestone-demand', enterprise: 'cement', site: 'cement-main', side: 'demand',
    title: '生料钙质原料（石灰石或其替代料）', material: 'LIMESTONE', quantity: 20_000, recurrence: 'month',
    priceCnyPerUnit: 60, audience: 'park',
    note: 'demo: the raw meal takes about 150 000 t of bought limestone a month; the kiln takes calcium substitutes up to about this much more before the raw mill\'s drying limits it',
  },
  {
    key: 'fly-ash-offer', enterprise: 'chp', site: 'chp-main', side: 'offer',
    title: 'II 级粉煤灰（干排）', material: 'FLY_ASH', quantity: 2_500, recurrence: 'month',
    properties: { loss_on_ignition: { min: 3, max: 6 }, SO3: { min: 1, max: 2.5 }, moisture: { min: 0.2, max: 0.8 } },
    priceCnyPerUnit: 30, currentRoute: 'landfill', minLot: 200,
    handling: '罐车气力输送，防扬尘',
    audience: 'park',
    note: 'demo: the surplus over the 110 000 t a year the cement raw meal takes (demo/flows.ts), to the ash yard today',
  },
  {
    key: 'fly-ash-demand', enterprise: 'cement', site: 'cement-main', side: 'demand',
    title: '水泥混合材用粉煤灰（GB/T 1596-2017 F 类 II 级）', material: 'FLY_ASH', quantity: 3_000, recurrence: 'month',
    properties: { loss_on_ignition: { max: 8 }, SO3: { max: 3 }, moisture: { max: 1 } },
    priceCnyPerUnit: 60, audience: 'park',
    note: 'demo: a mineral admixture for the cement mill (GB/T 1596-2017 class F grade II: loss on ignition ≤ 8 %, SO3 ≤ 3 %, moisture ≤ 1 %)',
  },
  {
    key: 'bottom-ash-offer', enterprise: 'chp', site: 'chp-main', side: 'offer',
    title: '循环流化床炉渣', material: 'BOTTOM_ASH', quantity: 1_500, recurrence: 'month',
    priceCnyPerUnit: 0, currentRoute: 'landfill', minLot: 200, audience: 'park',
    note: 'demo: the surplus over the 60 000 t a year the raw meal takes, to the ash yard today',
  },
  {
    key: 'bottom-ash-demand', enterprise: 'cement', site: 'cement-main', side: 'demand',
    title: '生料硅铝质校正料（炉渣）', material: 'BOTTOM_ASH', quantity: 1_000, recurrence: 'month',
    priceCnyPerUnit: 15, audience: 'park',
    note: 'demo: a silica-alumina corrective for the raw meal, in place of bought shale',
  },
  {
    key: 'spent-solvent-offer', enterprise: 'pharma', site: 'pharma-main', side: 'offer',
    title: '废有机溶剂（非卤代，HW06 900-402-06）', material: 'SPENT_SOLVENT', quantity: 1_700, recurrence: 'month',
    properties: { water: { min: 2, max: 8 }, Cl: { min: 0, max: 0.5 } },
    priceCnyPerUnit: -800, currentRoute: 'incineration', minLot: 20,
    handling: '危险废物：专用槽罐车，执行危险废物转移联单，接收单位须持 HW06 经营许可证',
    audience: 'park', anonymous: true,
    note: 'demo: the synthesis workshops\' 20 000 t a year (demo/flows.ts); recovery is re-tendered every year, the alternative is hazardous-waste incineration; anonymous until a deal is agreed',
  },
  {
    key: 'spent-solvent-demand', enterprise: 'solvrec', site: 'solvrec-main', side: 'demand',
    title: '接收非卤代废溶剂（精馏回收）', material: 'SPENT_SOLVENT', accepts: ['HW06/900-402-06'], quantity: 2_000, recurrence: 'month',
    properties: { water: { max: 10 }, Cl: { max: 1 } },
    priceCnyPerUnit: -600, audience: 'park',
    note: 'demo: the distillation train\'s capacity (24 000 t a year); it charges a recovery fee of at least 600 CNY/t',
  },
  {
    key: 'recovered-solvent-offer', enterprise: 'solvrec', site: 'solvrec-main', side: 'offer',
    title: '回收溶剂（甲醇、甲苯、丙酮，放行检验合格）', material: 'RECOVERED_SOLVENT', quantity: 1_400, recurrence: 'month',
    properties: { purity: { min: 99.5, max: 99.9 }, water: { min: 0.02, max: 0.1 } },
    priceCnyPerUnit: 4_200, currentRoute: 'sold', minLot: 20, audience: 'park',
    note: 'demo: 16 800 t a year recovered (demo/flows.ts); what pharma does not take is sold to solvent traders',
  },
  {
    key: 'recovered-solvent-demand', enterprise: 'pharma', site: 'pharma-main', side: 'demand',
    title: '合成工序用回收溶剂', material: 'RECOVERED_SOLVENT', quantity: 1_500, recurrence: 'month',
    properties: { purity: { min: 99.5 }, water: { max: 0.1 } },
    priceCnyPerUnit: 5_000, audience: 'park',
    note: 'demo: in place of bought methanol, toluene and acetone (about 290 t a month today) and the recovered solvent it already takes',
  },
  {
    key: 'offspec-pe-offer', enterprise: 'polyolefin', site: 'polyolefin-main', side: 'offer',
    title: '聚乙烯过渡料及等外品', material: 'OFFSPEC_PE', quantity: 500, recurrence: 'month',
    properties: { melt_flow_index: { min: 0.8, max: 6 } },
    priceCnyPerUnit: 5_200, currentRoute: 'sold', minLot: 25, handling: '25 kg 袋装或吨袋，托盘运输', audience: 'park',
    note: 'demo: grade changes and start-ups, 6 000 t a year (demo/flows.ts); sold to traders at a discount when the recycler does not take it',
  },
  {
    key: 'offspec-pe-demand', enterprise: 'recycler', site: 'recycler-main', side: 'demand',
    title: '造粒原料：聚乙烯过渡料', material: 'OFFSPEC_PE', quantity: 600, recurrence: 'month',
    properties: { melt_flow_index: { min: 0.3, max: 10 } },
    priceCnyPerUnit: 5_600, audience: 'park',
    note: 'demo: clean off-spec PE pelletizes without the washing the bought waste plastics need',
  },
  {
    key: 'hydrogen-offer', enterprise: 'chloralkali', site: 'chloralkali-main', side: 'offer',
    title: '电解副产氢气（99.9 %）', material: 'HYDROGEN_BYPRODUCT', quantity: 750_000, recurrence: 'month',
    properties: { purity: { min: 99.9, max: 99.99 } },
    priceCnyPerUnit: 0.9, currentRoute: 'vent', minLot: 100_000,
    handling: '经园区公共管廊氢气管道输送，压力 0.6 MPa',
    audience: 'partners', partners: ['refinery', 'pvc'],
    note: 'demo: the hydrogen the cell room vents today, about 9.3 million Nm3 a year (demo/flows.ts); offered to its two pipeline neighbours only',
  },
  {
    key: 'hydrogen-demand', enterprise: 'refinery', site: 'refinery-main', side: 'demand',
    title: '加氢装置补充氢', material: 'HYDROGEN_BYPRODUCT', quantity: 1_200_000, recurrence: 'month',
    properties: { purity: { min: 99.5 } },
    priceCnyPerUnit: 1.4, audience: 'park',
    note: 'demo: make-up hydrogen beyond the 64 million Nm3 a year the chlor-alkali plant sends; the alternative is the SMR unit\'s grey hydrogen',
  },
  {
    key: 'chp-heat-offer', enterprise: 'chp', site: 'chp-main', side: 'offer',
    title: '汽轮机抽汽余热（高温热水 105–115 °C）', material: 'WASTE_HEAT', quantity: 8_000, recurrence: 'month',
    properties: { temperature: { min: 105, max: 115 } },
    priceCnyPerUnit: 20, currentRoute: 'vent', minLot: 1_000,
    handling: '经管廊承压热水管网输送，回水温度不高于 60 °C',
    audience: 'park',
    note: 'demo: the cascade\'s upper step: exhaust heat of the back-pressure turbines the cooling towers reject today, recovered through a heat exchanger; hot enough for process heating',
  },
  {
    key: 'refinery-heat-offer', enterprise: 'refinery', site: 'refinery-main', side: 'offer',
    title: '低温余热（热水 85–95 °C）', material: 'WASTE_HEAT', quantity: 20_000, recurrence: 'month',
    properties: { temperature: { min: 85, max: 95 } },
    priceCnyPerUnit: 10, currentRoute: 'vent', minLot: 1_000,
    handling: '经管廊热水管网输送',
    audience: 'park',
    note: 'demo: the cascade\'s lower step: heat the crude and FCC units\' product air coolers reject today, recovered as hot water; too cool for process heating, enough for drying',
  },
  {
    key: 'pharma-heat-demand', enterprise: 'pharma', site: 'pharma-main', side: 'demand',
    title: '结晶釜夹套及洁净空调再热用高温热水', material: 'WASTE_HEAT', quantity: 8_000, recurrence: 'month',
    properties: { temperature: { min: 100 } },
    priceCnyPerUnit: 60, audience: 'park',
    note: 'demo: jacket heating and GMP air-handling reheat, LP steam from the CHP today (≈ 75 CNY per GJ at 200 CNY/t); needs water at 100 °C or more',
  },
  {
    key: 'wwtp-heat-demand', enterprise: 'wwtp', site: 'wwtp-main', side: 'demand',
    title: '污泥低温干化热源', material: 'WASTE_HEAT', quantity: 6_500, recurrence: 'month',
    properties: { temperature: { min: 80 } },
    priceCnyPerUnit: 70, audience: 'park',
    note: 'demo: the belt dryer evaporates about 2 000 t of water a month (12 000 t a year of sludge dried from 80 % to 40 % moisture) at about 3.2 GJ per t; its alternative is a natural-gas hot-water boiler (≈ 120 CNY per GJ)',
  },
  {
    key: 'waste-oil-offer', enterprise: 'refinery', site: 'refinery-main', side: 'offer',
    title: '废矿物油（HW08 900-249-08）', material: 'WASTE_MINERAL_OIL', quantity: 240, recurrence: 'year',
    properties: { calorific_value: { min: 38, max: 42 }, water: { min: 1, max: 5 } },
    priceCnyPerUnit: 1_500, currentRoute: 'incineration', minLot: 10,
    handling: '危险废物：200 L 铁桶或槽罐车，执行危险废物转移联单，接收单位须持 HW08 经营许可证',
    audience: 'park',
    note: 'demo: oil skimmed from the oily-water system and drained from equipment; incinerated off site today',
  },
  {
    key: 'kiln-fuel-demand', enterprise: 'cement', site: 'cement-main', side: 'demand',
    title: '水泥窑替代燃料', material: 'RAW_COAL', accepts: ['WASTE_MINERAL_OIL', 'HW08/900-249-08'], quantity: 500, recurrence: 'month',
    properties: { calorific_value: { min: 20 } },
    priceCnyPerUnit: 900, audience: 'park',
    note: 'demo: the tempting pair: the kiln would burn waste oil in place of coal, but its co-processing licence covers HW18 and HW50 only, so the plan must not match the refinery\'s HW08 to it',
  },
];

// ---------------------------------------------------------------------------------------------
// Licences, substitutions, distances, settings.

/** A licence the demo registers (registerDemoLicences): a receiver's covers its site, a transporter's perhaps one vehicle. */
export interface DemoLicenceEntry {
  enterprise: string;
  /** A receiver's when not said. */
  kind?: LicenceKind;
  number: string;
  codes: string[];
  /** t per year; null: no cap stated. */
  annualCapacityT: number | null;
  site?: string;
  vehicle?: string;
  issuer: string;
  note: string;
}

/** The exchange's licences: a receiver's, always at its site and with a capacity (the plan needs both). */
export interface DemoLicence extends DemoLicenceEntry {
  site: string;
  annualCapacityT: number;
}

/** Receiver licences (危险废物经营许可证), valid over the years registerDemoLicences gives them. */
export const DEMO_LICENCES: readonly DemoLicence[] = [
  {
    enterprise: 'solvrec', site: 'solvrec-main', number: '鲁危证 0731 号', codes: ['HW06', 'HW11', 'HW02', 'HW49/900-039-49', 'HW08/251-002-08'], annualCapacityT: 33_000,
    issuer: '山东省生态环境厅', note: 'demo: solvent distillation (HW06, 24 000 t/a) and rotary-kiln incineration of distillation residues, spent carbon and oily sludge (9 000 t/a)',
  },
  {
    enterprise: 'cement', site: 'cement-main', number: '潍危证 0112 号', codes: ['HW18/772-003-18', 'HW50/251-017-50'], annualCapacityT: 3_000,
    issuer: '潍坊市生态环境局', note: 'demo: co-processing in the cement kiln of washed incineration fly ash and spent FCC catalyst only; no waste oil (HW08)',
  },
];

export interface DemoSubstitution {
  offered: string;
  replaces: string;
  ratio: number;
  conditions: PropertyRanges;
  source: string;
  note: string;
}

export const DEMO_SUBSTITUTIONS: readonly DemoSubstitution[] = [
  {
    offered: 'PHOSPHOGYPSUM', replaces: 'FGD_GYPSUM', ratio: 0.95,
    conditions: { CaSO4_2H2O: { min: 85 }, P2O5: { max: 1 }, F: { max: 0.5 }, moisture: { max: 15 } },
    source: 'GB/T 23456-2018 磷石膏',
    note: 'demo: washed phosphogypsum of the standard\'s first grade (CaSO4·2H2O ≥ 85 %) as set retarder and plaster feed; P2O5 and F capped where they retard setting; 0.95 t of FGD gypsum (≈ 93 % CaSO4·2H2O) per t',
  },
  {
    offered: 'CARBIDE_SLAG', replaces: 'LIMESTONE', ratio: 0.85,
    conditions: { CaO: { min: 60 }, moisture: { max: 35 }, Cl: { max: 0.2 } },
    source: 'park rule: dry-process carbide-slag raw meal',
    note: 'demo: per t as delivered at ≤ 35 % moisture: 65 % CaO dry is ≈ 42 % wet, against ≈ 50 % CaO in limestone; chloride capped for the kiln\'s preheater',
  },
];

export interface DemoDistance {
  from: string;
  to: string;
  km: number;
  note: string;
}

/** Where the way between two sites is longer than the road factor makes of the straight line. */
export const DEMO_DISTANCES: readonly DemoDistance[] = [
  { from: 'phosphate-main', to: 'cement-main', km: 2.6, note: 'demo: trucks leave the phosphate works by its north gate and go round the rail siding (1.35 km straight)' },
  { from: 'chp-main', to: 'wwtp-main', km: 2.4, note: 'demo: the hot-water line follows the pipe rack along 海源路 (1.8 km straight)' },
  { from: 'chloralkali-main', to: 'refinery-main', km: 3.6, note: 'demo: the hydrogen line runs along the public pipe rack on 渤海路, nearly straight (3.2 km straight; roads would make it 4.2)' },
];

/** The park's settings: the defaults, with a virgin price for the bottom ash the raw meal would otherwise buy as shale. */
export function demoExchangeSettings(): ExchangeSettings {
  return {
    ...DEFAULT_EXCHANGE_SETTINGS,
    virgin: {
      ...DEFAULT_EXCHANGE_SETTINGS.virgin,
      // Shale or clay for the raw meal ≈ 20–40 CNY/t delivered; quarrying ≈ 3 kg CO2/t.
      BOTTOM_ASH: { cnyPerUnit: 30, kgCo2PerUnit: 3 },
      // Fly ash for the cement mill stands in for clinker only in part; priced as bought fly ash, its CO2 left out (docs/demo-park.md).
      FLY_ASH: { cnyPerUnit: 80, kgCo2PerUnit: 0 },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Deals.

/** The months a load builds its dates from: last month (complete) and the one it falls in, 'YYYY-MM'. */
export function demoDealMonths(now: Date, timeZone: string = demoPark.timezone): { lastMonth: string; thisMonth: string } {
  const lastMonth = demoFlowMonths(now, timeZone).at(-1)!;
  return { lastMonth, thisMonth: addMonths(lastMonth, 1) };
}

export function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const lastDay = (month: string) => `${month}-${String(new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate()).padStart(2, '0')}`;

export interface DemoDealStep {
  /** Who acts: the supplier or the receiver. */
  by: 'supplier' | 'receiver';
  action: 'propose' | 'counter' | 'accept';
  terms?: DealTerms;
  note: string;
}

export interface DemoDeal {
  offer: string;
  demand: string;
  steps: DemoDealStep[];
  /** Deliveries to record after acceptance: the month (its due delivery) and what came. */
  deliveries: { month: string; quantity: number; deliveredOn: string; lot: string }[];
}

/**
 * Phosphogypsum to cement: the cement plant proposes a year from last month at a 10 CNY/t gate
 * fee, the phosphate plant counters at 5, the cement plant accepts, and last month's delivery is
 * recorded (9 860 t against 10 000 planned: a rainy week). Off-spec PE: the recycler proposes from
 * next month, and the polyolefin plant has not answered yet.
 */
export function demoDeals(now: Date): DemoDeal[] {
  const { lastMonth, thisMonth } = demoDealMonths(now);
  const pgTerms = (price: number): DealTerms => ({ quantity: 10_000, recurrence: 'month', priceCnyPerUnit: price, startDate: `${lastMonth}-05`, endDate: lastDay(addMonths(lastMonth, 11)) });
  const next = addMonths(thisMonth, 1);
  return [
    {
      offer: 'pg-offer', demand: 'gypsum-demand',
      steps: [
        { by: 'receiver', action: 'propose', terms: pgTerms(-10), note: '水洗磷石膏 1 万吨/月，一年；贵方承担 10 元/吨处置补贴' },
        { by: 'supplier', action: 'counter', terms: pgTerms(-5), note: '补贴 5 元/吨，我方负责雨季含水率复检' },
        { by: 'receiver', action: 'accept', note: '同意，按月结算' },
      ],
      deliveries: [{ month: lastMonth, quantity: 9_860, deliveredOn: `${lastMonth}-28`, lot: `urn:epc:class:lgtin:6901234.060001.PG${lastMonth.slice(2, 4)}${lastMonth.slice(5, 7)}-EX01` }],
    },
    {
      offer: 'offspec-pe-offer', demand: 'offspec-pe-demand',
      steps: [
        { by: 'receiver', action: 'propose', terms: { quantity: 450, recurrence: 'month', priceCnyPerUnit: 5_300, startDate: `${next}-01`, endDate: lastDay(addMonths(next, 11)) }, note: '过渡料 450 吨/月，吨袋交货，自提' },
      ],
      deliveries: [],
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Loading.

/**
 * Registers each licence of `list` the park has not (the same number for the same enterprise), as
 * the park: a licence is the authority's, checked by the park against its register. Each is valid
 * from the start of the year before the demo's last dealt month to the end of the second year after
 * it, so that every dated step of the story falls inside. Returns how many it registered.
 */
export async function registerDemoLicences(
  exchange: Services['exchange'],
  ctx: AuthContext,
  list: readonly DemoLicenceEntry[],
  now: Date,
  ids: { enterprise(code: string): number; site(code: string): number },
): Promise<number> {
  const year = Number(demoDealMonths(now).lastMonth.slice(0, 4));
  const [validFrom, validTo] = [`${year - 1}-01-01`, `${year + 2}-12-31`];
  const registered = (await exchange.licences.list(ctx, { limit: 1000, offset: 0 })).items;
  let count = 0;
  for (const l of list) {
    const enterpriseId = ids.enterprise(l.enterprise);
    if (registered.some((x) => x.enterpriseId === enterpriseId && x.number === l.number)) continue;
    await exchange.licences.create(ctx, {
      enterpriseId, number: l.number, kind: l.kind ?? 'receiver', codes: l.codes, annualCapacityT: l.annualCapacityT,
      validFrom, validTo, siteId: l.site ? ids.site(l.site) : null, vehicle: l.vehicle ?? null, issuer: l.issuer, note: l.note,
    });
    count++;
  }
  return count;
}

export interface DemoExchangeReport {
  listings: number;
  licences: number;
  substitutions: number;
  distances: number;
  settings: boolean;
  deals: number;
  deliveries: number;
}

const dateMonthsAgo = (now: Date, months: number): string => {
  const { lastMonth } = demoDealMonths(now);
  return `${addMonths(lastMonth, 1 - months)}-10`;
};

/** The ids of the catalogue materials, sites and demo enterprises by code, and `need`, which names what is missing for `who`. */
export async function demoIds(services: Services, ctx: AuthContext, park: DemoPark, who: string) {
  const { registry } = services;
  const materials = await registry.materials.list(ctx, { limit: 1000, offset: 0 });
  const materialId = new Map(materials.items.filter((m) => m.enterpriseId === null).map((m) => [String(m.code), m.id]));
  const sites = await registry.sites.list(ctx, { limit: 1000, offset: 0 });
  const siteId = new Map(sites.items.map((s) => [String(s.code), s.id]));
  const enterprises = await registry.enterprises.list(ctx, { limit: 1000, offset: 0 });
  const demoCodes = new Set(park.enterprises.map((e) => e.code));
  const enterpriseId = new Map(enterprises.items.filter((e) => demoCodes.has(String(e.code))).map((e) => [String(e.code), e.id]));
  const need = <T>(map: Map<string, T>, key: string, what: string): T => {
    const v = map.get(key);
    if (v === undefined) throw new Error(`${who} needs the ${what} ${key}, which is not loaded`);
    return v;
  };
  return { materialId, siteId, enterpriseId, need };
}

/**
 * Writes the demo's exchange as the park and its enterprises would: the settings, substitutions and
 * distances and every licence as the park operator (a licence is the authority's, registered by the park), each enterprise's listings as its administrator, the
 * deals as the two parties. A park that has any listing already is left as it is (a restart adds
 * nothing, and an operator's own market is never mixed with the demo's); otherwise settings the
 * park saved and table rows it has are kept, so a load interrupted before its listings resumes.
 */
export async function loadDemoExchange(services: Services, now: Date = new Date(), park: DemoPark = demoPark): Promise<DemoExchangeReport> {
  const ctx = systemContext('demo-loader');
  const report: DemoExchangeReport = { listings: 0, licences: 0, substitutions: 0, distances: 0, settings: false, deals: 0, deliveries: 0 };
  const ex = services.exchange;
  if ((await ex.listings.list(ctx, { limit: 1, offset: 0 })).total > 0) return report;

  const { materialId, siteId, enterpriseId, need } = await demoIds(services, ctx, park, 'the demo exchange');
  const as = (code: string): AuthContext => ({ userId: null, username: `demo-loader@${code}`, role: 'enterprise_admin', enterpriseId: need(enterpriseId, code, 'enterprise'), via: 'system' });

  // The park's rules first; each part a park has already (its own settings, a pair already in a table) is left as it is.
  if ((await ex.store.settings()).updatedAt === null) {
    await ex.putSettings(ctx, demoExchangeSettings());
    report.settings = true;
  }
  const substitutions = (await ex.substitutions.list(ctx, { limit: 1000, offset: 0 })).items;
  for (const s of DEMO_SUBSTITUTIONS) {
    const [offeredMaterialId, replacesMaterialId] = [need(materialId, s.offered, 'material'), need(materialId, s.replaces, 'material')];
    if (substitutions.some((x) => x.offeredMaterialId === offeredMaterialId && x.replacesMaterialId === replacesMaterialId)) continue;
    await ex.substitutions.create(ctx, { offeredMaterialId, replacesMaterialId, ratio: s.ratio, conditions: s.conditions, source: s.source, note: s.note });
    report.substitutions++;
  }
  const distances = (await ex.distances.list(ctx, { limit: 1000, offset: 0 })).items;
  for (const d of DEMO_DISTANCES) {
    const [fromSiteId, toSiteId] = [need(siteId, d.from, 'site'), need(siteId, d.to, 'site')];
    if (distances.some((x) => x.fromSiteId === fromSiteId && x.toSiteId === toSiteId)) continue;
    await ex.distances.create(ctx, { fromSiteId, toSiteId, km: d.km, note: d.note });
    report.distances++;
  }
  report.licences = await registerDemoLicences(ex, ctx, DEMO_LICENCES, now, {
    enterprise: (code) => need(enterpriseId, code, 'enterprise'),
    site: (code) => need(siteId, code, 'site'),
  });

  const listingId = new Map<string, number>();
  for (const l of DEMO_LISTINGS) {
    const created = await ex.listings.create(as(l.enterprise), {
      enterpriseId: need(enterpriseId, l.enterprise, 'enterprise'), side: l.side, state: 'published', title: l.title,
      materialId: need(materialId, l.material, 'material'), accepts: l.accepts ?? null, quantity: l.quantity, recurrence: l.recurrence,
      availableFrom: null, availableTo: null, siteId: need(siteId, l.site, 'site'), properties: l.properties ?? null,
      priceCnyPerUnit: l.priceCnyPerUnit, currentRoute: l.currentRoute ?? null, minLot: l.minLot ?? null, handling: l.handling ?? null,
      analyses: l.analyses ? l.analyses.map(({ monthsAgo, ...a }) => ({ ...a, date: dateMonthsAgo(now, monthsAgo) })) : null,
      audience: l.audience, partnerIds: l.partners ? l.partners.map((p) => need(enterpriseId, p, 'enterprise')) : null,
      anonymous: l.anonymous ?? false, note: l.note,
    });
    listingId.set(l.key, created.id);
    report.listings++;
  }

  const byKey = new Map(DEMO_LISTINGS.map((l) => [l.key, l]));
  // Deals start from the plan's suggestion, as the console's "propose from the plan" does: the deal keeps its explanation, and its impact is the plan's.
  const plan = await ex.plan(ctx, {});
  for (const d of demoDeals(now)) {
    const offer = byKey.get(d.offer)!;
    const demand = byKey.get(d.demand)!;
    const party = (by: DemoDealStep['by']) => as(by === 'supplier' ? offer.enterprise : demand.enterprise);
    const offerId = listingId.get(d.offer)!;
    const demandId = listingId.get(d.demand)!;
    const explanation = plan.candidates.find((c) => c.offer === offerId && c.demand === demandId)?.explanation;
    const [first, ...rest] = d.steps;
    let deal = await ex.deals.propose(party(first.by), { offerId, demandId, terms: first.terms!, note: first.note, ...(explanation ? { explanation } : {}) });
    for (const step of rest) {
      deal = await ex.deals.act(party(step.by), deal.id, { action: step.action as 'counter' | 'accept', version: deal.version, ...(step.terms ? { terms: step.terms } : {}), note: step.note });
    }
    report.deals++;
    for (const delivery of d.deliveries) {
      const due = deal.deliveries.find((s) => s.due.startsWith(delivery.month));
      if (!due) throw new Error(`the demo deal ${d.offer} → ${d.demand} scheduled no delivery in ${delivery.month}`);
      // The supplier records what left its gate.
      deal = await ex.deals.recordDelivery(party('supplier'), deal.id, due.id, { quantity: delivery.quantity, deliveredAt: delivery.deliveredOn, lot: delivery.lot });
      report.deliveries++;
    }
  }
  return report;
}
