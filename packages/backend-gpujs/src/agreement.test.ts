// Cross-backend agreement on gpu.js's default Node mode (its WebAssembly kernel here): native
// kernels on seeded random inputs with broadcasting and non-contiguous views, versus the
// reference backend (rtol 1e-4, atol 1e-5).
import { describe } from 'vitest';
import { GPUJS } from './index.js';
import { agreementSuite } from './testing/suite.js';

describe(`${GPUJS} (gpu.js default mode) agrees with the reference backend`, () => {
  agreementSuite(['BatchMatMul', 'Addmm', 'MaxPool2D', 'Conv2D', 'Softmax', 'LogSoftmax', 'Max', 'Min', 'Prod', 'Exp', 'Gelu', 'Atan2']);
});
