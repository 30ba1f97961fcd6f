/**
 * How a material is named by waste code, in one place: what a demand's `accepts` may name it by, and
 * whether a licence's codes cover it. The plan (engine/compatibility.ts), the licence use it
 * subtracts (instance.ts) and a deal's proposal and acceptance (deals/) all judge by these.
 */

/** The class of a waste code: 'HW08/900-249-08' → 'HW08'; 'SW10' → 'SW10'. */
export const wasteClass = (code: string): string => code.split('/')[0];

/** The codes by which a demand's `accepts` may name a material: its own, its waste codes and their classes. */
export function acceptedNames(m: { code: string; hwCode: string | null; swCode: string | null }): string[] {
  const names = [m.code];
  for (const code of [m.hwCode, m.swCode]) {
    if (!code) continue;
    names.push(code);
    if (wasteClass(code) !== code) names.push(wasteClass(code));
  }
  return names;
}

/** Whether a licence's codes (full codes or whole classes, in any case) cover a waste code. */
export function licenceCovers(codes: readonly string[], wasteCode: string): boolean {
  const code = wasteCode.trim().toUpperCase();
  const cls = wasteClass(code);
  return codes.some((c) => {
    const k = c.trim().toUpperCase();
    return k === code || k === cls;
  });
}
