// Cross-backend agreement on gpu.js's default Node mode (its WebAssembly kernel here): native
// kernels on seeded random inputs with broadcasting and non-contiguous views, versus the
// reference backend (rtol 1e-4, atol 1e-5).
import { describe, it } from 'vitest';
import { GPUJS } from './index.js';
import { agree } from './testing/agree.js';
import { GROUPS } from './testing/cases.js';

describe(`${GPUJS} (gpu.js default mode) agrees with the reference backend`, () => {
  for (const [group, cases] of GROUPS) {
    for (const [name, fn] of cases) it(`${group}: ${name}`, () => agree(GPUJS, fn, name.length));
  }
});
