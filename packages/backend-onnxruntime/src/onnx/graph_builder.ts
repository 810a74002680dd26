/**
 * Builds an ONNX model graph step by step and serializes it. Used for the single-op graphs of
 * the eager kernels, and meant for a tracer (`compile`, `torch.onnx.export`) to reuse.
 */
import { encodeModel, OnnxDataType, type OnnxAttrValue, type OnnxModel, type OnnxDataTypeValue, type OnnxDim, type OnnxNode, type OnnxTensor, type OnnxValueInfo } from './proto.js';

/** Default opset: 17 is the newest that Debian's python3-onnx 1.12 checker accepts. */
export const DEFAULT_OPSET = 17;
/** IR version 8 goes with opset 17 (onnx/helper.py's VERSION_TABLE). */
export const DEFAULT_IR_VERSION = 8;

/** Typed arrays an initializer may be given as (bytes are written little endian). */
export type InitializerData =
  | Float32Array | Float64Array | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | BigInt64Array;

const ELEMENT_BYTES: Partial<Record<OnnxDataTypeValue, number>> = {
  [OnnxDataType.FLOAT]: 4, [OnnxDataType.DOUBLE]: 8, [OnnxDataType.FLOAT16]: 2, [OnnxDataType.BFLOAT16]: 2,
  [OnnxDataType.INT8]: 1, [OnnxDataType.UINT8]: 1, [OnnxDataType.BOOL]: 1, [OnnxDataType.INT16]: 2,
  [OnnxDataType.UINT16]: 2, [OnnxDataType.INT32]: 4, [OnnxDataType.INT64]: 8,
};

/** Options of {@link OnnxGraphBuilder}. */
export interface OnnxGraphBuilderOptions {
  /** Graph name (default `main_graph`, as torch.onnx names it). */
  name?: string;
  /** Opset of the default domain (default {@link DEFAULT_OPSET}). */
  opsetVersion?: number;
  /** IR version (default {@link DEFAULT_IR_VERSION}). */
  irVersion?: number;
  producerName?: string;
  producerVersion?: string;
}

/**
 * Collects nodes, graph inputs/outputs and initializers, then serializes them as a model.
 *
 * @example
 * const g = new OnnxGraphBuilder();
 * g.addInput('x', OnnxDataType.FLOAT, ['batch', 4]);
 * g.addInitializer('w', new Float32Array(12), [4, 3], OnnxDataType.FLOAT);
 * g.addNode('MatMul', ['x', 'w'], ['y']);
 * g.addOutput('y', OnnxDataType.FLOAT, ['batch', 3]);
 * const bytes = g.toBytes(); // load with onnxruntime
 */
export class OnnxGraphBuilder {
  readonly opsetVersion: number;
  private readonly opts: Required<OnnxGraphBuilderOptions>;
  private readonly nodes: OnnxNode[] = [];
  private readonly inputs: OnnxValueInfo[] = [];
  private readonly outputs: OnnxValueInfo[] = [];
  private readonly initializers: OnnxTensor[] = [];
  private readonly names = new Set<string>();
  private counter = 0;

  constructor(options: OnnxGraphBuilderOptions = {}) {
    this.opts = {
      name: options.name ?? 'main_graph',
      opsetVersion: options.opsetVersion ?? DEFAULT_OPSET,
      irVersion: options.irVersion ?? DEFAULT_IR_VERSION,
      producerName: options.producerName ?? 'nncompat',
      producerVersion: options.producerVersion ?? '0.1.0',
    };
    this.opsetVersion = this.opts.opsetVersion;
  }

  private claim(name: string, what: string): string {
    if (typeof name !== 'string' || name === '') throw new TypeError(`'${what}' must be a non-empty string`);
    if (this.names.has(name)) throw new Error(`ONNX graph already defines a value named '${name}'`);
    this.names.add(name);
    return name;
  }

  /** Number of nodes added so far (a tracer labels the nodes each kernel call adds). */
  get nodeCount(): number {
    return this.nodes.length;
  }

  /** A value name not used yet, built from `prefix` (`prefix`, `prefix_1`, …). */
  uniqueName(prefix = 'v'): string {
    let n = prefix;
    while (this.names.has(n)) n = `${prefix}_${++this.counter}`;
    return n;
  }

  /** Declares a graph input; string dims are symbolic (`dim_param`). */
  addInput(name: string, elemType: OnnxDataTypeValue, dims: readonly OnnxDim[] | null): string {
    this.inputs.push({ name: this.claim(name, 'name'), elemType, dims });
    return name;
  }

  /** Declares a graph output (a value some node produces). */
  addOutput(name: string, elemType: OnnxDataTypeValue, dims: readonly OnnxDim[] | null = null): string {
    this.outputs.push({ name, elemType, dims });
    return name;
  }

  /** Adds a constant tensor (weights) under `name`. */
  addInitializer(name: string, data: InitializerData, dims: readonly number[], dataType: OnnxDataTypeValue): string {
    const size = ELEMENT_BYTES[dataType];
    if (size === undefined) throw new TypeError(`unsupported initializer data type ${dataType}`);
    let numel = 1;
    for (const d of dims) numel *= d;
    if (data.byteLength !== numel * size) {
      throw new RangeError(`initializer '${name}': ${data.byteLength} bytes given for dims [${dims.join(', ')}] of ${size}-byte elements`);
    }
    const rawData = new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice();
    this.initializers.push({ name: this.claim(name, 'name'), dataType, dims: [...dims], rawData });
    return name;
  }

  /**
   * Adds a node. Output names must be new; an empty input name marks an omitted optional input.
   * Returns the output names.
   */
  addNode(opType: string, inputs: readonly string[], outputs: readonly string[], attributes: Readonly<Record<string, OnnxAttrValue>> = {}, name?: string): string[] {
    for (const o of outputs) this.claim(o, 'output');
    this.nodes.push({ opType, inputs: [...inputs], outputs: [...outputs], attributes, name: name ?? `${opType}_${this.nodes.length}` });
    return [...outputs];
  }

  /** The model as plain data (what {@link toBytes} encodes): passes such as dynamic_axes rewrite it. */
  toModel(): OnnxModel {
    const o = this.opts;
    return {
      irVersion: o.irVersion,
      opsetVersion: o.opsetVersion,
      producerName: o.producerName,
      producerVersion: o.producerVersion,
      graph: { name: o.name, nodes: [...this.nodes], inputs: [...this.inputs], outputs: [...this.outputs], initializers: [...this.initializers] },
    };
  }

  /** Serializes the model (ModelProto bytes). */
  toBytes(): Uint8Array {
    return encodeModel(this.toModel());
  }
}
