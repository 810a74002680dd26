/** Registers the reference backend and all its kernels (imported once by core's index). */
import { registerBackend, registerKernel } from '../../backend/registry.js';
import { ReferenceBackend, REFERENCE } from './backend.js';
import { BINARY_KERNELS } from './kernels/binary.js';
import { COPY_KERNELS } from './kernels/copy.js';
import { REDUCE_KERNELS } from './kernels/reduce.js';
import { UNARY_KERNELS } from './kernels/unary.js';
import { HEAVY_KERNELS } from './kernels/heavy.js';

registerBackend(REFERENCE, () => new ReferenceBackend(), 0);
for (const k of [...BINARY_KERNELS, ...UNARY_KERNELS, ...COPY_KERNELS, ...REDUCE_KERNELS, ...HEAVY_KERNELS]) registerKernel(k);

export { ReferenceBackend, REFERENCE };
