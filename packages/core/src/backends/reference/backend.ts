/** The reference CPU backend's buffers: the dtype's canonical host array itself. */
import type { Backend } from '../../backend/types.js';
import { allocHostArray, type DType, type HostArray } from '../../dtype.js';

/** Name under which the reference backend is registered. */
export const REFERENCE = 'reference';

/** Pure-TypeScript backend; always present, the fallback for every other backend. */
export class ReferenceBackend implements Backend<HostArray> {
  readonly name = REFERENCE;
  readonly deviceType = 'cpu';
  readonly needsDispose = false;
  allocate(dtype: DType, numel: number): HostArray {
    return allocHostArray(dtype, numel);
  }
  fromHost(values: HostArray): HostArray {
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
