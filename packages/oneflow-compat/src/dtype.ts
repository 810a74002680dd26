/**
 * OneFlow's view of core's dtypes: the printed names (`oneflow.float32`), the `DataType` proto
 * enum (data_type.proto, used by pickled dtypes and `meta` files) and the numpy dtype each one
 * is saved as (`_ONEFLOW_DTYPE_TO_NUMPY_DTYPE` in python/oneflow/framework/dtype.py).
 */
import { type DType, type DTypeName, DTYPES } from '@nncompat/core';

/** One row of the dtype table. */
export interface FlowDTypeInfo {
  /** `str(oneflow.float32)`. */
  readonly flowName: string;
  /** `DataType` enum value (`kFloat = 2`, …). */
  readonly proto: number;
  /** The enum's name as protobuf text format writes it (`kFloat`). */
  readonly protoName: string;
  /** numpy's `dtype.str` (`'<f4'`), or null where OneFlow has no numpy dtype (bfloat16). */
  readonly numpy: string | null;
}

const TABLE: Readonly<Record<DTypeName, FlowDTypeInfo>> = Object.freeze({
  float32: { flowName: 'oneflow.float32', proto: 2, protoName: 'kFloat', numpy: '<f4' },
  float64: { flowName: 'oneflow.float64', proto: 3, protoName: 'kDouble', numpy: '<f8' },
  int8: { flowName: 'oneflow.int8', proto: 4, protoName: 'kInt8', numpy: '|i1' },
  int32: { flowName: 'oneflow.int32', proto: 5, protoName: 'kInt32', numpy: '<i4' },
  int64: { flowName: 'oneflow.int64', proto: 6, protoName: 'kInt64', numpy: '<i8' },
  uint8: { flowName: 'oneflow.uint8', proto: 7, protoName: 'kUInt8', numpy: '|u1' },
  float16: { flowName: 'oneflow.float16', proto: 9, protoName: 'kFloat16', numpy: '<f2' },
  bfloat16: { flowName: 'oneflow.bfloat16', proto: 11, protoName: 'kBFloat16', numpy: null },
  bool: { flowName: 'oneflow.bool', proto: 12, protoName: 'kBool', numpy: '|b1' },
  int16: { flowName: 'oneflow.int16', proto: 17, protoName: 'kInt16', numpy: '<i2' },
});

/**
 * The OneFlow facts of a dtype.
 *
 * @example
 * ```ts
 * flowDType(float32).flowName; // 'oneflow.float32'
 * ```
 */
export function flowDType(d: DType): FlowDTypeInfo {
  return TABLE[d.name];
}

/** The dtype of a `DataType` enum value; throws for enums OneFlow has but core does not (complex, uint16, …). */
export function dtypeFromProto(proto: number | string): DType {
  for (const [name, info] of Object.entries(TABLE) as [DTypeName, FlowDTypeInfo][]) {
    if (info.proto === proto || info.protoName === proto) return DTYPES[name];
  }
  throw new TypeError(`oneflow DataType ${String(proto)} has no nncompat dtype`);
}

/** The dtype saved as numpy dtype string `descr` (`'<f4'`, `'|b1'`, …; `'='`/`'>'` byte orders included). */
export function dtypeFromNumpy(descr: string): DType | null {
  const kind = descr.slice(1);
  for (const [name, info] of Object.entries(TABLE) as [DTypeName, FlowDTypeInfo][]) {
    if (info.numpy !== null && info.numpy.slice(1) === kind) return DTYPES[name];
  }
  return null;
}

/**
 * `str(dtype)` as OneFlow prints it.
 *
 * @example
 * ```ts
 * flowDTypeName(int64); // 'oneflow.int64'
 * ```
 */
export function flowDTypeName(d: DType): string {
  return TABLE[d.name].flowName;
}
