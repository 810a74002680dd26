// Cross-backend agreement on gpu.js's default Node mode (its WebAssembly kernel here): native
// kernels on seeded random inputs with broadcasting and non-contiguous views, versus the
// reference backend (rtol 1e-4, atol 1e-5).
import { describe, expect, it } from 'vitest';
import { getBackend } from '@nncompat/core';
import { GPUJS, kernelCoverage, type GpujsBackend } from './index.js';
import { agree } from '@nncompat/core/testing';
import { GROUPS } from './testing/cases.js';

describe(`${GPUJS} (gpu.js default mode) agrees with the reference backend`, () => {
  for (const [group, cases] of GROUPS) {
    for (const [name, fn] of cases) it(`${group}: ${name}`, () => agree(GPUJS, fn, name.length));
  }
  it('ran the float32 cases as gpu.js kernels (not on the reference)', () => {
    const b = getBackend(GPUJS) as GpujsBackend;
    expect(b.kernels.stats().compiles).toBeGreaterThan(50);
    const seen = new Map(kernelCoverage().map((r) => [r.kernel, r.seen]));
    for (const k of ['BatchMatMul', 'Addmm', 'MaxPool2D', 'Conv2D', 'Softmax', 'LogSoftmax', 'Max', 'Min', 'Prod', 'Exp', 'Gelu', 'Atan2']) expect(seen.get(k), k).toEqual([]);
  });
});
