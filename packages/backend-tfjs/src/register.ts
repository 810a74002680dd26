/**
 * Registers the tfjs backends (`tfjs`, `tfjs-cpu`) and their kernels with core. The backends'
 * factories throw until `ready()` has initialised the matching tfjs backend; `ready()` then
 * re-registers them, which clears any init error the registry kept from an earlier attempt.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { registerBackend, registerKernel } from '@nncompat/core';
import { TfjsBackend, type TfBackendName } from './backend.js';
import { toConfig } from './kernel.js';
import { TF_KERNELS } from './kernels.js';
import { writeHostConfig } from './kernels/WriteHost.js';

/** Registry name of the accelerated tfjs backend (wasm on Node, webgl/wasm in browsers). */
export const TFJS = 'tfjs';
/** Registry name of tfjs's plain-JavaScript cpu backend. */
export const TFJS_CPU = 'tfjs-cpu';
/** Registry priorities: below the reference backend's 0 until benchmarks pick the default. */
export const TFJS_PRIORITY = -10;
export const TFJS_CPU_PRIORITY = -11;

for (const name of [TFJS, TFJS_CPU]) {
  for (const def of TF_KERNELS) registerKernel(toConfig(def, name));
  registerKernel(writeHostConfig(name));
}

const notReady = (name: string, which: string) => (): never => {
  throw new Error(`the '${name}' backend is not ready: \`await ready(${which === 'wasm' ? '' : `'${which}'`})\` from '@nncompat/backend-tfjs' once before using it`);
};
registerBackend(TFJS, notReady(TFJS, 'wasm'), TFJS_PRIORITY);
registerBackend(TFJS_CPU, notReady(TFJS_CPU, 'cpu'), TFJS_CPU_PRIORITY);

const pending = new Map<TfBackendName, Promise<void>>();

/**
 * Initialises a tfjs backend and registers the matching nncompat backend: `'wasm'` (default),
 * `'webgl'` and `'webgpu'` back `tfjs`, `'cpu'` backs `tfjs-cpu`. Await it once; the eager API is
 * synchronous afterwards. `'webgpu'` loads `@tensorflow/tfjs-backend-webgpu` on first use and
 * needs a browser with a WebGPU adapter; elsewhere (Node) it rejects with the reason.
 *
 * @example
 * import { ready } from '@nncompat/backend-tfjs';
 * import { setDefaultBackend } from '@nncompat/core';
 * await ready();
 * setDefaultBackend('tfjs');
 */
export function ready(which: TfBackendName = 'wasm'): Promise<void> {
  let p = pending.get(which);
  if (!p) {
    p = init(which);
    pending.set(which, p);
    p.catch(() => pending.delete(which));
  }
  return p;
}

async function init(which: TfBackendName): Promise<void> {
  if (!['wasm', 'cpu', 'webgl', 'webgpu'].includes(which)) {
    throw new TypeError(`ready(): expected 'wasm', 'cpu', 'webgl' or 'webgpu', got ${JSON.stringify(which)}`);
  }
  if (which === 'webgpu') await loadWebgpu();
  const previous = tf.getBackend();
  const ok = await tf.setBackend(which);
  if (!ok) throw new Error(`tfjs backend '${which}' failed to initialise`);
  try {
    if (which === 'webgpu') checkWebgpuReadSync();
  } finally {
    // Leave the process's active tfjs backend as it was for code that uses tfjs directly.
    if (previous && previous !== which) await tf.setBackend(previous);
  }
  const name = which === 'cpu' ? TFJS_CPU : TFJS;
  const instance = new TfjsBackend(name, which);
  registerBackend(name, () => instance, name === TFJS ? TFJS_PRIORITY : TFJS_CPU_PRIORITY);
}

/** The part of `navigator.gpu` used here (no dependency on the WebGPU DOM typings). */
interface GpuLike {
  requestAdapter(): Promise<object | null>;
}

/**
 * Checks that WebGPU can run here, then imports tfjs's webgpu backend (which registers itself with
 * tfjs on import). Imported lazily, so Node and webgl/wasm users never load it. Fails fast with
 * the reason instead of leaving tfjs to fail on a missing adapter.
 */
async function loadWebgpu(): Promise<void> {
  const g = globalThis as { navigator?: { gpu?: GpuLike }; process?: { versions?: { node?: string } } };
  const gpu = g.navigator?.gpu;
  if (!gpu) {
    const node = g.process?.versions?.node;
    const why = node
      ? `Node ${node} has no WebGPU (navigator.gpu is undefined; tfjs's webgpu backend runs in browsers only). Use ready('wasm') on Node`
      : 'navigator.gpu is undefined: this browser has no WebGPU, or the page is not a secure context (https:// or http://localhost); headless Chromium needs --enable-unsafe-webgpu';
    throw new Error(`ready('webgpu'): WebGPU is not available: ${why}`);
  }
  const adapter = await gpu.requestAdapter();
  if (!adapter) {
    throw new Error("ready('webgpu'): navigator.gpu.requestAdapter() returned null: this browser offers no WebGPU adapter (headless Chromium without a GPU needs --enable-unsafe-webgpu for its SwiftShader adapter)");
  }
  await import('@tensorflow/tfjs-backend-webgpu');
  if (!tf.findBackendFactory('webgpu')) {
    throw new Error("ready('webgpu'): @tensorflow/tfjs-backend-webgpu did not register a 'webgpu' tfjs backend");
  }
}

/**
 * The eager API reads with `dataSync`, which tfjs's webgpu backend implements by copying the GPU
 * buffer through a WebGPU OffscreenCanvas into a 2D canvas. Where the browser cannot share those
 * canvases (headless Chromium on SwiftShader without `--enable-features=Vulkan
 * --use-vulkan=swiftshader`), that copy reads zeros without any error: refuse to run rather than
 * hand out wrong numbers. 2048 elements, above tfjs's 1000-element CPU hand-off, so the add runs
 * as a shader and its result lives on the GPU; `i + 0.5` is exact in float32.
 */
function checkWebgpuReadSync(): void {
  let got: Float32Array;
  try {
    got = tf.tidy(() => tf.add(tf.range(0, 2048, 1, 'float32'), tf.scalar(0.5)).dataSync() as Float32Array);
  } catch (e) {
    // e.g. no OffscreenCanvas (a runtime with navigator.gpu but no canvases).
    throw new Error(`ready('webgpu'): tfjs's synchronous read (dataSync) on webgpu failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  const bad = got.findIndex((v, i) => v !== i + 0.5);
  if (bad >= 0) {
    throw new Error(`ready('webgpu'): tfjs's synchronous read (dataSync) on webgpu returned wrong values (element ${bad}: got ${got[bad]}, want ${bad + 0.5}). It copies through an OffscreenCanvas, which this browser does not share with 2D canvases; in headless Chromium add --enable-features=Vulkan --use-vulkan=swiftshader`);
  }
}
