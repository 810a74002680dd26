/**
 * How nncompat dtypes cross into onnxruntime: the tensor type fed to / read from a session
 * ("boundary" type) and the ONNX type used inside a graph. int64 crosses as float64 (its canonical
 * host array is a Float64Array of exact integers) and is cast inside the graph, which avoids a
 * BigInt conversion per element; bfloat16 crosses as float32 because onnxruntime's JS tensors have
 * no bfloat16 type.
 */
import { bfloat16ToFloat, floatToBfloat16, float32, int32, type DType, type DTypeName, type HostArray } from '@nncompat/core';
import { OnnxDataType, type OnnxDataTypeValue } from '../onnx/proto.js';
import type { OrtValue } from '../ort/binding.js';

/** The ONNX element type of a dtype inside a graph. */
export const ONNX_TYPE: Readonly<Record<DTypeName, OnnxDataTypeValue>> = Object.freeze({
  float32: OnnxDataType.FLOAT,
  float64: OnnxDataType.DOUBLE,
  float16: OnnxDataType.FLOAT16,
  bfloat16: OnnxDataType.BFLOAT16,
  int8: OnnxDataType.INT8,
  uint8: OnnxDataType.UINT8,
  int16: OnnxDataType.INT16,
  int32: OnnxDataType.INT32,
  int64: OnnxDataType.INT64,
  bool: OnnxDataType.BOOL,
});

/** How a dtype is fed to / read from a session: the JS tensor type and its ONNX type. */
export interface Boundary {
  readonly ortType: string;
  readonly onnxType: OnnxDataTypeValue;
}

const BOUNDARY: Readonly<Record<DTypeName, Boundary>> = Object.freeze({
  float32: { ortType: 'float32', onnxType: OnnxDataType.FLOAT },
  float64: { ortType: 'float64', onnxType: OnnxDataType.DOUBLE },
  float16: { ortType: 'float16', onnxType: OnnxDataType.FLOAT16 },
  bfloat16: { ortType: 'float32', onnxType: OnnxDataType.FLOAT },
  int8: { ortType: 'int8', onnxType: OnnxDataType.INT8 },
  uint8: { ortType: 'uint8', onnxType: OnnxDataType.UINT8 },
  int16: { ortType: 'int16', onnxType: OnnxDataType.INT16 },
  int32: { ortType: 'int32', onnxType: OnnxDataType.INT32 },
  int64: { ortType: 'float64', onnxType: OnnxDataType.DOUBLE },
  bool: { ortType: 'bool', onnxType: OnnxDataType.BOOL },
});

/** The boundary type of `dtype`. */
export function boundaryOf(dtype: DType): Boundary {
  return BOUNDARY[dtype.name];
}

/** Canonical host data → the array fed to onnxruntime (only bfloat16 needs a conversion). */
export function toBoundaryData(dtype: DType, data: HostArray): ArrayBufferView {
  if (dtype.name !== 'bfloat16') return data;
  const out = new Float32Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = bfloat16ToFloat(data[i]!);
  return out;
}

/** A session feed of canonical host data `data` of `dtype` (in the boundary type) with `dims`. */
export function boundaryFeed(dtype: DType, dims: readonly number[], data: HostArray): OrtValue {
  return { location: 'cpu', type: boundaryOf(dtype).ortType, dims, data: toBoundaryData(dtype, data) };
}

/** Data read from onnxruntime → the canonical host array of `dtype` (no copy when types match). */
export function fromBoundaryData(dtype: DType, data: ArrayBufferView): HostArray {
  if (dtype.name === 'bfloat16') {
    const f = data as Float32Array;
    const out = new Uint16Array(f.length);
    for (let i = 0; i < f.length; i++) out[i] = floatToBfloat16(f[i]!);
    return out;
  }
  return data as HostArray;
}

/**
 * The dtype an op computes in for an input of `dtype`, given the types its onnxruntime CPU
 * kernel accepts: the dtype itself, else 16-bit floats widened to float32 (what PyTorch's CPU
 * kernels and the reference backend do: compute in float, round once), else small integers
 * widened to int32 (exact; narrowing back wraps like C, as typed arrays do). Null: no exact way.
 */
export function computeDtype(dtype: DType, accepted: readonly DTypeName[]): DType | null {
  if (accepted.includes(dtype.name)) return dtype;
  if ((dtype.name === 'float16' || dtype.name === 'bfloat16') && accepted.includes('float32')) return float32;
  if ((dtype.name === 'int8' || dtype.name === 'uint8' || dtype.name === 'int16') && accepted.includes('int32')) return int32;
  return null;
}

/** Float types onnxruntime's CPU math kernels commonly accept. */
export const FLOATS: readonly DTypeName[] = ['float32', 'float64'];
/** Float and wide integer types (Add, MatMul, ReduceSum, …). */
export const NUMERIC: readonly DTypeName[] = ['float32', 'float64', 'int32', 'int64'];
