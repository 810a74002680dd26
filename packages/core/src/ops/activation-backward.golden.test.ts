// relu / leaky_relu / softplus input gradients against PyTorch 1.13's ATen backward formulas
// (fixtures/ops/activation_backward.json, tooling/goldens/gen_activation_backward.py): NaN
// inputs, infinite and NaN incoming gradients, branch boundaries and random values.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tensor, type DTypeName } from '../index.js';
import type { Tensor } from '../tensor/tensor.js';

type Num = number | 'nan' | 'inf' | '-inf';
interface Case {
  op: 'relu' | 'leaky_relu' | 'softplus';
  kwargs: { negative_slope?: number; beta?: number; threshold?: number };
  dtype: DTypeName;
  x: Num[];
  g: Num[];
  grad: Num[];
}

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/ops/activation_backward.json', import.meta.url), 'utf8')) as { cases: Case[] };
const dec = (v: Num): number => (v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v);

function forward(c: Case, x: Tensor): Tensor {
  if (c.op === 'relu') return x.relu();
  if (c.op === 'leaky_relu') return x.leaky_relu(c.kwargs.negative_slope);
  return x.softplus(c.kwargs.beta, c.kwargs.threshold);
}

/** Distance in units in the last place of `dtype` (0 for identical values, NaN for NaN included). */
function ulps(a: number, e: number, dtype: DTypeName): number {
  if (Object.is(a, e) || (Number.isNaN(a) && Number.isNaN(e))) return 0;
  if (!Number.isFinite(a) || !Number.isFinite(e)) return Infinity;
  const eps = dtype === 'float32' ? 2 ** -23 : 2 ** -52;
  const scale = 2 ** Math.floor(Math.log2(Math.max(Math.abs(e), dtype === 'float32' ? 2 ** -126 : 2 ** -1022)));
  return Math.abs(a - e) / (scale * eps);
}

describe('activation gradients follow ATen\'s backward formulas', () => {
  fixture.cases.forEach((c, i) => {
    it(`${c.op} ${JSON.stringify(c.kwargs)} ${c.dtype} #${i}`, () => {
      const x = tensor(c.x.map(dec), { dtype: c.dtype, requires_grad: true });
      forward(c, x).backward(tensor(c.g.map(dec), { dtype: c.dtype }));
      const got = Array.from(x.grad!.dataSync() as Float32Array | Float64Array);
      const want = c.grad.map(dec);
      // relu and leaky_relu only select or scale: bit for bit. softplus goes through exp, which
      // ATen takes from SLEEF (1-ulp accurate) and JS from Math.exp; that ulp, carried through
      // g * z / (z + 1), moves the result by up to 2 (the largest seen here).
      const allowed = c.op === 'softplus' ? 2 : 0;
      got.forEach((v, j) => {
        expect(ulps(v, want[j]!, c.dtype), `element ${j}: x=${c.x[j]} g=${c.g[j]}: got ${v}, PyTorch ${want[j]}`).toBeLessThanOrEqual(allowed);
      });
    });
  });
});
