/**
 * The Backend storage interface of `gpujs`: buffers are the dtype's canonical host arrays
 * (Float32Array for float32, which gpu.js kernels take and return), so nothing native is held
 * and the garbage collector alone reclaims them.
 */
import { GPU } from 'gpu.js';
import { HostArrayBackend } from '@nncompat/core';
import { KernelCache } from './cache.js';

/**
 * gpu.js modes: `gpu` lets gpu.js pick (headless-gl or WebGL when a context exists, else its
 * WebAssembly kernel), `cpu` is its plain-JavaScript kernel, the rest force one backend.
 */
export type GpujsMode = 'gpu' | 'cpu' | 'webasm' | 'webgl' | 'webgl2' | 'headlessgl';

/** Modes accepted by `setGpujsMode` and `NNCOMPAT_GPUJS_MODE`. */
export const GPUJS_MODES: readonly GpujsMode[] = Object.freeze(['gpu', 'cpu', 'webasm', 'webgl', 'webgl2', 'headlessgl']);

/**
 * nncompat backend running kernels as gpu.js kernels. One `GPU` instance per backend instance;
 * compiled kernels are cached per signature in `kernels`.
 *
 * @example
 * import { GpujsBackend } from '@nncompat/backend-gpujs';
 * const b = new GpujsBackend('gpujs', 'cpu');
 * b.read(b.fromHost(new Float32Array([1, 2]), float32), float32); // Float32Array [1, 2]
 */
export class GpujsBackend extends HostArrayBackend {
  readonly deviceType: string;
  /** The gpu.js instance every kernel of this backend is compiled on. */
  readonly gpu: GPU;
  /** Compiled gpu.js kernels, one per kernel signature (gpu.js compiles per output size). */
  readonly kernels: KernelCache;

  constructor(
    /** Registry name (`gpujs`). */
    readonly name: string,
    /** The gpu.js mode requested. */
    readonly mode: GpujsMode = 'gpu',
    /** Most compiled kernels kept (least recently used ones are destroyed). */
    cacheLimit = 256,
  ) {
    super();
    if (!GPUJS_MODES.includes(mode)) {
      throw new TypeError(`'mode' must be one of ${GPUJS_MODES.map((m) => `'${m}'`).join(', ')}, got ${JSON.stringify(mode)}`);
    }
    this.deviceType = name;
    this.gpu = new GPU({ mode });
    this.kernels = new KernelCache(this.gpu, cacheLimit);
  }

  /**
   * The gpu.js backend that compiled the most recent kernel (`webasm`, `cpu`, `headlessgl`,
   * `webgl2`, …), or null before the first compile. gpu.js may also degrade one kernel to cpu.
   */
  get kernelMode(): string | null {
    return this.kernels.lastMode;
  }
}
