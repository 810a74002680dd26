/**
 * The onnxruntime backend's buffers. onnxruntime's CPU tensors live in host memory, so a
 * buffer is simply the dtype's canonical host array (the same layout as the reference
 * backend's): inputs are fed without conversion and outputs are adopted without a copy.
 */
import { allocHostArray, type Backend, type DType, type HostArray } from '@nncompat/core';
import { nativeBinding } from './ort/binding.js';
import { ONNXRUNTIME } from './exec/plan.js';
import { checkNotStale } from './exec/stale.js';

let readObserver: ((storage: HostArray) => void) | null = null;

/** @internal The tracer of `compile` watches host reads (they break a captured graph). */
export function setReadObserver(fn: ((storage: HostArray) => void) | null): void {
  readObserver = fn;
}

/**
 * Backend storage for onnxruntime-node (device `onnxruntime`).
 *
 * @example
 * import '@nncompat/backend-onnxruntime';
 * const x = tensor([1, 2, 3]).to('onnxruntime');
 */
export class OnnxruntimeBackend implements Backend<HostArray> {
  readonly name = ONNXRUNTIME;
  readonly deviceType = ONNXRUNTIME;
  // Plain typed arrays: the garbage collector reclaims them; nothing native to free.
  readonly needsDispose = false;

  constructor() {
    // Loads the native addon now, so a broken install fails at backend init (kept per backend).
    nativeBinding();
  }
  allocate(dtype: DType, numel: number): HostArray {
    return allocHostArray(dtype, numel);
  }
  fromHost(values: HostArray): HostArray {
    return values;
  }
  read(storage: HostArray): HostArray {
    readObserver?.(storage);
    checkNotStale(storage);
    return storage.slice() as HostArray;
  }
  dispose(): void {
    // Typed arrays are reclaimed by the garbage collector.
  }
  byteLength(storage: HostArray): number {
    return storage.byteLength;
  }
}
