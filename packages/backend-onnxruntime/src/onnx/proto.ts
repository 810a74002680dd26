/**
 * ONNX protobuf messages (onnx/onnx.proto, IR version 8) as plain TypeScript objects, and their
 * encoders. Field numbers are those of onnx.proto; only the fields a model writer needs.
 */
import { ProtoWriter } from './protobuf.js';

/** `TensorProto.DataType` values. */
export const OnnxDataType = Object.freeze({
  FLOAT: 1,
  UINT8: 2,
  INT8: 3,
  UINT16: 4,
  INT16: 5,
  INT32: 6,
  INT64: 7,
  STRING: 8,
  BOOL: 9,
  FLOAT16: 10,
  DOUBLE: 11,
  UINT32: 12,
  UINT64: 13,
  BFLOAT16: 16,
} as const);
/** One of the `TensorProto.DataType` numbers. */
export type OnnxDataTypeValue = (typeof OnnxDataType)[keyof typeof OnnxDataType];

/** A dimension: a fixed size, or a symbolic name (`dim_param`). */
export type OnnxDim = number | string;

/** `TensorProto` with its payload in `raw_data` (little-endian bytes). */
export interface OnnxTensor {
  readonly name?: string;
  readonly dataType: OnnxDataTypeValue;
  readonly dims: readonly number[];
  readonly rawData: Uint8Array;
}

/** An attribute value, tagged with the AttributeProto field it is written to. */
export type OnnxAttrValue =
  | { readonly i: number }
  | { readonly f: number }
  | { readonly s: string }
  | { readonly ints: readonly number[] }
  | { readonly floats: readonly number[] }
  | { readonly t: OnnxTensor };

/** `NodeProto`. */
export interface OnnxNode {
  readonly opType: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly name?: string;
  readonly domain?: string;
  readonly attributes?: Readonly<Record<string, OnnxAttrValue>>;
}

/** `ValueInfoProto` of a tensor; `dims` null means unknown rank. */
export interface OnnxValueInfo {
  readonly name: string;
  readonly elemType: OnnxDataTypeValue;
  readonly dims: readonly OnnxDim[] | null;
}

/** `GraphProto`. */
export interface OnnxGraph {
  readonly name: string;
  readonly nodes: readonly OnnxNode[];
  readonly inputs: readonly OnnxValueInfo[];
  readonly outputs: readonly OnnxValueInfo[];
  readonly initializers: readonly OnnxTensor[];
}

/** `ModelProto`. */
export interface OnnxModel {
  readonly irVersion: number;
  readonly opsetVersion: number;
  readonly producerName: string;
  readonly producerVersion: string;
  readonly graph: OnnxGraph;
}

// AttributeProto.AttributeType
const ATTR_FLOAT = 1;
const ATTR_INT = 2;
const ATTR_STRING = 3;
const ATTR_TENSOR = 4;
const ATTR_FLOATS = 6;
const ATTR_INTS = 7;

function writeTensor(w: ProtoWriter, t: OnnxTensor): void {
  if (t.dims.length) w.packedInt64(1, t.dims);
  w.int64(2, t.dataType);
  if (t.name !== undefined) w.string(8, t.name);
  w.bytes(9, t.rawData);
}

function writeAttribute(w: ProtoWriter, name: string, v: OnnxAttrValue): void {
  w.string(1, name);
  if ('i' in v) w.int64(3, v.i).int64(20, ATTR_INT);
  else if ('f' in v) w.float(2, v.f).int64(20, ATTR_FLOAT);
  else if ('s' in v) w.string(4, v.s).int64(20, ATTR_STRING);
  else if ('ints' in v) w.packedInt64(8, v.ints).int64(20, ATTR_INTS);
  else if ('floats' in v) w.packedFloat(7, v.floats).int64(20, ATTR_FLOATS);
  else w.message(5, (m) => writeTensor(m, v.t)).int64(20, ATTR_TENSOR);
}

function writeNode(w: ProtoWriter, n: OnnxNode): void {
  for (const i of n.inputs) w.string(1, i);
  for (const o of n.outputs) w.string(2, o);
  if (n.name) w.string(3, n.name);
  w.string(4, n.opType);
  for (const [k, v] of Object.entries(n.attributes ?? {})) w.message(5, (m) => writeAttribute(m, k, v));
  if (n.domain) w.string(7, n.domain);
}

function writeValueInfo(w: ProtoWriter, v: OnnxValueInfo): void {
  w.string(1, v.name);
  // TypeProto { tensor_type (1): { elem_type (1), shape (2): { dim (1): { dim_value (1) | dim_param (2) } } } }
  w.message(2, (type) =>
    type.message(1, (tt) => {
      tt.int64(1, v.elemType);
      if (v.dims) {
        const dims = v.dims;
        tt.message(2, (shape) => {
          for (const d of dims) shape.message(1, (dim) => (typeof d === 'number' ? dim.int64(1, d) : dim.string(2, d)));
        });
      }
    }),
  );
}

function writeGraph(w: ProtoWriter, g: OnnxGraph): void {
  for (const n of g.nodes) w.message(1, (m) => writeNode(m, n));
  w.string(2, g.name);
  for (const t of g.initializers) w.message(5, (m) => writeTensor(m, t));
  for (const i of g.inputs) w.message(11, (m) => writeValueInfo(m, i));
  for (const o of g.outputs) w.message(12, (m) => writeValueInfo(m, o));
}

/**
 * Serializes a model to ONNX protobuf bytes.
 *
 * @example
 * const bytes = encodeModel({ irVersion: 8, opsetVersion: 17, producerName: 'me', producerVersion: '1',
 *   graph: { name: 'g', nodes: [{ opType: 'Relu', inputs: ['x'], outputs: ['y'] }],
 *     inputs: [{ name: 'x', elemType: OnnxDataType.FLOAT, dims: [2] }],
 *     outputs: [{ name: 'y', elemType: OnnxDataType.FLOAT, dims: [2] }], initializers: [] } });
 */
export function encodeModel(m: OnnxModel): Uint8Array {
  const w = new ProtoWriter();
  w.int64(1, m.irVersion);
  w.string(2, m.producerName);
  w.string(3, m.producerVersion);
  w.message(7, (g) => writeGraph(g, m.graph));
  // OperatorSetIdProto { domain (1) = '' (the default ONNX domain), version (2) }
  w.message(8, (o) => o.string(1, '').int64(2, m.opsetVersion));
  return w.finish();
}
