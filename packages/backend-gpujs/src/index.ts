/**
 * @nncompat/backend-gpujs: nncompat kernels as gpu.js kernels (WebGL in browsers; on Node
 * headless-gl when it is built and a display exists, else gpu.js's WebAssembly kernel).
 *
 * @example
 * import '@nncompat/backend-gpujs';
 * import { tensor } from '@nncompat/core';
 * tensor([1, 2, 3]).to('gpujs').mul(2).tolist(); // [2, 4, 6], computed by a gpu.js kernel
 */
export { GPUJS, GPUJS_PRIORITY, setGpujsMode } from './register.js';
export { kernelCoverage, type KernelCoverageEntry } from './coverage.js';
export { GpujsBackend, GPUJS_MODES, type GpujsMode } from './backend.js';
export { KernelCache, type KernelCacheStats } from './cache.js';
export { GPU_KERNELS } from './kernels.js';
export type { GpuKernelDef, GpuKernelArgs, GpuKernelOut } from './kernel.js';
export type { ReferenceReason } from './hostpath.js';
