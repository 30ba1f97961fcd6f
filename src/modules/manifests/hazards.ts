/**
 * Default hazard characteristics (危险特性: 毒性 T, 腐蚀性 C, 易燃性 I, 反应性 R, 感染性 In) of the waste
 * codes in Symbiont's catalogue, as 国家危险废物名录（2021年版）(生态环境部令第15号) lists them. A manifest
 * line starts from these; the generator may name others (its waste's own analysis).
 *
 * Where the 名录 writes "T/In" (toxic or infectious, by what the waste carries) or "T/C/I/R", every
 * letter is listed: a manifest that overstates a hazard is safer on the road than one that hides it.
 *
 * Confirmation: these were written from the 2021 名录's table. The search tool found the codes and
 * their descriptions (the catalogue quotes them too) but no copy of the table's 危险特性 column, so
 * none of the letters below could be confirmed against a second source; the least certain are
 * HW34 900-349-34 and HW35 900-399-35 (C,T: the 名录 gives some HW34/HW35 entries C alone) and
 * HW49 900-047-49 (T/C/I/R).
 */
import type { HazardCharacteristic } from './model.ts';

export const DEFAULT_HAZARDS: Readonly<Record<string, readonly HazardCharacteristic[]>> = {
  // HW02 医药废物, 化学药品原料药制造 (271): residues, mother liquors, spent filter media.
  'HW02/271-001-02': ['T'],
  'HW02/271-002-02': ['T'],
  'HW02/271-003-02': ['T'],
  // HW06 废有机溶剂与含有机溶剂废物: halogenated (401) and non-halogenated (402) spent solvents.
  'HW06/900-401-06': ['T', 'I'],
  'HW06/900-402-06': ['T', 'I'],
  // HW08 废矿物油与含矿物油废物.
  'HW08/251-002-08': ['T', 'I'],
  'HW08/900-217-08': ['T', 'I'],
  'HW08/900-249-08': ['T', 'I'],
  // HW09 油/水、烃/水混合物或乳化液.
  'HW09/900-007-09': ['T'],
  // HW11 精(蒸)馏残渣.
  'HW11/900-013-11': ['T'],
  // HW18 焚烧处置残渣: bottom ash, fly ash, scrubber sludge.
  'HW18/772-003-18': ['T'],
  // HW34 废酸, HW35 废碱.
  'HW34/251-014-34': ['C', 'T'],
  'HW34/900-349-34': ['C', 'T'],
  'HW35/251-015-35': ['C', 'T'],
  'HW35/900-399-35': ['C', 'T'],
  // HW49 其他废物.
  'HW49/772-006-49': ['T', 'In'],
  'HW49/900-039-49': ['T'],
  'HW49/900-041-49': ['T', 'In'],
  'HW49/900-047-49': ['T', 'C', 'I', 'R'],
  // HW50 废催化剂.
  'HW50/251-016-50': ['T'],
  'HW50/251-017-50': ['T'],
  'HW50/261-173-50': ['T'],
  'HW50/271-006-50': ['T'],
  'HW50/772-007-50': ['T'],
};

/** The default characteristics of a code ('HW06/900-402-06'; case and spaces ignored), or null when the catalogue does not know it. */
export function hazardsOf(hwCode: string): HazardCharacteristic[] | null {
  const found = DEFAULT_HAZARDS[hwCode.replace(/\s+/g, '').toUpperCase()];
  return found ? [...found] : null;
}
