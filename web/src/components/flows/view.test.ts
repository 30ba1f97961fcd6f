import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BALANCED_ELEMENTS, BALANCE_LEVELS, type FlowView } from '../../api/flowShapes';
import { decodeLayer, encodeLayer, layerOf, paramsOfView, viewFromParams, withLayer, type LayerChoice } from './view';

const arbLayer: fc.Arbitrary<LayerChoice> = fc.oneof(
  fc.constant({ layer: 'mass' as const }),
  fc.stringMatching(/^[A-Z][A-Z0-9._-]{0,11}$/).map((material) => ({ layer: 'mass' as const, material })),
  fc.constantFrom(...BALANCED_ELEMENTS).map((element) => ({ layer: 'element' as const, element })),
  fc.constant({ layer: 'energy' as const }),
);
const arbView: fc.Arbitrary<FlowView> = fc
  .record({
    period: fc.constantFrom('2025', '2026-03', '2026-03-15'),
    level: fc.constantFrom(...BALANCE_LEVELS),
    layer: arbLayer,
    enterpriseId: fc.option(fc.integer({ min: 1, max: 1e6 }), { nil: undefined }),
  })
  .map(({ layer, enterpriseId, ...rest }) => ({ ...rest, ...layer, ...(enterpriseId === undefined ? {} : { enterpriseId }) }));

describe('a flow view in the address', () => {
  it('reads back as it was written', () => {
    fc.assert(
      fc.property(arbView, (view) => {
        expect(viewFromParams(new URLSearchParams(paramsOfView(view)), undefined, 'park')).toEqual(view);
      }),
    );
  });

  it('encodes a layer choice as one select value and back', () => {
    fc.assert(
      fc.property(arbLayer, (choice) => {
        expect(decodeLayer(encodeLayer(choice))).toEqual(choice);
      }),
    );
  });

  it('changes the layer without keeping the old element or material', () => {
    fc.assert(
      fc.property(arbView, arbLayer, (view, choice) => {
        expect(layerOf(withLayer(view, choice))).toEqual(choice);
      }),
    );
  });

  it('falls back on the newest period and the page level, and ignores malformed values', () => {
    const v = viewFromParams(new URLSearchParams('period=march&level=galaxy&layer=element&element=chlorine&enterpriseId=-3'), '2026-12', 'unit');
    expect(v).toEqual({ period: '2026-12', level: 'unit', layer: 'element', element: 'S' });
    expect(viewFromParams(new URLSearchParams(''), undefined, 'unit')).toBeUndefined();
  });
});
