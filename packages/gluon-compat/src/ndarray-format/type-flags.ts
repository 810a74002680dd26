/**
 * mshadow's dtype numbering (3rdparty/mshadow/mshadow/base.h, `enum TypeFlag`), as written in
 * the `type_flag` field of each serialized NDArray.
 */

/** The dtype names this format maps onto (the subset of core's `DTypeName` MXNet can store). */
export type FormatDTypeName =
  | 'float32' | 'float64' | 'float16' | 'bfloat16'
  | 'int8' | 'uint8' | 'int16' | 'int32' | 'int64' | 'bool';

/** One row of mshadow's `TypeFlag` enum. */
export interface TypeFlagInfo {
  /** mshadow's enum value. */
  readonly flag: number;
  /** mshadow's enum name, e.g. `kFloat32`. */
  readonly mshadowName: string;
  /** NumPy's name for the dtype, as MXNet's Python layer prints it. */
  readonly numpyName: string;
  /** Bytes per element on disk. */
  readonly itemsize: number;
  /** Core dtype carrying it, or null when core has no such dtype. */
  readonly dtype: FormatDTypeName | null;
}

const row = (flag: number, mshadowName: string, numpyName: string, itemsize: number, dtype: FormatDTypeName | null): TypeFlagInfo =>
  Object.freeze({ flag, mshadowName, numpyName, itemsize, dtype });

/** Every mshadow type flag, indexed by its value. */
export const TYPE_FLAGS: readonly TypeFlagInfo[] = Object.freeze([
  row(0, 'kFloat32', 'float32', 4, 'float32'),
  row(1, 'kFloat64', 'float64', 8, 'float64'),
  row(2, 'kFloat16', 'float16', 2, 'float16'),
  row(3, 'kUint8', 'uint8', 1, 'uint8'),
  row(4, 'kInt32', 'int32', 4, 'int32'),
  row(5, 'kInt8', 'int8', 1, 'int8'),
  row(6, 'kInt64', 'int64', 8, 'int64'),
  row(7, 'kBool', 'bool', 1, 'bool'),
  row(8, 'kInt16', 'int16', 2, 'int16'),
  row(9, 'kUint16', 'uint16', 2, null),
  row(10, 'kUint32', 'uint32', 4, null),
  row(11, 'kUint64', 'uint64', 8, null),
  row(12, 'kBfloat16', 'bfloat16', 2, 'bfloat16'),
]);

/** The flag written for each core dtype. */
export const FLAG_OF_DTYPE: Readonly<Record<FormatDTypeName, number>> = Object.freeze({
  float32: 0, float64: 1, float16: 2, uint8: 3, int32: 4, int8: 5, int64: 6, bool: 7, int16: 8, bfloat16: 12,
});

/** mshadow's storage types (include/mxnet/ndarray.h, `enum NDArrayStorageType`). */
export const STORAGE_TYPES: Readonly<Record<number, string>> = Object.freeze({
  [-1]: 'undefined', 0: 'default', 1: 'row_sparse', 2: 'csr',
});

/** MXNet's device types (include/mxnet/base.h, `Context::DeviceType`). */
export const DEV_TYPES: Readonly<Record<number, string>> = Object.freeze({
  1: 'cpu', 2: 'gpu', 3: 'cpu_pinned', 5: 'cpu_shared',
});
