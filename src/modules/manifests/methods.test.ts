import { describe, expect, it } from 'vitest';
import { METHOD_CODES, methodOf } from './methods.ts';

describe('method codes (HJ 1259-2022)', () => {
  it('holds the codes Symbiont uses, each once, utilization without a ledger boundary and disposal with one', () => {
    expect(METHOD_CODES.map((m) => m.code).sort()).toEqual(['C1', 'C2', 'C3', 'D1', 'D10', 'D16', 'D9', 'R1', 'R15', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9'].sort());
    for (const m of METHOD_CODES) {
      expect(m.fate === 'utilization' ? m.boundary === null : m.boundary !== null, m.code).toBe(true);
      expect(m.name.length && m.nameEn.length).toBeTruthy();
    }
  });

  it('files co-processing under incineration, building materials and container cleaning under utilization', () => {
    expect(methodOf('C1')).toMatchObject({ fate: 'disposal', boundary: 'incineration', name: '水泥窑协同处置' });
    expect(methodOf('C2')).toMatchObject({ fate: 'utilization', boundary: null });
    expect(methodOf('C3')).toMatchObject({ fate: 'utilization', boundary: null });
    expect(methodOf('D1')).toMatchObject({ boundary: 'landfill', name: '填埋' });
    expect(methodOf('D10')).toMatchObject({ boundary: 'incineration', name: '焚烧' });
    expect(methodOf('D9')?.boundary).toBe('treatment');
    expect(methodOf('D16')?.boundary).toBe('treatment');
    expect(methodOf('R2')).toMatchObject({ fate: 'utilization', name: expect.stringContaining('溶剂回收') });
  });

  it('knows no other code', () => {
    for (const code of ['R10', 'D2', 'C4', 'r2', '', 'R 2']) expect(methodOf(code)).toBeNull();
  });
});
