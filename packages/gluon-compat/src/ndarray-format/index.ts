/** MXNet's NDArray list binary format (`.params` files, `mx.nd.save` / `mx.nd.load`). */
export { readNDArrayList } from './read.js';
export { writeNDArrayList, type WriteNDArrayListOptions } from './write.js';
export { NDARRAY_LIST_MAGIC, NDARRAY_V1_MAGIC, NDARRAY_V2_MAGIC, NDARRAY_V3_MAGIC } from './magic.js';
export { TYPE_FLAGS, FLAG_OF_DTYPE, STORAGE_TYPES, DEV_TYPES, type TypeFlagInfo, type FormatDTypeName } from './type-flags.js';
export type { NDArrayRecord, LoadedNDArrayRecord, NDArrayList, NDArrayContextRecord, FormatHostArray } from './record.js';
