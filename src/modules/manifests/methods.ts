/**
 * What a receiver did with the waste: the utilization (利用) and disposal (处置) method codes of
 * HJ 1259-2022 危险废物管理计划和管理台账制定技术导则 (the codes it takes over from 危险废物经营单位记录和报告
 * 经营情况指南, themselves after the Basel Convention's Annex IV R and D operations), as far as
 * Symbiont's receivers use them. The names follow the standard's wording; the code list was
 * cross-checked against a published waste-management system's code table (disposal D1, D9, D10, C1,
 * D16; utilization R1…R9, C2, C3, R15), which also files C1 under disposal and C2, C3 under utilization.
 *
 * `boundary` is where a disposal sends the waste in the flow ledger (the boundary node of its fate):
 * landfill, incineration (C1 co-processing in a cement kiln burns the waste as fuel and raw meal, so it
 * counts as incineration), or treatment (physico-chemical, other). A utilization has none: the waste is
 * used up at the receiver.
 */

export type MethodFate = 'utilization' | 'disposal';
export type MethodBoundary = 'landfill' | 'incineration' | 'treatment';

export interface MethodCode {
  code: string;
  fate: MethodFate;
  name: string;
  nameEn: string;
  boundary: MethodBoundary | null;
}

export const METHOD_CODES: readonly MethodCode[] = [
  { code: 'R1', fate: 'utilization', name: '作为燃料（直接燃烧除外）或以其他方式产生能量', nameEn: 'Use as a fuel (other than direct incineration) or other means to generate energy', boundary: null },
  { code: 'R2', fate: 'utilization', name: '溶剂回收/再生（如蒸馏、萃取等）', nameEn: 'Solvent reclamation/regeneration (distillation, extraction)', boundary: null },
  { code: 'R3', fate: 'utilization', name: '再循环/再利用不是用作溶剂的有机物', nameEn: 'Recycling/reclamation of organic substances not used as solvents', boundary: null },
  { code: 'R4', fate: 'utilization', name: '再循环/再利用金属和金属化合物', nameEn: 'Recycling/reclamation of metals and metal compounds', boundary: null },
  { code: 'R5', fate: 'utilization', name: '再循环/再利用其他无机物', nameEn: 'Recycling/reclamation of other inorganic materials', boundary: null },
  { code: 'R6', fate: 'utilization', name: '再生酸或碱', nameEn: 'Regeneration of acids or bases', boundary: null },
  { code: 'R7', fate: 'utilization', name: '回收污染减除剂的组分', nameEn: 'Recovery of components used for pollution abatement', boundary: null },
  { code: 'R8', fate: 'utilization', name: '回收催化剂组分', nameEn: 'Recovery of components from catalysts', boundary: null },
  { code: 'R9', fate: 'utilization', name: '废油再提炼或其他废油的再利用', nameEn: 'Used oil re-refining or other reuse of used oil', boundary: null },
  { code: 'R15', fate: 'utilization', name: '其他', nameEn: 'Other utilization', boundary: null },
  { code: 'C2', fate: 'utilization', name: '生产建筑材料', nameEn: 'Production of building materials', boundary: null },
  { code: 'C3', fate: 'utilization', name: '清洗（包装容器）', nameEn: 'Cleaning (of packaging containers) for reuse', boundary: null },
  { code: 'D1', fate: 'disposal', name: '填埋', nameEn: 'Landfill', boundary: 'landfill' },
  { code: 'D9', fate: 'disposal', name: '物理化学处理（如蒸发、干燥、中和、沉淀等），不包括填埋或焚烧前的预处理', nameEn: 'Physico-chemical treatment (evaporation, drying, neutralization, precipitation), not pre-treatment before landfill or incineration', boundary: 'treatment' },
  { code: 'D10', fate: 'disposal', name: '焚烧', nameEn: 'Incineration', boundary: 'incineration' },
  { code: 'D16', fate: 'disposal', name: '其他', nameEn: 'Other disposal', boundary: 'treatment' },
  { code: 'C1', fate: 'disposal', name: '水泥窑协同处置', nameEn: 'Co-processing in a cement kiln', boundary: 'incineration' },
];

const BY_CODE = new Map(METHOD_CODES.map((m) => [m.code, m]));

/** The method a code names (exact, upper case as the standard writes it), or null. */
export function methodOf(code: string): MethodCode | null {
  return BY_CODE.get(code) ?? null;
}
