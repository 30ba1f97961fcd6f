/**
 * Industrial solid waste KPIs as China's environmental statistics define them, for general
 * industrial solid waste (一般工业固体废物) and hazardous waste (危险废物) alike. Pure.
 *
 * Sources:
 * - 国家统计局 / 生态环境部 environmental statistics, indicator explanations (指标解释):
 *   产生量 = (综合利用量 − 其中：综合利用往年贮存量) + 贮存量 + (处置量 − 其中：处置往年贮存量) + 倾倒丢弃量;
 *   综合利用率 = 综合利用量 ÷ (产生量 + 综合利用往年贮存量) × 100 %.
 *   (Same wording in 《国家生态工业示范园区标准》HJ 274 附录 A, indicator 工业固体废物综合利用率.)
 * - 工业危险废物处置利用率 = (综合利用量 + 处置量) ÷ (产生量 + 综合利用往年贮存量 + 处置往年贮存量) × 100 %,
 *   the rate published in 环境保护部《2012年环境统计年报》§4.2 (76.1 % for 2012; reproduced in the test).
 *
 * All quantities in tonnes, for one reporting period and one waste category; `utilized` and
 * `disposed` include what was taken from prior years' stock (that is how the statistics report them).
 */
import { kpi, missingOf, type KpiInputs, type KpiResult } from './result.ts';

export interface SolidWastePeriod {
  /** 产生量 (t) */
  generated?: number | null;
  /** 综合利用量 (t), including prior years' stock utilized */
  utilized?: number | null;
  /** 其中：综合利用往年贮存量 (t) */
  priorStockUtilized?: number | null;
  /** 处置量 (t), including prior years' stock disposed */
  disposed?: number | null;
  /** 其中：处置往年贮存量 (t) */
  priorStockDisposed?: number | null;
  /** 贮存量 (t): this period's generation put into storage */
  stored?: number | null;
  /** 倾倒丢弃量 (t) */
  dumped?: number | null;
}

type Field = keyof SolidWastePeriod & string;

function inputsOf(w: SolidWastePeriod, fields: readonly Field[]): KpiInputs {
  const out: KpiInputs = {};
  for (const f of fields) {
    const v = w[f];
    if (typeof v === 'number') out[f] = v;
  }
  return out;
}

/**
 * A percentage whose denominator may be zero (no waste generated and none taken from stock): that
 * is reported as missing rather than as 0 % or 100 %, since there was nothing to rate.
 */
function percent(numerator: number, denominator: number, denominatorName: string, inputs: KpiInputs): KpiResult {
  if (denominator <= 0) return { ok: false, unit: '%', missing: [`${denominatorName} > 0`], inputs };
  return { ok: true, value: (numerator / denominator) * 100, unit: '%', inputs };
}

/** 综合利用率 = utilized / (generated + priorStockUtilized) × 100 %. Same formula for hazardous waste. */
export function comprehensiveUtilizationRate(w: SolidWastePeriod): KpiResult {
  const fields: Field[] = ['utilized', 'generated', 'priorStockUtilized'];
  const inputs = inputsOf(w, fields);
  const missing = missingOf(w, fields);
  if (missing.length) return { ok: false, unit: '%', missing, inputs };
  return percent(w.utilized!, w.generated! + w.priorStockUtilized!, 'generated + priorStockUtilized', inputs);
}

/**
 * Hazardous waste 处置利用率 (utilized or safely disposed):
 * (utilized + disposed) / (generated + priorStockUtilized + priorStockDisposed) × 100 %.
 */
export function safeDisposalRate(w: SolidWastePeriod): KpiResult {
  const fields: Field[] = ['utilized', 'disposed', 'generated', 'priorStockUtilized', 'priorStockDisposed'];
  const inputs = inputsOf(w, fields);
  const missing = missingOf(w, fields);
  if (missing.length) return { ok: false, unit: '%', missing, inputs };
  return percent(
    w.utilized! + w.disposed!,
    w.generated! + w.priorStockUtilized! + w.priorStockDisposed!,
    'generated + priorStockUtilized + priorStockDisposed',
    inputs,
  );
}

const IDENTITY_FIELDS: Field[] = ['generated', 'utilized', 'priorStockUtilized', 'stored', 'disposed', 'priorStockDisposed', 'dumped'];

/** The right-hand side of the identity: what became of this period's own generation (t). */
function accountedFor(w: Required<{ [K in Field]: number }>): number {
  return w.utilized - w.priorStockUtilized + w.stored + (w.disposed - w.priorStockDisposed) + w.dumped;
}

/**
 * Residual of the statistical identity, in t: generated − [(utilized − priorStockUtilized) + stored
 * + (disposed − priorStockDisposed) + dumped]. Zero when the books close; positive means part of
 * the generation is unaccounted for, negative means more was reported used than generated.
 */
export function identityResidual(w: SolidWastePeriod): KpiResult {
  const inputs = inputsOf(w, IDENTITY_FIELDS);
  return kpi('t', inputs, missingOf(w, IDENTITY_FIELDS), () => w.generated! - accountedFor(w as Required<{ [K in Field]: number }>));
}

/** The same residual as a percentage of `generated` (missing when nothing was generated). */
export function identityResidualPercent(w: SolidWastePeriod): KpiResult {
  const residual = identityResidual(w);
  if (!residual.ok) return { ...residual, unit: '%' };
  return percent(residual.value, w.generated!, 'generated', { ...residual.inputs, residualT: residual.value });
}
