import { describe, expect, it } from 'vitest';
import { loadFixture } from './fixtures.js';
import { Generator } from './generator.js';
import { uniformFill } from './uniform.js';

interface LinearFx {
  in_features: number; out_features: number; weight_bound: number; bias_bound: number;
  weight_first: number[]; weight_last: number[]; weight_sum: number;
  bias_first: number[]; bias_last: number[]; bias_sum: number; state_after: string;
}
const fx = loadFixture<LinearFx>('linear.json');

function sum(a: Float32Array): number {
  // torch sums the float64 copy with pairwise/vectorised reduction; compare with a tolerance
  // far below one float32 ulp of any element so any single wrong value fails.
  let s = 0;
  for (const v of a) s += v;
  return s;
}

describe('nn.Linear(784, 512) initialisation after manual_seed(0)', () => {
  it('kaiming_uniform_(a=sqrt(5)) then bias uniform_ reproduce PyTorch bit for bit', () => {
    const fanIn = fx.in_features;
    const a = Math.sqrt(5);
    const gain = Math.sqrt(2.0 / (1 + a * a));
    const bound = gain * Math.sqrt(3.0 / fanIn);
    expect(bound).toBe(fx.weight_bound);
    const g = new Generator().manual_seed(0);
    const w = uniformFill(new Float32Array(fx.out_features * fanIn), 'float32', -bound, bound, g);
    const bb = 1 / Math.sqrt(fanIn);
    expect(bb).toBe(fx.bias_bound);
    const b = uniformFill(new Float32Array(fx.out_features), 'float32', -bb, bb, g);
    expect(Array.from(w.subarray(0, 64))).toStrictEqual(fx.weight_first);
    expect(Array.from(w.subarray(w.length - 64))).toStrictEqual(fx.weight_last);
    expect(Array.from(b.subarray(0, 64))).toStrictEqual(fx.bias_first);
    expect(Array.from(b.subarray(b.length - 64))).toStrictEqual(fx.bias_last);
    expect(Math.abs(sum(w) - fx.weight_sum)).toBeLessThan(1e-9);
    expect(Math.abs(sum(b) - fx.bias_sum)).toBeLessThan(1e-12);
    expect(Buffer.from(g.get_state()).toString('base64')).toBe(fx.state_after);
  });
});
