import { describe, expect, it } from 'vitest';
import { exchangeSankeyOption, sankeyLinks } from './flowSankey';

const texts = { partyName: (k: string) => k, materialName: (c: string) => c.toLowerCase(), unitOf: () => 't', fmt: String };

describe('the Sankey of suggested flows', () => {
  it('runs from the offering enterprise through the material to the receiver, summing parallel flows', () => {
    const links = sankeyLinks([
      { from: 'e:1', to: 'e:2', material: 'PG', quantity: 100 },
      { from: 'e:3', to: 'e:2', material: 'PG', quantity: 50 },
      { from: 'e:1', to: 'e:2', material: 'PG', quantity: 25 },
      { from: 'e:1', to: 'e:4', material: 'ASH', quantity: 0 },
    ]);
    expect(links).toEqual([
      { source: 'e:1', target: 'm:PG', value: 125, material: 'PG' },
      { source: 'm:PG', target: 'e:2', value: 175, material: 'PG' },
      { source: 'e:3', target: 'm:PG', value: 50, material: 'PG' },
    ]);
  });

  it('breaks a loop (solvent out, recovered solvent back) into a return node', () => {
    const option = exchangeSankeyOption(
      [
        { from: 'e:1', to: 'e:2', material: 'SPENT', quantity: 10 },
        { from: 'e:2', to: 'e:1', material: 'SOLV', quantity: 8 },
      ],
      texts,
    );
    const names = option.series[0].data.map((d) => d.name);
    expect(names.some((n) => n.endsWith('::return'))).toBe(true);
    expect(option.series[0].links.reduce((s, l) => s + l.value, 0)).toBe(36);
  });
});
