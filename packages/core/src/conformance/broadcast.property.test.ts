// Property tests (fast-check) of broadcasting: the shape rule and the value identity
// op(x, y) == op(x.expand(out), y.expand(out)) computed elementwise by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { broadcastShapes, Tensor } from '../index.js';
import { toNumbers } from '../testing/index.js';

const dims = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 0, maxLength: 4 });

/** Two shapes that broadcast to `out`: each dim kept or set to 1, leading dims maybe dropped. */
const compatible = dims.chain((out) =>
  fc.tuple(
    fc.constant(out),
    ...[0, 1].map(() =>
      fc.tuple(fc.array(fc.boolean(), { minLength: out.length, maxLength: out.length }), fc.integer({ min: 0, max: out.length })).map(
        ([ones, drop]) => out.map((d, i) => (ones[i] ? 1 : d)).slice(drop),
      ),
    ),
  ),
);

function naiveBroadcast(a: readonly number[], b: readonly number[]): number[] | null {
  const n = Math.max(a.length, b.length);
  const r: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = a[a.length - n + i] ?? 1;
    const y = b[b.length - n + i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) return null;
    r.push(Math.max(x, y));
  }
  return r;
}

let seed = 1;
function filled(shape: readonly number[]): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const h = new Float64Array(n);
  for (let i = 0; i < n; i++) h[i] = ((seed = (seed * 16807) % 2147483647) % 1000) / 100 - 5;
  return Tensor.fromHost(h, shape, 'float64');
}

describe('broadcasting properties', () => {
  it('broadcastShapes follows the right-aligned rule, is symmetric, and ops return that shape', () => {
    fc.assert(
      fc.property(compatible, ([out, a, b]) => {
        const r = broadcastShapes(a, b);
        expect(r).toEqual(naiveBroadcast(a, b));
        expect(broadcastShapes(b, a)).toEqual(r);
        // The broadcast of the derived shapes is `out` except where both sides set a dim to 1.
        r.forEach((d, i) => expect(d === 1 || d === out[out.length - r.length + i]).toBe(true));
        expect([...filled(a).add(filled(b)).shape]).toEqual(r);
      }),
      { numRuns: 200, seed: 42 },
    );
  });

  it('incompatible shapes raise PyTorch\'s error naming the first bad dimension', () => {
    fc.assert(
      fc.property(dims, fc.nat(), fc.integer({ min: 2, max: 4 }), (shape, at, extra) => {
        fc.pre(shape.length > 0);
        const i = at % shape.length;
        fc.pre(shape[i]! > 1);
        const other = [...shape];
        other[i] = shape[i]! + extra;
        const x = filled(shape);
        const y = filled(other);
        expect(() => x.mul(y)).toThrow(
          `The size of tensor a (${shape[i]}) must match the size of tensor b (${other[i]}) at non-singleton dimension ${i}`,
        );
      }),
      { numRuns: 100, seed: 43 },
    );
  });

  it('op(x, y) equals the op applied elementwise to explicitly expanded operands', () => {
    fc.assert(
      fc.property(compatible, fc.constantFrom('add', 'sub', 'mul', 'maximum'), ([, a, b], op) => {
        const x = filled(a);
        const y = filled(b);
        const out = broadcastShapes(a, b);
        const got = (x as unknown as Record<string, (o: Tensor) => Tensor>)[op]!.call(x, y);
        const xe = toNumbers(x.expand(out));
        const ye = toNumbers(y.expand(out));
        const f = { add: (p: number, q: number) => p + q, sub: (p: number, q: number) => p - q, mul: (p: number, q: number) => p * q, maximum: Math.max }[op];
        expect(toNumbers(got)).toEqual(xe.map((v, k) => f(v, ye[k]!)));
      }),
      { numRuns: 200, seed: 44 },
    );
  });
});
