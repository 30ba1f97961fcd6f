/**
 * The trace graph's labels never pile onto each other (issue #8: "trace-graph labels overlapping"):
 * whatever the genealogy's shape — wide, deep, cyclic, with nodes the edges do not reach — and however
 * wide the page makes the chart, no node's label meets another node's label or symbol, and every
 * label stays inside the chart.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COL_PX, labelBox, layoutTrace, symbolBox, traceFrame, type Box, type TraceShape } from './traceLayout';

const meet = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** A trace of `n` nodes (n0 the root) with arbitrary edges among them and arbitrary depths. */
const traces = fc
  .integer({ min: 1, max: 40 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      direction: fc.constantFrom('backward' as const, 'forward' as const, 'both' as const),
      depths: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n }),
      edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 * n }),
    }),
  )
  .map(({ n, direction, depths, edges }): TraceShape => ({
    root: 'n0',
    direction,
    nodes: depths.map((depth, i) => ({ ref: `n${i}`, depth: i === 0 ? 0 : depth })),
    edges: edges.map(([a, b]) => ({ from: `n${a}`, to: `n${b}` })),
  }));

describe('the trace graph layout', () => {
  it('places every node once, at a distinct point', () => {
    fc.assert(
      fc.property(traces, (trace) => {
        const placed = layoutTrace(trace);
        expect(placed.size).toBe(new Set(trace.nodes.map((n) => n.ref)).size);
        const points = new Set([...placed.values()].map((p) => `${p.column}:${p.row}`));
        expect(points.size).toBe(placed.size);
      }),
    );
  });

  it('never lets a node label meet another label or symbol, and keeps labels inside the chart, at any page width', () => {
    fc.assert(
      fc.property(traces, fc.integer({ min: 0, max: 2000 }), (trace, extra) => {
        const placed = [...layoutTrace(trace).values()];
        const frame = traceFrame(new Map(placed.map((p) => [p.ref, p])));
        const width = frame.width + extra;
        const labels = placed.map((p) => labelBox(p, frame, width));
        const symbols = placed.map((p) => symbolBox(p, frame, width));
        const wrong: string[] = [];
        for (const [i, a] of labels.entries()) {
          const ref = placed[i].ref;
          if (a.left < 0 || a.right > width || a.top < 0 || a.bottom > frame.height) wrong.push(`${ref}: label outside the chart`);
          for (let j = 0; j < placed.length; j++) {
            if (j === i) continue;
            if (meet(a, labels[j])) wrong.push(`${ref} and ${placed[j].ref}: labels meet`);
            if (meet(a, symbols[j])) wrong.push(`${ref}'s label meets ${placed[j].ref}'s symbol`);
          }
        }
        expect(wrong).toEqual([]);
      }),
    );
  });

  it('gives every step a column at least COL_PX wide: a wide trace scrolls instead of squeezing', () => {
    const chain = (n: number): TraceShape => ({
      root: 'n0',
      direction: 'forward',
      nodes: Array.from({ length: n }, (_, i) => ({ ref: `n${i}`, depth: i })),
      edges: Array.from({ length: n - 1 }, (_, i) => ({ from: `n${i}`, to: `n${i + 1}` })),
    });
    for (const n of [1, 2, 10, 50]) {
      const frame = traceFrame(layoutTrace(chain(n)));
      expect(frame.width).toBeGreaterThanOrEqual((frame.maxX - frame.minX) * COL_PX);
      expect(frame.maxX - frame.minX).toBe(n);
    }
  });
});
