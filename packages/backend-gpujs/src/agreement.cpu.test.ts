// The same agreement cases with gpu.js in its plain-JavaScript `cpu` mode.
import { beforeAll, describe, expect, it } from 'vitest';
import { getBackend } from '@nncompat/core';
import { GPUJS, setGpujsMode, type GpujsBackend } from './index.js';
import { agree } from './testing/agree.js';
import { GROUPS } from './testing/cases.js';

describe(`${GPUJS} in gpu.js cpu mode agrees with the reference backend`, () => {
  beforeAll(() => setGpujsMode('cpu'));
  for (const [group, cases] of GROUPS) {
    for (const [name, fn] of cases) it(`${group}: ${name}`, () => agree(GPUJS, fn, name.length));
  }
  it('compiled its kernels with gpu.js cpu', () => {
    expect((getBackend(GPUJS) as GpujsBackend).kernelMode).toBe('cpu');
  });
});
