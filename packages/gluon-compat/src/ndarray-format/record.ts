/** The in-memory form of one array of an MXNet NDArray list file. */
import type { FormatDTypeName } from './type-flags.js';

/** The canonical host array types (core's `HostArray`): float16/bfloat16 as raw bits, int64 as float64, bool as 0/1 bytes. */
export type FormatHostArray = Float32Array | Float64Array | Uint16Array | Int8Array | Uint8Array | Int16Array | Int32Array;

/** MXNet's `Context` as serialized: `dev_type` (1 cpu, 2 gpu, 3 cpu_pinned, 5 cpu_shared) and `dev_id`. */
export interface NDArrayContextRecord {
  devType: number;
  devId: number;
}

/** One dense array: dtype, shape, contiguous row-major data and the context it was saved from. */
export interface NDArrayRecord {
  dtype: FormatDTypeName;
  shape: number[];
  data: FormatHostArray;
  ctx: NDArrayContextRecord;
}

/** A decoded record also says which per-array format version it was stored in (0 = legacy, no magic). */
export interface LoadedNDArrayRecord extends NDArrayRecord {
  version: 0 | 1 | 2 | 3;
}

/**
 * The content of a `.params` / `mx.nd.save` file. `names` is empty for a list saved without names,
 * otherwise as long as `arrays`. An entry is `null` where the file holds MXNet's "none" NDArray (a
 * V2 array with ndim 0, a V1/V3 array with an unknown (-1) dimension): MXNet's own Python layer
 * refuses those (`unknown storage type: -1`), so `mx.nd.load` does too.
 */
export interface NDArrayList {
  arrays: (LoadedNDArrayRecord | null)[];
  names: string[];
}
