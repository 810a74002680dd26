// The same agreement cases with gpu.js in its plain-JavaScript `cpu` mode.
import { beforeAll, describe, expect, it } from 'vitest';
import { getBackend } from '@nncompat/core';
import { GPUJS, kernelCoverage, setGpujsMode, type GpujsBackend } from './index.js';
import { agree } from '@nncompat/core/testing';
import { GROUPS } from './testing/cases.js';

describe(`${GPUJS} in gpu.js cpu mode agrees with the reference backend`, () => {
  beforeAll(() => setGpujsMode('cpu'));
  for (const [group, cases] of GROUPS) {
    for (const [name, fn] of cases) it(`${group}: ${name}`, () => agree(GPUJS, fn, name.length));
  }
  it('ran the float32 cases as gpu.js kernels (not on the reference)', () => {
    const b = getBackend(GPUJS) as GpujsBackend;
    expect(b.kernels.stats().compiles).toBeGreaterThan(50);
    const seen = new Map(kernelCoverage().map((r) => [r.kernel, r.seen]));
    for (const k of ['BatchMatMul', 'Conv2D', 'Softmax', 'LogSoftmax', 'Max', 'Min', 'Prod', 'Exp', 'Gelu', 'Atan2']) expect(seen.get(k), k).toEqual([]);
  });
  it('compiled its kernels with gpu.js cpu', () => {
    expect((getBackend(GPUJS) as GpujsBackend).kernelMode).toBe('cpu');
  });
});
