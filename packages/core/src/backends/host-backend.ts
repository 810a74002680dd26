/** Buffer handling shared by backends whose buffers are the dtype's canonical host arrays. */
import type { Backend } from '../backend/types.js';
import { allocHostArray, type DType, type HostArray } from '../dtype.js';

/**
 * Base of backends that keep plain typed arrays as buffers (the reference backend, gpujs):
 * `fromHost` takes ownership of the array core hands over (no copy), `read` returns a copy,
 * and the garbage collector alone reclaims buffers (`needsDispose` false).
 */
export abstract class HostArrayBackend implements Backend<HostArray> {
  abstract readonly name: string;
  abstract readonly deviceType: string;
  readonly needsDispose = false;
  allocate(dtype: DType, numel: number): HostArray {
    return allocHostArray(dtype, numel);
  }
  fromHost(values: HostArray): HostArray {
    // Core hands over a fresh array it no longer uses: take ownership, no copy.
    return values;
  }
  read(storage: HostArray): HostArray {
    return storage.slice() as HostArray;
  }
  dispose(): void {
    // Typed arrays are reclaimed by the garbage collector.
  }
  byteLength(storage: HostArray): number {
    return storage.byteLength;
  }
}
