import { describe, expect, it } from 'vitest';
import { DTYPES, kernels as K, tensor, type DTypeName } from '@nncompat/core';
import { expectAgree, rnd, seed } from '../testing/agree.js';

// float32 sums: onnxruntime accumulates in float32, the reference in float64.
const SUM_TOL = { float32: { rtol: 1e-5, atol: 1e-5 } } as Record<string, { rtol: number; atol: number }>;

describe('reductions agree with the reference backend', () => {
  for (const k of [K.Sum, K.Prod, K.Max, K.Min]) {
    it(`${k} over axis sets, keepdim, dtypes and a permuted view`, () => {
      seed(30);
      for (const dt of ['float32', 'float64', 'float16', 'bfloat16', 'int32', 'int64', 'int16'] as DTypeName[]) {
        const base = rnd([3, 4, 5], dt);
        for (const axes of [[0], [1], [2], [0, 2], [0, 1, 2]]) {
          for (const keepdim of [false, true]) {
            expectAgree(k, { x: { base } }, { axes, keepdim }, { tol: SUM_TOL[dt] });
            expectAgree(k, { x: { base, view: (t) => t.permute(2, 0, 1) } }, { axes, keepdim }, { tol: SUM_TOL[dt] });
          }
        }
      }
    });
  }
  it('Sum over leading axes (run as a product with ones): bias-gradient shapes, NaN and ±inf, empty dims', () => {
    seed(33);
    const tol = { rtol: 1e-5, atol: 1e-4 };
    for (const dt of ['float32', 'float64'] as DTypeName[]) {
      expectAgree(K.Sum, { x: { base: rnd([128, 512], dt) } }, { axes: [0], keepdim: true }, { tol });
      expectAgree(K.Sum, { x: { base: rnd([6, 5, 7], dt) } }, { axes: [0, 1], keepdim: false }, { tol });
      expectAgree(K.Sum, { x: { base: rnd([6, 5, 7], dt), view: (t) => t.transpose(0, 2) } }, { axes: [0], keepdim: false }, { tol });
    }
    const special = tensor([[1, NaN, Infinity, Infinity, -0], [2, 3, -Infinity, 1, -0], [4, 5, 6, 1, -0]]);
    expectAgree(K.Sum, { x: { base: special } }, { axes: [0], keepdim: false });
    expectAgree(K.Sum, { x: { base: rnd([0, 4], 'float32') } }, { axes: [0], keepdim: true });
    expectAgree(K.Sum, { x: { base: rnd([3, 0], 'float32') } }, { axes: [0], keepdim: false });
  });
  it('Sum with an output dtype (int → int64, bool → int64, float32 → float64)', () => {
    seed(31);
    expectAgree(K.Sum, { x: { base: rnd([4, 6], 'int32') } }, { axes: [1], keepdim: false, dtype: DTYPES.int64 });
    expectAgree(K.Sum, { x: { base: rnd([4, 6], 'bool') } }, { axes: [0, 1], keepdim: false, dtype: DTYPES.int64 });
    expectAgree(K.Sum, { x: { base: rnd([4, 6], 'float32') } }, { axes: [0], keepdim: true, dtype: DTYPES.float64 }, { tol: { rtol: 1e-12, atol: 1e-12 } });
  });
  for (const k of [K.MaxDim, K.MinDim]) {
    it(`${k} returns values and int64 indices`, () => {
      seed(32);
      for (const dt of ['float32', 'float64', 'float16'] as DTypeName[]) {
        for (const axis of [0, 1, 2]) for (const keepdim of [false, true]) {
          expectAgree(k, { x: { base: rnd([3, 4, 5], dt) } }, { axis, keepdim });
        }
      }
    });
  }
  for (const k of [K.ArgMax, K.ArgMin]) {
    it(`${k} along an axis and over the flattened input`, () => {
      seed(33);
      for (const dt of ['float32', 'float64', 'int32', 'bfloat16'] as DTypeName[]) {
        const base = rnd([4, 7], dt, -1000, 1000);
        for (const axis of [0, 1, null]) for (const keepdim of [false, true]) {
          expectAgree(k, { x: { base } }, { axis, keepdim });
          expectAgree(k, { x: { base, view: (t) => t.t() } }, { axis, keepdim });
        }
      }
    });
  }
  it('ArgMax gives the first position on ties, as PyTorch', () => {
    const [r] = expectAgree(K.ArgMax, { x: { base: tensor([[1.5, 3, 3], [2, 2, 0]]) } }, { axis: 1, keepdim: false });
    expect(r!.tolist()).toEqual([1, 0]);
  });
  it('Max, MaxDim and ArgMax propagate NaN like PyTorch', () => {
    const base = tensor([[1, NaN, 3], [2, 5, 0]]);
    expectAgree(K.Max, { x: { base } }, { axes: [1], keepdim: false });
    expectAgree(K.Min, { x: { base } }, { axes: [0, 1], keepdim: false });
    expectAgree(K.MaxDim, { x: { base } }, { axis: 1, keepdim: false });
    expectAgree(K.ArgMax, { x: { base } }, { axis: 1, keepdim: false });
    expectAgree(K.ArgMin, { x: { base } }, { axis: null, keepdim: false });
  });
  for (const k of [K.Softmax, K.LogSoftmax]) {
    it(`${k} along each axis`, () => {
      seed(34);
      for (const dt of ['float32', 'float64', 'float16', 'bfloat16'] as DTypeName[]) {
        for (const axis of [0, 1, 2]) {
          expectAgree(k, { x: { base: rnd([2, 3, 4], dt) } }, { axis });
          expectAgree(k, { x: { base: rnd([4, 3, 2], dt), view: (t) => t.permute(2, 1, 0) } }, { axis });
        }
      }
    });
  }
});
