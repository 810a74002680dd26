/** Small graph-building helpers the kernels share (constants, single-node bodies). */
import type { DType, HostArray, KernelArgs, TensorInfo } from '@nncompat/core';
import { allocHostArray } from '@nncompat/core';
import type { OnnxGraphBuilder } from '../onnx/graph_builder.js';
import { OnnxDataType, type OnnxAttrValue } from '../onnx/proto.js';
import { ONNX_TYPE } from '../exec/dtypes.js';

/** Adds an int64 constant (shapes, axes) and returns its name. */
export function constInt64(g: OnnxGraphBuilder, values: readonly number[], scalar = false): string {
  const data = BigInt64Array.from(values.map((v) => BigInt(v)));
  return g.addInitializer(g.uniqueName('c_i64'), data, scalar ? [] : [values.length], OnnxDataType.INT64);
}

/** Adds a scalar constant of the compute dtype `dtype` (not a 16-bit or int64 dtype). */
export function constScalar(g: OnnxGraphBuilder, dtype: DType, value: number): string {
  if (dtype.name === 'int64') {
    return g.addInitializer(g.uniqueName('c'), BigInt64Array.of(BigInt(value)), [], OnnxDataType.INT64);
  }
  const data = allocHostArray(dtype, 1);
  data[0] = value;
  return g.addInitializer(g.uniqueName('c'), data, [], ONNX_TYPE[dtype.name]);
}

/** Adds one node with a fresh output name and returns that name. */
export function node(g: OnnxGraphBuilder, op: string, inputs: readonly string[], attrs: Readonly<Record<string, OnnxAttrValue>> = {}): string {
  return g.addNode(op, inputs, [g.uniqueName(op.toLowerCase())], attrs)[0]!;
}

/** A kernel input by name (a tensor). */
export function tensorInput(args: KernelArgs<HostArray>, name: string): TensorInfo<HostArray> {
  const v = args.inputs[name];
  if (!v || Array.isArray(v)) throw new Error(`internal error: kernel input '${name}' must be a tensor`);
  return v as TensorInfo<HostArray>;
}

/** A stable text form of attribute values for cache keys. */
export function attrKey(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && 'name' in x && 'itemsize' in x ? (x as DType).name : x));
}
