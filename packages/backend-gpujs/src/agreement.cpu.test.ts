// The same agreement cases with gpu.js in its plain-JavaScript `cpu` mode.
import { beforeAll, describe, expect, it } from 'vitest';
import { getBackend } from '@nncompat/core';
import { GPUJS, setGpujsMode, type GpujsBackend } from './index.js';
import { agreementSuite } from './testing/suite.js';

describe(`${GPUJS} in gpu.js cpu mode agrees with the reference backend`, () => {
  beforeAll(() => setGpujsMode('cpu'));
  agreementSuite(['BatchMatMul', 'Conv2D', 'Softmax', 'LogSoftmax', 'Max', 'Min', 'Prod', 'Exp', 'Gelu', 'Atan2']);
  it('compiled its kernels with gpu.js cpu', () => {
    expect((getBackend(GPUJS) as GpujsBackend).kernelMode).toBe('cpu');
  });
});
