import { describe, expect, it } from 'vitest';
import { draftOffers, monthsBack, type DraftNode } from './drafts.ts';

const nodes: DraftNode[] = [
  { id: 1, enterpriseId: 7, code: 'power-boiler', kind: 'unit', boundaryKind: null, unitId: 70 },
  { id: 2, enterpriseId: null, code: 'landfill', kind: 'boundary', boundaryKind: 'landfill', unitId: null },
  { id: 3, enterpriseId: null, code: 'storage-yard', kind: 'boundary', boundaryKind: 'storage_yard', unitId: null },
  { id: 4, enterpriseId: 8, code: 'cement', kind: 'enterprise', boundaryKind: null, unitId: null },
  { id: 5, enterpriseId: 8, code: 'cement-kiln', kind: 'unit', boundaryKind: null, unitId: 80 },
];
const materials = new Map([
  ['FLY_ASH', { id: 100, code: 'FLY_ASH', name: '粉煤灰', nameEn: 'Fly ash', unit: 't', category: 'waste' }],
  ['CEMENT', { id: 101, code: 'CEMENT', name: '水泥', nameEn: 'Cement', unit: 't', category: 'product' }],
]);

describe('drafts from the ledger', () => {
  const flows = [
    { id: 11, fromNodeId: 1, toNodeId: 2, materialCode: 'FLY_ASH', quantity: 60, unit: 't' },
    { id: 12, fromNodeId: 1, toNodeId: 2, materialCode: 'FLY_ASH', quantity: 60_000, unit: 'kg' },
    { id: 13, fromNodeId: 1, toNodeId: 4, materialCode: 'FLY_ASH', quantity: 500, unit: 't' },
    { id: 14, fromNodeId: 1, toNodeId: 3, materialCode: 'CEMENT', quantity: 500, unit: 't' },
    { id: 15, fromNodeId: 5, toNodeId: 2, materialCode: 'FLY_ASH', quantity: 12, unit: 't' },
  ];
  it('proposes one monthly offer per source, waste and route, in the material’s unit, for the caller’s enterprise only', () => {
    const d = draftOffers({ flows, nodes, materials, enterpriseId: 7, unitSites: new Map([[70, 900]]), months: 12 });
    expect(d).toEqual([
      { enterpriseId: 7, materialId: 100, materialCode: 'FLY_ASH', title: 'Fly ash (to landfill today)', quantity: 10, unit: 't', recurrence: 'month', currentRoute: 'landfill', siteId: 900, sourceNodeCode: 'power-boiler', sourceFlowIds: [11, 12] },
    ]);
  });
  it('gives park roles every enterprise’s drafts', () => {
    expect(draftOffers({ flows, nodes, materials, enterpriseId: null, unitSites: new Map(), months: 12 }).map((d) => d.enterpriseId)).toEqual([7, 8]);
  });
  it('counts twelve months back across a year', () => {
    expect(monthsBack('2026-03', 12)).toEqual({ from: '2025-04', to: '2026-03' });
    expect(monthsBack('2026-12', 12)).toEqual({ from: '2026-01', to: '2026-12' });
  });
});
