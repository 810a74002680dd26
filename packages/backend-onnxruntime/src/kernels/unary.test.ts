import { describe, expect, it } from 'vitest';
import { kernels as K, tensor, type DTypeName } from '@nncompat/core';
import { expectAgree, rnd, seed } from '../testing/agree.js';

const FLOAT_DTYPES: DTypeName[] = ['float32', 'float64', 'float16', 'bfloat16'];
const FLOAT_UNARY = [K.Exp, K.Sin, K.Cos, K.Tanh, K.Sigmoid, K.Silu, K.Floor, K.Ceil, K.Round, K.Trunc, K.Reciprocal];
const POSITIVE = [K.Log, K.Sqrt, K.Rsqrt];
const NUMERIC_UNARY = [K.Neg, K.Abs, K.Relu, K.Sign];

describe('unary kernels agree with the reference backend', () => {
  for (const k of FLOAT_UNARY) {
    it(`${k} on float dtypes and a transposed view`, () => {
      seed(10);
      for (const dt of FLOAT_DTYPES) {
        // Scaled so Round/Floor/Trunc see values on both sides of integers.
        expectAgree(k, { x: { base: rnd([3, 5], 'float64').mul(3).to(dt) } });
        expectAgree(k, { x: { base: rnd([4, 3], dt), view: (t) => t.t() } });
      }
    });
  }
  for (const k of POSITIVE) {
    it(`${k} on positive inputs`, () => {
      seed(11);
      for (const dt of FLOAT_DTYPES) expectAgree(k, { x: { base: rnd([2, 3, 4], dt).abs().add(0.1).to(dt) } });
    });
  }
  for (const k of NUMERIC_UNARY) {
    it(`${k} on floats and integers`, () => {
      seed(12);
      for (const dt of [...FLOAT_DTYPES, 'int8', 'uint8', 'int16', 'int32', 'int64'] as DTypeName[]) {
        // onnxruntime has no int64 Relu: that one runs on the reference code.
        expectAgree(k, { x: { base: rnd([6, 2], dt) } }, {}, { native: !(k === K.Relu && dt === 'int64') });
      }
    });
  }
  it('Erf on float32 (float64 has no onnxruntime kernel and runs on the reference code)', () => {
    seed(13);
    expectAgree(K.Erf, { x: { base: rnd([7], 'float32') } });
    expectAgree(K.Erf, { x: { base: rnd([7], 'float16') } });
    expectAgree(K.Erf, { x: { base: rnd([7], 'float64') } }, {}, { native: false });
  });
  it('Sign and Relu keep NaN, as PyTorch does', () => {
    const x = { base: tensor([NaN, -2, 0, 3]) };
    const [s] = expectAgree(K.Sign, { x });
    expect(s!.tolist()).toEqual([NaN, -1, 0, 1]);
    expectAgree(K.Relu, { x });
  });
  it('IsNan and LogicalNot return bool', () => {
    expectAgree(K.IsNan, { x: { base: tensor([NaN, -2, 0, 3]) } });
    expectAgree(K.LogicalNot, { x: { base: tensor([-2, 0, 3]) } });
    expectAgree(K.LogicalNot, { x: { base: tensor([true, false]) } });
  });
  it('LogicalNot treats NaN as true, as PyTorch does', () => {
    // torch 1.13: torch.logical_not(torch.tensor([nan, 0., 1.])) → tensor([False, True, False]).
    // (The reference backend answers True for NaN: reported, not copied.)
    const out = tensor([NaN, 0, 1]).to('onnxruntime').logical_not();
    expect(out.tolist()).toEqual([false, true, false]);
  });
  it('Gelu (erf and tanh), Softplus (beta, threshold), LeakyRelu, Clamp', () => {
    seed(14);
    for (const dt of ['float32', 'float16', 'bfloat16'] as DTypeName[]) {
      const x = { base: rnd([4, 5], 'float64').mul(4).to(dt) };
      expectAgree(K.Gelu, { x }, { approximate: 'none' });
      expectAgree(K.Gelu, { x }, { approximate: 'tanh' });
      expectAgree(K.Softplus, { x }, { beta: 2, threshold: 3 });
      expectAgree(K.Softplus, { x }, { beta: 1, threshold: 20 });
      expectAgree(K.LeakyRelu, { x }, { negativeSlope: 0.1 });
      expectAgree(K.Clamp, { x }, { min: -1, max: 0.5 });
      expectAgree(K.Clamp, { x }, { min: null, max: 0.5 });
      expectAgree(K.Clamp, { x }, { min: -0.25, max: null });
    }
    expectAgree(K.Clamp, { x: { base: rnd([9], 'int64') } }, { min: -2, max: 3 });
    expectAgree(K.Clamp, { x: { base: tensor([NaN, 5, -5]) } }, { min: -1, max: 1 });
  });
});
