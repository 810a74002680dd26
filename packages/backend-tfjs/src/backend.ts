/** The Backend storage interface implemented on tfjs tensors (one instance per tfjs backend). */
import * as tf from '@tensorflow/tfjs';
import { allocHostArray, type Backend, type DType, type HostArray } from '@nncompat/core';
import { TfjsBuffer } from './buffer.js';
import { fitsInt32, isHostDtype, tfDtype } from './dtypes.js';

/** tfjs backends this package can run on (`webgl` and `webgpu` in browsers only). */
export type TfBackendName = 'wasm' | 'cpu' | 'webgl' | 'webgpu';

/**
 * nncompat backend whose buffers are tfjs tensors on one tfjs backend. tfjs has a single active
 * backend per process, so every kernel first makes this instance's tfjs backend the active one
 * (a synchronous switch once that backend is initialised by `ready()`).
 */
export class TfjsBackend implements Backend<TfjsBuffer> {
  readonly deviceType: string;
  readonly needsDispose = true;

  constructor(
    /** Registry name: `tfjs` or `tfjs-cpu`. */
    readonly name: string,
    /** The tfjs backend holding this instance's tensors. */
    readonly tfBackend: TfBackendName,
  ) {
    this.deviceType = name;
  }

  /** Makes this instance's tfjs backend the active one (kernels and tensor creation use it). */
  activate(): void {
    if (tf.getBackend() === this.tfBackend) return;
    // Synchronous for an initialised backend: engine.setBackend only awaits a pending init.
    tf.setBackend(this.tfBackend).catch(() => undefined);
    if (tf.getBackend() !== this.tfBackend) {
      throw new Error(`tfjs backend '${this.tfBackend}' is not initialised: call \`await ready('${this.tfBackend}')\` first`);
    }
  }

  allocate(dtype: DType, numel: number): TfjsBuffer {
    if (isHostDtype(dtype)) return new TfjsBuffer(null, allocHostArray(dtype, numel), numel);
    this.activate();
    return new TfjsBuffer(tf.zeros([numel], tfDtype(dtype)), null, numel);
  }

  fromHost(values: HostArray, dtype: DType): TfjsBuffer {
    const n = values.length;
    if (isHostDtype(dtype) || (dtype.name === 'int64' && !fitsInt32(values))) {
      // int64 beyond int32 stays exact on the host; its kernels run on the reference backend.
      return new TfjsBuffer(null, values, n);
    }
    this.activate();
    const t = tfDtype(dtype);
    let data: Float32Array | Int32Array | Uint8Array;
    if (t === 'float32') data = values as Float32Array;
    else if (t === 'bool') data = values as Uint8Array;
    else data = values instanceof Int32Array ? values : Int32Array.from(values);
    return new TfjsBuffer(tf.tensor1d(data, t), null, n);
  }

  read(storage: TfjsBuffer, dtype: DType): HostArray {
    if (storage.host) return storage.host.slice() as HostArray;
    // dataSync may return the tfjs backend's own array (cpu): always copy into a fresh one.
    const src = storage.tf.dataSync() as Float32Array | Int32Array | Uint8Array;
    const out = allocHostArray(dtype, src.length);
    out.set(src);
    return out;
  }

  dispose(storage: TfjsBuffer): void {
    storage.release();
    storage.host = null;
  }

  byteLength(storage: TfjsBuffer): number {
    return storage.host ? storage.host.byteLength : storage.size * 4;
  }
}
