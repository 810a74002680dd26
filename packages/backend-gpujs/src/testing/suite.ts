/**
 * The agreement suite both gpu.js modes run: one test per case in GROUPS (agreement with the
 * reference backend), then a check that the float32 cases ran as compiled gpu.js kernels.
 */
import { expect, it } from 'vitest';
import { getBackend } from '@nncompat/core';
import { agree } from '@nncompat/core/testing';
import { GPUJS, kernelCoverage, type GpujsBackend } from '../index.js';
import { GROUPS } from './cases.js';

/** Registers the suite's tests in the current `describe`; `native` kernels must never have run on the reference. */
export function agreementSuite(native: readonly string[]): void {
  for (const [group, cases] of GROUPS) {
    for (const [name, fn] of cases) it(`${group}: ${name}`, () => agree(GPUJS, fn, name.length));
  }
  it('ran the float32 cases as gpu.js kernels (not on the reference)', () => {
    const b = getBackend(GPUJS) as GpujsBackend;
    expect(b.kernels.stats().compiles).toBeGreaterThan(50);
    const seen = new Map(kernelCoverage().map((r) => [r.kernel, r.seen]));
    for (const k of native) expect(seen.get(k), k).toEqual([]);
  });
}
