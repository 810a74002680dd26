/**
 * Cross-backend agreement harness for tests: builds identical seeded inputs on two backends,
 * runs one expression on each, and compares dtype, shape and values within float32 tolerance.
 */
import { expect } from 'vitest';
import { Tensor, type DTypeName } from '@nncompat/core';

/** Input builders bound to one backend (the same seed gives the same values everywhere). */
export interface Inputs {
  f(shape: number[], lo?: number, hi?: number): Tensor;
  i(shape: number[], lo: number, hi: number, dtype?: DTypeName): Tensor;
  b(shape: number[]): Tensor;
}

function inputs(backend: string, seed: number): Inputs {
  let s = seed >>> 0;
  const next = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const n = (shape: number[]): number => shape.reduce((a, b) => a * b, 1);
  return {
    f: (shape, lo = -2, hi = 2) => Tensor.fromHost(Float32Array.from({ length: n(shape) }, () => lo + (hi - lo) * next()), shape, 'float32', backend),
    i: (shape, lo, hi, dtype = 'int64') => {
      const v = Array.from({ length: n(shape) }, () => Math.floor(lo + (hi - lo) * next()));
      const arr = dtype === 'int64' ? Float64Array.from(v) : dtype === 'int32' ? Int32Array.from(v) : dtype === 'int16' ? Int16Array.from(v) : dtype === 'int8' ? Int8Array.from(v) : Uint8Array.from(v);
      return Tensor.fromHost(arr, shape, dtype, backend);
    },
    b: (shape) => Tensor.fromHost(Uint8Array.from({ length: n(shape) }, () => (next() < 0.5 ? 1 : 0)), shape, 'bool', backend),
  };
}

/** Runs `fn` on both backends and expects the same results (float32: rtol 1e-4, atol 1e-5 by default). */
export function agree(backend: string, fn: (x: Inputs) => Tensor | readonly Tensor[], seed = 1, tol = { rtol: 1e-4, atol: 1e-5 }): void {
  const outs = (r: Tensor | readonly Tensor[]): Tensor[] => (r instanceof Tensor ? [r] : [...r]);
  const want = outs(fn(inputs('reference', seed)));
  const got = outs(fn(inputs(backend, seed)));
  expect(got.length).toBe(want.length);
  got.forEach((g, k) => {
    const w = want[k]!;
    expect(g.device, `output ${k} device`).toBe(backend);
    expect(g.dtype.name, `output ${k} dtype`).toBe(w.dtype.name);
    expect([...g.shape], `output ${k} shape`).toEqual([...w.shape]);
    const gv = Array.from(g.dataSync() as ArrayLike<number>);
    const wv = Array.from(w.dataSync() as ArrayLike<number>);
    for (let i = 0; i < wv.length; i++) {
      const a = gv[i]!;
      const b = wv[i]!;
      if (Number.isNaN(b)) {
        expect(Number.isNaN(a), `output ${k}[${i}]: ${a} vs NaN`).toBe(true);
        continue;
      }
      const ok = a === b || Math.abs(a - b) <= tol.atol + tol.rtol * Math.abs(b);
      if (!ok) expect(a, `output ${k}[${i}] (of ${wv.length})`).toBe(b);
    }
  });
}
