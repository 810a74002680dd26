/**
 * Test helpers: run one kernel on the reference backend and on onnxruntime with the same
 * (possibly strided) inputs, and compare the results.
 */
import { expect } from 'vitest';
import { manual_seed, randint, randn, runKernel, Tensor, type DTypeName } from '@nncompat/core';
import { assertClose } from '@nncompat/core/testing';
import { observedDtypes } from '../exec/coverage_log.js';
import '../index.js';

/** A kernel input: a base tensor (on the reference backend) and the view taken of it on each backend. */
export interface In {
  readonly base: Tensor;
  readonly view?: (t: Tensor) => Tensor;
}

/** Per-dtype tolerances (float32 results may differ in summation order and precision of sums). */
export const TOL: Record<string, { rtol: number; atol: number }> = {
  float32: { rtol: 1e-5, atol: 1e-5 },
  float64: { rtol: 1e-12, atol: 1e-12 },
  float16: { rtol: 1e-3, atol: 1e-3 },
  bfloat16: { rtol: 1e-2, atol: 1e-2 },
};

/** Random tensor of `dtype` on the reference backend (small integers for integer dtypes). */
export function rnd(shape: readonly number[], dtype: DTypeName = 'float32', lo = -5, hi = 6): Tensor {
  if (dtype === 'bool') return randint(0, 2, shape, { dtype: 'int64' }).to('bool');
  if (dtype === 'float32' || dtype === 'float64' || dtype === 'float16' || dtype === 'bfloat16') return randn(shape).to(dtype);
  if (dtype === 'uint8') return randint(0, hi + 10, shape, { dtype: 'int64' }).to(dtype);
  return randint(lo, hi, shape, { dtype: 'int64' }).to(dtype);
}

/** Seeds the default generator. */
export function seed(n: number): void {
  manual_seed(n);
}

function place(v: In | readonly In[] | null, backend: string): Tensor | Tensor[] | null {
  if (v === null) return null;
  if (Array.isArray(v)) return (v as readonly In[]).map((x) => place(x, backend) as Tensor);
  const i = v as In;
  const b = backend === 'reference' ? i.base : i.base.to('onnxruntime');
  return i.view ? i.view(b) : b;
}

/** Runs `kernel` on both backends; returns [reference results, onnxruntime results]. */
export function runBoth(kernel: string, inputs: Record<string, In | readonly In[] | null>, attrs: Record<string, unknown> = {}): [Tensor[], Tensor[]] {
  const go = (backend: string): Tensor[] => {
    const ins: Record<string, Tensor | Tensor[] | null> = {};
    for (const [k, v] of Object.entries(inputs)) ins[k] = place(v, backend);
    return runKernel(kernel, ins, attrs).map((r) => new Tensor(r.storage, r.shape));
  };
  return [go('reference'), go('onnxruntime')];
}

/**
 * Asserts that `kernel` gives the same dtypes, shapes and values (within the dtype's tolerance,
 * or `tol`) on both backends, and that onnxruntime ran it natively for `native` dtype (when given).
 */
export function expectAgree(kernel: string, inputs: Record<string, In | readonly In[] | null>, attrs: Record<string, unknown> = {}, opts: { tol?: { rtol: number; atol: number }; native?: boolean } = {}): Tensor[] {
  const first = Object.values(inputs).find((v) => v !== null);
  const dtype = (Array.isArray(first) ? (first as In[])[0]! : (first as In)).base.dtype.name;
  const before = observedDtypes(kernel).native.includes(dtype);
  const [ref, ort] = runBoth(kernel, inputs, attrs);
  expect(ort.length).toBe(ref.length);
  ref.forEach((r, i) => {
    const o = ort[i]!;
    expect(o.backend, `${kernel} output ${i} backend`).toBe('onnxruntime');
    expect(o.dtype.name, `${kernel} output ${i} dtype`).toBe(r.dtype.name);
    expect([...o.shape], `${kernel} output ${i} shape`).toEqual([...r.shape]);
    const tol = opts.tol ?? TOL[r.dtype.name] ?? { rtol: 0, atol: 0 };
    assertClose(o.to('cpu'), r, { ...tol, what: `${kernel} (${dtype}) output ${i}` });
  });
  if (opts.native !== false && !before) {
    expect(observedDtypes(kernel).native, `${kernel} should run natively for ${dtype}`).toContain(dtype);
  }
  return ort;
}
