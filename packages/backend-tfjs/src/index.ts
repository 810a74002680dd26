/**
 * @nncompat/backend-tfjs: every core kernel on TensorFlow.js tensors, on tfjs's wasm backend
 * (Node and browsers), its cpu backend, or webgl in browsers.
 *
 * @example
 * import { ready } from '@nncompat/backend-tfjs';
 * import { setDefaultBackend, tensor } from '@nncompat/core';
 * await ready();
 * setDefaultBackend('tfjs');
 * tensor([1, 2, 3]).mul(2).tolist(); // [2, 4, 6], computed by tfjs
 */
export { ready, TFJS, TFJS_CPU, TFJS_PRIORITY, TFJS_CPU_PRIORITY } from './register.js';
export { kernelCoverage, type KernelCoverageEntry } from './coverage.js';
export { TfjsBackend, type TfBackendName } from './backend.js';
export { TfjsBuffer } from './buffer.js';
export { TF_DTYPE } from './dtypes.js';
export { TF_KERNELS } from './kernels.js';
export type { TfKernelDef, TfKernelArgs, TfOut } from './kernel.js';
