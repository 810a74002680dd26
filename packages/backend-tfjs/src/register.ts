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
 * Initialises a tfjs backend and registers the matching nncompat backend: `'wasm'` (default) and
 * `'webgl'` back `tfjs`, `'cpu'` backs `tfjs-cpu`. Await it once; the eager API is synchronous
 * afterwards.
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
  if (!['wasm', 'cpu', 'webgl'].includes(which)) {
    throw new TypeError(`ready(): expected 'wasm', 'cpu' or 'webgl', got ${JSON.stringify(which)}`);
  }
  const previous = tf.getBackend();
  const ok = await tf.setBackend(which);
  if (!ok) throw new Error(`tfjs backend '${which}' failed to initialise`);
  // Leave the process's active tfjs backend as it was for code that uses tfjs directly.
  if (previous && previous !== which) await tf.setBackend(previous);
  const name = which === 'cpu' ? TFJS_CPU : TFJS;
  const instance = new TfjsBackend(name, which);
  registerBackend(name, () => instance, name === TFJS ? TFJS_PRIORITY : TFJS_CPU_PRIORITY);
}
