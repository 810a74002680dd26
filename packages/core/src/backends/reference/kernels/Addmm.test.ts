import { describe, expect, it } from 'vitest';
import { addmm, manual_seed, randn, Tensor, type Tensor as T } from '../../../index.js';
import { float32 } from '../../../dtype.js';
import { ReferenceBackend } from '../backend.js';
import { addmmConfig } from './Addmm.js';
import { gemm, gemmSmall, isSmallGemm } from './gemm.impl.js';

/** What addmm computed before the fused kernel: mm (BatchMatMul), then scalar Mul and Add. */
function composed(bias: T, a: T, b: T, alpha: number, beta: number): T {
  const p = a.mm(b);
  const s = alpha === 1 ? p : p.mul(alpha);
  return beta === 0 ? s : s.add(beta === 1 ? bias : bias.mul(beta));
}

describe('Addmm kernel', () => {
  // The fused kernel must be bit-identical to the composed ops it replaces (their results are
  // checked against PyTorch by the matmul/elementwise goldens).
  const cases: { bias: number[]; a: [number, number]; bT: boolean; m: number; alpha: number; beta: number; dtype: 'float32' | 'float64' }[] = [
    { bias: [1], a: [1, 1], bT: true, m: 1, alpha: 1, beta: 1, dtype: 'float32' },
    { bias: [4], a: [3, 5], bT: true, m: 4, alpha: 1, beta: 1, dtype: 'float32' },
    { bias: [3, 1], a: [3, 5], bT: false, m: 4, alpha: 0.3, beta: 2.7, dtype: 'float32' },
    { bias: [], a: [2, 7], bT: false, m: 3, alpha: -1.5, beta: 0.1, dtype: 'float64' },
    { bias: [1, 9], a: [33, 40], bT: true, m: 9, alpha: 1, beta: 1, dtype: 'float32' },
    { bias: [33, 9], a: [33, 300], bT: false, m: 9, alpha: 2, beta: 0.5, dtype: 'float64' },
  ];
  for (const c of cases) {
    it(`[${c.bias}] + [${c.a}]·[${c.a[1]},${c.m}]${c.bT ? ' (b transposed)' : ''}, alpha ${c.alpha}, beta ${c.beta}, ${c.dtype}`, () => {
      manual_seed(3);
      const bias = randn(c.bias, { dtype: c.dtype });
      const a = randn(c.a, { dtype: c.dtype });
      const b = c.bT ? randn([c.m, c.a[1]], { dtype: c.dtype }).t() : randn([c.a[1], c.m], { dtype: c.dtype });
      const got = addmm(bias, a, b, { alpha: c.alpha, beta: c.beta });
      expect(got.shape).toEqual([c.a[0], c.m]);
      expect(Array.from(got.dataSync())).toEqual(Array.from(composed(bias, a, b, c.alpha, c.beta).dataSync()));
    });
  }

  it('ignores the bias when beta is 0, NaN included (as PyTorch)', () => {
    const bias = Tensor.fromHost(new Float32Array([NaN, NaN]), [2], 'float32');
    const a = Tensor.fromHost(new Float32Array([1, 2]), [1, 2], 'float32');
    const b = Tensor.fromHost(new Float32Array([1, 0, 0, 1]), [2, 2], 'float32');
    expect(Array.from(addmm(bias, a, b, { beta: 0 }).dataSync())).toEqual([1, 2]);
  });

  it('rejects operands outside its contract with a clear error', () => {
    const be = new ReferenceBackend();
    const info = (data: Float32Array, shape: number[]) => ({ storage: data, dtype: float32, shape, strides: shape.length === 2 ? [shape[1]!, 1] : [1], offset: 0 });
    const run = (bias: number[], a: number[], b: number[]) => addmmConfig.kernelFunc({
      inputs: { bias: info(new Float32Array(bias.reduce((x, y) => x * y, 1)), bias), a: info(new Float32Array(6), a), b: info(new Float32Array(6), b) },
      attrs: { alpha: 1, beta: 1 },
      backend: be,
    });
    expect(() => run([2], [2, 3], [2, 3])).toThrow('Addmm expects [n,k] and [k,m] operands, got shapes [2, 3] and [2, 3]');
    expect(() => run([3], [2, 3], [3, 2])).toThrow('Addmm: bias of shape [3] does not broadcast to [2, 2]');
  });
});

describe('gemm small path', () => {
  it('is used only below 8³ with k within one block', () => {
    expect(isSmallGemm(1, 1, 1)).toBe(true);
    expect(isSmallGemm(7, 8, 9)).toBe(true);
    expect(isSmallGemm(8, 8, 8)).toBe(false);
    expect(isSmallGemm(1, 1, 300)).toBe(false);
  });
  it('sums each element in p order from 0, as the packed micro-kernel does (bit-identical), and gemm routes small sizes to it', () => {
    const m = 2, n = 1, k = 200;
    const a = Float32Array.from({ length: m * k }, (_, i) => Math.fround(Math.sin(i * 1.3) * 1e3));
    const b = Float32Array.from({ length: k * 3 }, (_, i) => Math.fround(Math.cos(i * 0.7)));
    const A = { data: a, offset: 0, rowStride: 1, colStride: m };
    const B = { data: b, offset: 1, rowStride: 3, colStride: 1 };
    const small = new Float64Array(m * n);
    gemmSmall(m, n, k, A, B, small, 0, n, false);
    let want0 = 0;
    for (let p = 0; p < k; p++) want0 += a[p * m]! * b[1 + p * 3]!;
    expect(small[0]).toBe(want0);
    const viaGemm = new Float64Array(m * n);
    gemm(m, n, k, A, B, viaGemm, 0, n, false);
    expect(Array.from(viaGemm)).toEqual(Array.from(small));
  });
});
