import { describe, expect, it } from 'vitest';
import { kernels as K, randint, tensor, type DTypeName, type Tensor } from '@nncompat/core';
import { observedDtypes } from '../exec/coverage_log.js';
import { expectAgree, rnd, seed } from '../testing/agree.js';

const GEMM_TOL: Record<string, { rtol: number; atol: number }> = {
  float32: { rtol: 1e-4, atol: 1e-4 },
  float64: { rtol: 1e-10, atol: 1e-10 },
  float16: { rtol: 2e-3, atol: 2e-3 },
  bfloat16: { rtol: 3.2e-2, atol: 5e-2 },
};

describe('heavy kernels agree with the reference backend (random inputs, views, dtypes)', () => {
  it('BatchMatMul with transposed operands and a broadcast (stride-0) batch', () => {
    seed(40);
    for (const dt of ['float32', 'float64', 'float16', 'bfloat16', 'int32', 'int64'] as DTypeName[]) {
      const tol = GEMM_TOL[dt];
      expectAgree(K.BatchMatMul, { a: { base: rnd([2, 3, 5], dt) }, b: { base: rnd([2, 5, 4], dt) } }, {}, { tol });
      expectAgree(K.BatchMatMul, { a: { base: rnd([3, 5, 2], dt), view: (t) => t.transpose(1, 2) }, b: { base: rnd([1, 5, 4], dt), view: (t) => t.expand(3, 5, 4) } }, {}, { tol });
    }
  });
  it('BatchMatMul of one matrix product with transposed operands runs as Gemm (transA/transB, no gather)', () => {
    seed(42);
    for (const dt of ['float32', 'float64'] as DTypeName[]) {
      const tol = GEMM_TOL[dt];
      const t = (x: Tensor): Tensor => x.transpose(1, 2);
      expectAgree(K.BatchMatMul, { a: { base: rnd([1, 5, 3], dt), view: t }, b: { base: rnd([1, 5, 4], dt) } }, {}, { tol });
      expectAgree(K.BatchMatMul, { a: { base: rnd([1, 3, 5], dt) }, b: { base: rnd([1, 4, 5], dt), view: t } }, {}, { tol });
      expectAgree(K.BatchMatMul, { a: { base: rnd([1, 5, 3], dt), view: t }, b: { base: rnd([1, 4, 5], dt), view: t } }, {}, { tol });
    }
  });
  it('Conv2D with stride, padding, dilation, groups, with and without bias', () => {
    seed(41);
    const cases: [number[], number[], Record<string, unknown>][] = [
      [[2, 4, 9, 8], [6, 2, 3, 3], { stride: [2, 1], padding: [1, 2], dilation: [1, 2], groups: 2 }],
      [[1, 3, 7, 7], [5, 3, 1, 1], { stride: [1, 1], padding: [0, 0], dilation: [1, 1], groups: 1 }],
      [[2, 4, 6, 6], [4, 1, 3, 2], { stride: [1, 2], padding: [2, 1], dilation: [2, 1], groups: 4 }],
    ];
    for (const dt of ['float32', 'float16', 'bfloat16'] as DTypeName[]) {
      for (const [xs, ws, attrs] of cases) {
        const x = { base: rnd(xs, dt) };
        const weight = { base: rnd(ws, dt) };
        expectAgree(K.Conv2D, { x, weight, bias: { base: rnd([ws[0]!], dt) } }, attrs, { tol: GEMM_TOL[dt] });
        expectAgree(K.Conv2D, { x, weight, bias: null }, attrs, { tol: GEMM_TOL[dt] });
      }
    }
    // The weight gradient (a Conv with batch and channels swapped), incl. strides that drop rows.
    const grads: [number[], number[], number[], Record<string, unknown>][] = [
      [[2, 3, 9, 8], [4, 3, 3, 3], [2, 4, 5, 3], { stride: [2, 3], padding: [1, 1], dilation: [1, 1], groups: 1 }],
      [[3, 2, 7, 7], [5, 2, 2, 3], [3, 5, 3, 4], { stride: [2, 1], padding: [0, 1], dilation: [2, 2], groups: 1 }],
      [[2, 4, 6, 6], [4, 1, 3, 3], [2, 4, 6, 6], { stride: [1, 1], padding: [1, 1], dilation: [1, 1], groups: 4 }],
    ];
    // float64 (no onnxruntime CPU Conv for it) and groups > 1 run on the reference code.
    for (const dt of ['float32', 'float64'] as DTypeName[]) {
      for (const [xs, ws, dys, attrs] of grads) {
        const native = dt === 'float32' && attrs['groups'] === 1;
        expectAgree(K.Conv2DBackpropFilter, { x: { base: rnd(xs, dt) }, dy: { base: rnd(dys, dt) } }, { ...attrs, weightShape: ws }, { tol: GEMM_TOL[dt], native });
      }
    }
    // A channels-last view of x.
    expectAgree(K.Conv2D, { x: { base: rnd([2, 5, 6, 3]), view: (t) => t.permute(0, 3, 1, 2) }, weight: { base: rnd([4, 3, 3, 3]) }, bias: null },
      { stride: [1, 1], padding: [1, 1], dilation: [1, 1], groups: 1 }, { tol: GEMM_TOL['float32'] });
  });
  it('ConvTranspose2D with output_padding, groups and dilation', () => {
    seed(42);
    const cases: [number[], number[], Record<string, unknown>][] = [
      [[2, 4, 5, 4], [4, 3, 3, 3], { stride: [2, 2], padding: [1, 0], dilation: [1, 1], groups: 1, outputPadding: [1, 1] }],
      [[1, 4, 4, 5], [4, 2, 2, 3], { stride: [3, 2], padding: [0, 1], dilation: [2, 1], groups: 2, outputPadding: [2, 0] }],
    ];
    for (const dt of ['float32', 'float16'] as DTypeName[]) {
      for (const [xs, ws, attrs] of cases) {
        const outC = ws[1]! * (attrs['groups'] as number);
        expectAgree(K.ConvTranspose2D, { x: { base: rnd(xs, dt) }, weight: { base: rnd(ws, dt) }, bias: { base: rnd([outC], dt) } }, attrs, { tol: GEMM_TOL[dt] });
      }
    }
  });
  it('MaxPool2D values and per-plane indices (padding, dilation, stride, ceil mode)', () => {
    seed(43);
    const cases: Record<string, unknown>[] = [
      { kernelSize: [3, 3], stride: [2, 2], padding: [1, 1], dilation: [1, 1], ceilMode: false },
      { kernelSize: [2, 3], stride: [1, 2], padding: [0, 1], dilation: [2, 1], ceilMode: false },
      { kernelSize: [3, 3], stride: [2, 2], padding: [0, 0], dilation: [1, 1], ceilMode: true },
    ];
    for (const dt of ['float32', 'float64', 'float16'] as DTypeName[]) {
      for (const attrs of cases) expectAgree(K.MaxPool2D, { x: { base: rnd([2, 3, 8, 7], dt) } }, attrs);
    }
    // Another H×W with the same attributes: the per-plane index modulus must follow it.
    expectAgree(K.MaxPool2D, { x: { base: rnd([1, 2, 6, 9]) } }, cases[0]!);
    // Indices are within each H×W plane: for plane (n, c) they stay below H·W.
    const [, idx] = expectAgree(K.MaxPool2D, { x: { base: rnd([2, 3, 8, 7]) } }, cases[0]!);
    expect(Math.max(...(idx!.flatten().tolist() as number[]))).toBeLessThan(56);
  });
  it('MaxPool2D with windows that tile the plane (kernel = stride): reshape + ArgMax path, ties pick the first maximum', () => {
    seed(45);
    const tile = (k: [number, number], ceilMode = false): Record<string, unknown> => ({ kernelSize: k, stride: k, padding: [0, 0], dilation: [1, 1], ceilMode });
    for (const dt of ['float32', 'float64', 'float16'] as DTypeName[]) {
      expectAgree(K.MaxPool2D, { x: { base: rnd([2, 3, 8, 6], dt) } }, tile([2, 2]));
      expectAgree(K.MaxPool2D, { x: { base: rnd([2, 3, 7, 9], dt) } }, tile([2, 2])); // trailing row/column dropped
      expectAgree(K.MaxPool2D, { x: { base: rnd([1, 2, 9, 8], dt) } }, tile([3, 2], true));
    }
    // The same signature at another batch size (N and C stay symbolic in the cached session).
    expectAgree(K.MaxPool2D, { x: { base: rnd([5, 4, 8, 6]) } }, tile([2, 2]));
    // Ties: small integers make equal maxima; PyTorch keeps the first in scan order.
    const [, idx] = expectAgree(K.MaxPool2D, { x: { base: randint(0, 2, [2, 3, 8, 6], { dtype: 'int64' }).to('float32') } }, tile([2, 2]));
    expect(Math.max(...(idx!.flatten().tolist() as number[]))).toBeLessThan(48);
    // A channels-last view.
    expectAgree(K.MaxPool2D, { x: { base: rnd([2, 8, 6, 3]), view: (t) => t.permute(0, 3, 1, 2) } }, tile([2, 2]));
  });
  it('AvgPool2D with and without count_include_pad', () => {
    seed(44);
    for (const dt of ['float32', 'float16', 'bfloat16'] as DTypeName[]) {
      for (const countIncludePad of [true, false]) {
        const attrs = { kernelSize: [3, 2], stride: [2, 1], padding: [1, 1], ceilMode: false, countIncludePad, divisorOverride: null };
        expectAgree(K.AvgPool2D, { x: { base: rnd([2, 3, 7, 6], dt) } }, attrs);
      }
    }
    // ceil mode and divisor_override run on the reference code (divisors differ at the edges).
    expectAgree(K.AvgPool2D, { x: { base: rnd([1, 2, 5, 5]) } }, { kernelSize: [2, 2], stride: [2, 2], padding: [0, 0], ceilMode: true, countIncludePad: true, divisorOverride: null }, { native: false });
  });
  it('Gather and ScatterAdd with an index smaller than the data, IndexSelect, IndexAdd', () => {
    seed(45);
    for (const dt of ['float32', 'float64', 'float16', 'int64', 'int32', 'bool'] as DTypeName[]) {
      const x = rnd([4, 5, 3], dt);
      for (const axis of [0, 1, 2]) {
        const index = randint(0, x.shape[axis]!, [3, 4, 2], { dtype: 'int64' });
        expectAgree(K.Gather, { x: { base: x }, index: { base: index } }, { axis });
        expectAgree(K.IndexSelect, { x: { base: x }, index: { base: randint(0, x.shape[axis]!, [6], { dtype: 'int64' }) } }, { axis });
        if (dt === 'bool') continue;
        expectAgree(K.ScatterAdd, { x: { base: x }, index: { base: index }, src: { base: rnd([4, 5, 3], dt) } }, { axis });
        const rows = randint(0, x.shape[axis]!, [2], { dtype: 'int64' });
        const srcShape = x.shape.map((d, i) => (i === axis ? 2 : d));
        expectAgree(K.IndexAdd, { x: { base: x }, index: { base: rows }, src: { base: rnd(srcShape, dt) } }, { axis });
      }
    }
  });
  it('indices outside [0, size) raise the reference (PyTorch) error', () => {
    const x = tensor([[1.5, 2], [3, 4]]).to('onnxruntime');
    const bad = tensor([[0, -1]], { dtype: 'int64' }).to('onnxruntime');
    expect(() => x.gather(1, bad)).toThrow(/out of bounds|index/);
    expect(observedDtypes(K.Gather).reference).toContain('float32');
  });
  it('float64 Conv/ConvTranspose (no onnxruntime CPU kernel) and AvgPool run on the reference code', () => {
    seed(47);
    const conv = { stride: [1, 1], padding: [1, 0], dilation: [1, 1], groups: 1 };
    expectAgree(K.Conv2D, { x: { base: rnd([1, 2, 5, 5], 'float64') }, weight: { base: rnd([3, 2, 3, 3], 'float64') }, bias: null }, conv, { native: false });
    expectAgree(K.ConvTranspose2D, { x: { base: rnd([1, 2, 5, 5], 'float64') }, weight: { base: rnd([2, 3, 3, 3], 'float64') }, bias: null }, { ...conv, outputPadding: [0, 0] }, { native: false });
    expectAgree(K.AvgPool2D, { x: { base: rnd([1, 2, 5, 5], 'float64') } }, { kernelSize: [2, 2], stride: [2, 2], padding: [0, 0], ceilMode: false, countIncludePad: true, divisorOverride: null }, { native: false });
    for (const k of [K.Conv2D, K.ConvTranspose2D, K.AvgPool2D]) {
      expect(observedDtypes(k).reference).toContain('float64');
      expect(observedDtypes(k).native).not.toContain('float64');
    }
  });
  it('Concat of views and dtypes, skipping empty pieces', () => {
    seed(46);
    for (const dt of ['float32', 'float16', 'int64', 'bool', 'uint8'] as DTypeName[]) {
      const tensors = [{ base: rnd([2, 3], dt) }, { base: rnd([3, 2], dt), view: (t: import('@nncompat/core').Tensor) => t.t() }, { base: rnd([2, 0], dt) }, { base: rnd([2, 1], dt) }];
      expectAgree(K.Concat, { tensors }, { axis: 1 });
    }
  });
});
