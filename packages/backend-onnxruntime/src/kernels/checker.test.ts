/**
 * Every single-op model the kernels build (over the agreement suites' signatures) passes Python
 * onnx's full checker. Skipped, with the reason printed, where python3-onnx is not installed.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { broadcastShapes, DTYPES, kernels as K, randint } from '@nncompat/core';
import { setModelRecorder } from '../exec/session_cache.js';
import { expectAgree, rnd, seed } from '../testing/agree.js';
import { checkModels, onnxCheckerUnavailable } from '../testing/onnx_checker.js';

const why = onnxCheckerUnavailable();
const models = new Map<string, Uint8Array>();

describe.skipIf(why !== null)('generated single-op models pass onnx.checker.check_model', () => {
  setModelRecorder((key, bytes) => models.set(key, bytes));
  afterAll(() => setModelRecorder(null));

  it('builds models for every native kernel family', () => {
    seed(50);
    const bin = (k: string, dt: 'float32' | 'int64' | 'float16' = 'float32'): void => {
      expectAgree(k, { a: { base: rnd([2, 3], dt) }, b: { base: rnd([3], dt).abs().add(1).to(dt) } }, { outShape: broadcastShapes([2, 3], [3]) });
    };
    for (const k of [K.Add, K.Sub, K.Mul, K.Div, K.Pow, K.Maximum, K.Minimum, K.FloorDiv, K.Remainder, K.Equal, K.NotEqual, K.Less, K.LessEqual, K.Greater, K.GreaterEqual, K.LogicalAnd, K.LogicalOr, K.LogicalXor]) bin(k);
    bin(K.Add, 'int64');
    bin(K.Mul, 'float16');
    const x = { base: rnd([3, 4]).abs().add(0.5) };
    for (const k of [K.Neg, K.Abs, K.Exp, K.Log, K.Sqrt, K.Rsqrt, K.Sin, K.Cos, K.Tanh, K.Sigmoid, K.Relu, K.Silu, K.Erf, K.Sign, K.Floor, K.Ceil, K.Round, K.Trunc, K.Reciprocal, K.LogicalNot, K.IsNan]) expectAgree(k, { x });
    expectAgree(K.Gelu, { x }, { approximate: 'tanh' });
    expectAgree(K.Softplus, { x }, { beta: 1, threshold: 20 });
    expectAgree(K.LeakyRelu, { x }, { negativeSlope: 0.01 });
    expectAgree(K.Clamp, { x }, { min: 0, max: 1 });
    expectAgree(K.Cast, { x }, { dtype: DTYPES.int32 });
    expectAgree(K.Where, { condition: { base: rnd([3, 4], 'bool') }, a: x, b: { base: rnd([4]) } }, { outShape: [3, 4] });
    for (const k of [K.Sum, K.Prod, K.Max, K.Min]) expectAgree(k, { x }, { axes: [1], keepdim: false });
    expectAgree(K.MaxDim, { x }, { axis: 1, keepdim: true });
    expectAgree(K.ArgMin, { x }, { axis: null, keepdim: true });
    expectAgree(K.Softmax, { x }, { axis: 1 });
    expectAgree(K.LogSoftmax, { x }, { axis: 0 });
    expectAgree(K.BatchMatMul, { a: { base: rnd([2, 3, 4]) }, b: { base: rnd([2, 4, 5]) } }, {}, { tol: { rtol: 1e-4, atol: 1e-4 } });
    // Addmm: Gemm with transB and a broadcast C; float64 with a scale float32 cannot hold (Mul/Add); beta=0 (no C).
    expectAgree(K.Addmm, { bias: { base: rnd([5]) }, a: { base: rnd([3, 4]) }, b: { base: rnd([5, 4]), view: (t) => t.t() } }, { alpha: 1, beta: 1 }, { tol: { rtol: 1e-4, atol: 1e-4 } });
    expectAgree(K.Addmm, { bias: { base: rnd([3, 5], 'float64') }, a: { base: rnd([3, 4], 'float64') }, b: { base: rnd([4, 5], 'float64') } }, { alpha: 0.1, beta: 0.3 }, { tol: { rtol: 1e-10, atol: 1e-10 } });
    expectAgree(K.Addmm, { bias: { base: rnd([5]) }, a: { base: rnd([3, 4]) }, b: { base: rnd([4, 5]) } }, { alpha: 2, beta: 0 }, { tol: { rtol: 1e-4, atol: 1e-4 } });
    const conv = { stride: [1, 2], padding: [1, 0], dilation: [1, 1], groups: 1 };
    expectAgree(K.Conv2D, { x: { base: rnd([1, 2, 5, 5]) }, weight: { base: rnd([3, 2, 3, 3]) }, bias: { base: rnd([3]) } }, conv, { tol: { rtol: 1e-4, atol: 1e-4 } });
    expectAgree(K.ConvTranspose2D, { x: { base: rnd([1, 2, 5, 5]) }, weight: { base: rnd([2, 3, 3, 3]) }, bias: null }, { ...conv, outputPadding: [0, 1] }, { tol: { rtol: 1e-4, atol: 1e-4 } });
    const pool = { kernelSize: [2, 2], stride: [2, 2], padding: [1, 1], ceilMode: false };
    expectAgree(K.MaxPool2D, { x: { base: rnd([1, 2, 5, 5]) } }, { ...pool, dilation: [1, 1] });
    expectAgree(K.AvgPool2D, { x: { base: rnd([1, 2, 5, 5]) } }, { ...pool, countIncludePad: false, divisorOverride: null });
    const idx = { base: randint(0, 3, [3, 2], { dtype: 'int64' }) };
    expectAgree(K.Gather, { x: { base: rnd([3, 4]) }, index: idx }, { axis: 0 });
    expectAgree(K.ScatterAdd, { x: { base: rnd([3, 4]) }, index: idx, src: { base: rnd([3, 2]) } }, { axis: 0 });
    expectAgree(K.IndexSelect, { x: { base: rnd([3, 4]) }, index: { base: randint(0, 3, [5], { dtype: 'int64' }) } }, { axis: 0 });
    expectAgree(K.IndexAdd, { x: { base: rnd([3, 4]) }, index: { base: randint(0, 4, [2], { dtype: 'int64' }) }, src: { base: rnd([3, 2]) } }, { axis: 1 });
    expectAgree(K.Concat, { tensors: [{ base: rnd([2, 3]) }, { base: rnd([2, 1]) }] }, { axis: 1 });
    expect(models.size).toBeGreaterThan(40);
  });

  it('onnx.checker accepts every recorded model', () => {
    expect(checkModels(models)).toEqual([]);
  });
});

if (why) console.log(`onnx checker tests skipped: ${why}`);
