/** Every gpu.js kernel definition of this backend. */
import type { GpuKernelDef } from './kernel.js';
import { ADDMM_DEF } from './kernels/addmm.js';
import { BINARY_DEFS } from './kernels/binary.js';
import { CONV2D_DEF } from './kernels/conv2d.js';
import { BATCH_MATMUL_DEF } from './kernels/matmul.js';
import { MAXPOOL2D_DEF } from './kernels/maxpool2d.js';
import { REDUCE_DEFS } from './kernels/reduce.js';
import { SOFTMAX_DEFS } from './kernels/softmax.js';
import { UNARY_DEFS } from './kernels/unary.js';

/** Kernels implemented natively with gpu.js (every other SPI kernel uses core's fallback). */
export const GPU_KERNELS: readonly GpuKernelDef[] = [
  ...BINARY_DEFS, ...UNARY_DEFS, ...REDUCE_DEFS, ...SOFTMAX_DEFS, BATCH_MATMUL_DEF, ADDMM_DEF, CONV2D_DEF, MAXPOOL2D_DEF,
];
