/**
 * Registers the `gpujs` backend and its kernels with core. The gpu.js mode comes from
 * `setGpujsMode`, else `NNCOMPAT_GPUJS_MODE`, else `gpu` (gpu.js picks: headless-gl or WebGL
 * when a context exists, otherwise its WebAssembly kernel).
 */
import { registerBackend, registerKernel } from '@nncompat/core';
import { GpujsBackend, GPUJS_MODES, type GpujsMode } from './backend.js';
import { toConfig } from './kernel.js';
import { GPU_KERNELS } from './kernels.js';
import { writeHostConfig } from './kernels/WriteHost.js';

/** Registry name of the backend. */
export const GPUJS = 'gpujs';
/** Registry priority: below the reference backend (0), so importing this package changes no default. */
export const GPUJS_PRIORITY = -20;

for (const def of GPU_KERNELS) registerKernel(toConfig(def, GPUJS));
registerKernel(writeHostConfig(GPUJS));

function envMode(): GpujsMode {
  const p = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  const v = p?.env?.['NNCOMPAT_GPUJS_MODE'];
  if (v === undefined || v === '') return 'gpu';
  if (!(GPUJS_MODES as readonly string[]).includes(v)) {
    throw new TypeError(`NNCOMPAT_GPUJS_MODE must be one of ${GPUJS_MODES.join(', ')}, got ${JSON.stringify(v)}`);
  }
  return v as GpujsMode;
}

function register(mode: () => GpujsMode): void {
  let instance: GpujsBackend | undefined;
  registerBackend(GPUJS, () => (instance ??= new GpujsBackend(GPUJS, mode())), GPUJS_PRIORITY);
}
register(envMode);

/**
 * Chooses the gpu.js mode of the `gpujs` backend: `'gpu'` (gpu.js picks), `'cpu'`, `'webasm'`,
 * `'webgl'`, `'webgl2'` or `'headlessgl'`. Re-registers the backend, so tensors created after
 * this call use a new gpu.js instance; existing tensors keep working (buffers are host arrays).
 *
 * @example
 * import { setGpujsMode } from '@nncompat/backend-gpujs';
 * setGpujsMode('cpu');
 */
export function setGpujsMode(mode: GpujsMode): void {
  if (!GPUJS_MODES.includes(mode)) {
    throw new TypeError(`setGpujsMode(): 'mode' must be one of ${GPUJS_MODES.map((m) => `'${m}'`).join(', ')}, got ${JSON.stringify(mode)}`);
  }
  register(() => mode);
}
