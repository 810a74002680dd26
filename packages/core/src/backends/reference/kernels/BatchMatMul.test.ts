import { describe, expect, it } from 'vitest';
import { float32, float64 } from '../../../dtype.js';
import { ReferenceBackend } from '../backend.js';
import { batchMatMulConfig } from './BatchMatMul.js';
import { gemm } from './gemm.impl.js';
import { replayGoldens } from './heavy.testutil.js';

describe('BatchMatMul goldens (torch.bmm)', () => {
  // bfloat16: PyTorch 1.13's CPU gemm rounds partial sums to bfloat16 in an order we do not
  // reproduce; this kernel rounds once, so results may differ by a few bfloat16 ulps.
  replayGoldens('matmul', batchMatMulConfig, { bfloat16: { rtol: 1.6e-2, atol: 5e-2 } });
});

describe('gemm blocking', () => {
  // Sizes that cross every block edge (MR/NR=4, MC=64, KC=256, NC=256), checked against the
  // textbook triple loop in float64 (the definition of the product, exact up to rounding order).
  const cases: [number, number, number][] = [[1, 1, 1], [5, 3, 7], [70, 261, 300], [130, 9, 513], [3, 300, 2]];
  for (const [m, n, k] of cases) {
    it(`${m}x${k} · ${k}x${n}, A transposed`, () => {
      const a = Float64Array.from({ length: m * k }, (_, i) => Math.sin(i * 0.7));
      const b = Float64Array.from({ length: k * n }, (_, i) => Math.cos(i * 0.3));
      const c = new Float64Array(m * n).fill(1);
      // A stored column-major (element (i,p) at p*m + i); C accumulates onto ones.
      gemm(m, n, k, { data: a, offset: 0, rowStride: 1, colStride: m }, { data: b, offset: 0, rowStride: n, colStride: 1 }, c, 0, n, true);
      for (let i = 0; i < m; i += Math.max(1, m >> 3)) {
        for (let j = 0; j < n; j += Math.max(1, n >> 3)) {
          let s = 1;
          for (let p = 0; p < k; p++) s += a[p * m + i]! * b[p * n + j]!;
          expect(Math.abs(c[i * n + j]! - s)).toBeLessThan(1e-9);
        }
      }
    });
  }
});

describe('BatchMatMul', () => {
  it('broadcasts a batch stride of 0 and returns a fresh float32 buffer', () => {
    const a = new Float32Array([1, 2, 3, 4]);
    const b = new Float32Array([1, 0, 0, 1, 2, 0, 0, 2]);
    const r = batchMatMulConfig.kernelFunc({
      inputs: {
        a: { storage: a, dtype: float32, shape: [2, 2, 2], strides: [0, 2, 1], offset: 0 },
        b: { storage: b, dtype: float32, shape: [2, 2, 2], strides: [4, 2, 1], offset: 0 },
      },
      attrs: {},
      backend: new ReferenceBackend(),
    });
    const out = Array.isArray(r) ? r[0]! : r!;
    expect(out.storage).toBeInstanceOf(Float32Array);
    expect(Array.from(out.storage as Float32Array)).toEqual([1, 2, 3, 4, 2, 4, 6, 8]);
    expect(out.dtype).toBe(float32);
  });
  it('rejects mismatched inner sizes', () => {
    const t = { storage: new Float64Array(6), dtype: float64, shape: [1, 2, 3], strides: [6, 3, 1], offset: 0 };
    expect(() => batchMatMulConfig.kernelFunc({ inputs: { a: t, b: t }, attrs: {}, backend: new ReferenceBackend() })).toThrow(
      'Expected size for first two dimensions of batch2 tensor to be: [1, 3] but got: [1, 2].',
    );
  });
});
