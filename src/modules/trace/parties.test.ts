import { describe, expect, it } from 'vitest';
import { bizStepTerm, glnOf, isShipment, partyGlnsOf } from './parties.ts';

describe('parties of an EPCIS event', () => {
  it('reads party GLNs in EPC URN and Digital Link forms, owning and possessing only', () => {
    const e = {
      sourceList: [
        { type: 'owning_party', source: 'urn:epc:id:pgln:0614141.00001' },
        { type: 'location', source: 'urn:epc:id:sgln:0614141.00777.0' },
      ],
      destinationList: [
        { type: 'https://ref.gs1.org/cbv/SDT-possessing_party', destination: 'https://id.gs1.org/417/4012345000009' },
        { type: 'urn:epcglobal:cbv:sdt:owning_party', destination: 'https://example.com/417/0614141000012' },
      ],
    };
    expect(partyGlnsOf(e).sort()).toEqual(['0614141000012', '4012345000009']);
  });

  it('is not fooled by identifiers that are not GLNs', () => {
    expect(glnOf('urn:epc:id:sgtin:0614141.107346.2017')).toBeNull();
    expect(glnOf('not a uri')).toBeNull();
    expect(partyGlnsOf({ sourceList: [{ type: 'owning_party', source: 'urn:uuid:1' }] })).toEqual([]);
  });

  it('knows a shipment by its parties or its business step', () => {
    expect(isShipment({ bizStep: 'shipping' })).toBe(true);
    expect(isShipment({ bizStep: 'urn:epcglobal:cbv:bizstep:receiving' })).toBe(true);
    expect(isShipment({ bizStep: 'https://ref.gs1.org/cbv/BizStep-commissioning' })).toBe(false);
    expect(isShipment({ destinationList: [{ type: 'location', destination: 'urn:epc:id:sgln:0614141.00777.0' }] })).toBe(true);
    expect(isShipment({})).toBe(false);
    expect(bizStepTerm('cbv:BizStep-arriving')).toBe('arriving');
  });
});
