import { describe, expect, it } from 'vitest';
import { hazardsFor, newManifestBody, patchBody, toFormValues } from './manifestForm';

const vocabulary = { hazards: [{ hwCode: 'HW06/900-402-06', hazards: ['T' as const, 'I' as const] }, { hwCode: 'HW34', hazards: ['C' as const] }] };

describe('the new-manifest form', () => {
  it('pre-fills a line’s hazards from its code, or its class', () => {
    expect(hazardsFor('HW06/900-402-06', vocabulary)).toEqual(['T', 'I']);
    expect(hazardsFor('HW34/900-300-34', vocabulary)).toEqual(['C']);
    expect(hazardsFor('HW49/900-041-49', vocabulary)).toEqual([]);
    expect(hazardsFor(undefined, vocabulary)).toEqual([]);
  });

  it('sends what was filled in, without empty optional fields or half-filled legs', () => {
    const body = newManifestBody({
      receiverId: 4, receiverSiteId: null, plannedDate: '2026-12-10', route: ' ', note: 'drums sealed',
      legs: [{ transporterId: 7, vehicle: ' 沪a12345 ', driver: '', driverPhone: '138' }, { transporterId: 8, vehicle: '' }],
      lines: [{ materialId: 3, hwCode: 'HW06/900-402-06', form: 'liquid', packaging: 'drum', containers: 10, quantity: 2.5, unit: 't', hazards: [] }],
    });
    expect(body).toEqual({
      receiverId: 4, plannedDate: '2026-12-10', note: 'drums sealed',
      legs: [{ transporterId: 7, vehicle: '沪A12345', driverPhone: '138' }],
      lines: [{ materialId: 3, hwCode: 'HW06/900-402-06', form: 'liquid', packaging: 'drum', containers: 10, quantity: 2.5, unit: 't' }],
    });
  });
});

describe('editing a draft', () => {
  const draft = {
    receiver: { id: 4, code: 'R', name: 'R', nameEn: null }, receiverSite: null, plannedDate: '2026-12-10', route: 'G15', note: null,
    legs: [{ leg: 1, transporter: { id: 7, code: 'T', name: 'T', nameEn: null }, vehicle: '沪A12345', driver: '王', driverPhone: null, tookOverAt: null }],
    lines: [{
      line: 1, materialId: 3, materialCode: 'SPENT_SOLVENT', materialName: '废有机溶剂', materialNameEn: null, hwCode: 'HW06/900-402-06', form: 'liquid' as const, packaging: 'drum' as const, containers: 10, quantity: 2.5, unit: 't' as const,
      hazards: ['T' as const, 'I' as const], batches: ['https://id.example/88.514/b1'], received: null, receivedContainers: null, rejected: null, method: null, processed: null,
    }],
  };

  it('keeps what it does not change, the batches included, and clears what was emptied', () => {
    const values = toFormValues(draft);
    expect(patchBody(values, 3)).toEqual({
      version: 3, receiverId: 4, receiverSiteId: null, plannedDate: '2026-12-10', route: 'G15', note: null,
      legs: [{ transporterId: 7, vehicle: '沪A12345', driver: '王' }],
      lines: [{ materialId: 3, hwCode: 'HW06/900-402-06', form: 'liquid', packaging: 'drum', containers: 10, quantity: 2.5, unit: 't', hazards: ['T', 'I'], batches: ['https://id.example/88.514/b1'] }],
    });
    expect(patchBody({ ...values, route: '' }, 3).route).toBeNull();
  });
});
