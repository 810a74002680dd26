/**
 * Captures the kernels a function runs on the onnxruntime backend into one ONNX graph. Every
 * kernel call is still executed eagerly (so shapes and values flow as usual); its plan is also
 * emitted into the graph, reading its inputs as views of the values recorded so far. Storages
 * the trace did not produce (parameters, constants) become initializers with their current
 * values. A kernel without a graph form, or a host read of a traced value (`.item()`, a kernel
 * falling back to the reference backend), makes the trace fail: its result would be baked in.
 */
import { numelOf, type DType, type HostArray, type KernelArgs, type KernelResult, type Tensor, type TensorInfo } from '@nncompat/core';
import { ONNX_TYPE } from '../exec/dtypes.js';
import { emitPlan, type Fed, type KernelObserver, type OpPlan } from '../exec/plan.js';
import { OnnxGraphBuilder, type InitializerData } from '../onnx/graph_builder.js';
import { constInt64 } from '../kernels/graph_util.js';

interface Value {
  readonly name: string;
  readonly shape: readonly number[];
  /** False for initializers: reading those on the host is harmless. */
  readonly traced: boolean;
}

/** Error raised when a function cannot be captured as one ONNX graph. */
export class TraceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TraceError';
  }
}

function initializerData(dtype: DType, data: HostArray): InitializerData {
  // int64's canonical host array holds exact integers as float64.
  return dtype.name === 'int64' ? BigInt64Array.from(data as Float64Array, (v) => BigInt(v)) : data;
}

/** Element offsets of a view in row-major order (size-1 dims contribute nothing). */
function viewOffsets(info: TensorInfo): number[] {
  const n = numelOf(info.shape);
  const out = new Array<number>(n);
  const idx = new Array<number>(info.shape.length).fill(0);
  for (let p = 0; p < n; p++) {
    let o = info.offset;
    for (let d = 0; d < idx.length; d++) o += idx[d]! * info.strides[d]!;
    out[p] = o;
    for (let d = idx.length - 1; d >= 0; d--) {
      if (++idx[d]! < info.shape[d]!) break;
      idx[d] = 0;
    }
  }
  return out;
}

/** The permutation that makes a view's strides contiguous, or null. */
function permutationOf(info: TensorInfo): number[] | null {
  const order = info.shape.map((_, i) => i).filter((i) => info.shape[i] !== 1);
  order.sort((a, b) => info.strides[b]! - info.strides[a]!);
  let expected = 1;
  for (let k = order.length - 1; k >= 0; k--) {
    const d = order[k]!;
    if (info.strides[d] !== expected) return null;
    expected *= info.shape[d]!;
  }
  // Size-1 dims go where they are; the permutation keeps them in place relative to the order.
  const ones = info.shape.map((_, i) => i).filter((i) => info.shape[i] === 1);
  return [...ones, ...order];
}

/** Records kernel calls into an OnnxGraphBuilder (install with `setKernelObserver`). */
export class Tracer implements KernelObserver {
  readonly g: OnnxGraphBuilder;
  private readonly values = new Map<HostArray, Value>();
  private readonly views = new Map<string, string>();
  private constants = 0;
  /** The kernel whose call added each node (undefined for input/output plumbing): errors name it. */
  readonly nodeKernels: (string | undefined)[] = [];
  failure: TraceError | null = null;

  constructor(opsetVersion?: number) {
    this.g = new OnnxGraphBuilder(opsetVersion === undefined ? {} : { opsetVersion });
  }

  /** Declares a graph input backed by tensor `t` (contiguous, owning its storage). */
  addInput(name: string, t: Tensor): void {
    this.g.addInput(name, ONNX_TYPE[t.dtype.name], t.shape);
    this.values.set(t._storage.handle as HostArray, { name, shape: t.shape, traced: true });
  }

  /** Host reads of traced values make the trace fail. */
  onRead(storage: HostArray): void {
    if (this.values.get(storage)?.traced) {
      this.fail('the function read a traced tensor on the host (a kernel falling back to the reference backend, or .item()/.tolist()/dataSync()); that value would be baked into the graph');
    }
  }

  fail(message: string): never {
    this.failure ??= new TraceError(`compile: ${message}`);
    throw this.failure;
  }

  private valueOf(info: TensorInfo): Value {
    const storage = info.storage as HostArray;
    let v = this.values.get(storage);
    if (!v) {
      const name = this.g.addInitializer(`const_${this.constants++}`, initializerData(info.dtype, storage), [storage.length], ONNX_TYPE[info.dtype.name]);
      v = { name, shape: [storage.length], traced: false };
      this.values.set(storage, v);
    }
    return v;
  }

  /** The graph value of a (strided) view. */
  view(info: TensorInfo): string {
    const base = this.valueOf(info);
    const key = `${base.name}|${info.shape.join(',')}|${info.strides.join(',')}|${info.offset}`;
    const hit = this.views.get(key);
    if (hit) return hit;
    const g = this.g;
    const n = numelOf(info.shape);
    const whole = info.offset === 0 && n === numelOf(base.shape);
    const reshape = (v: string, shape: readonly number[]): string =>
      shape.join(',') === base.shape.join(',') && v === base.name ? v : g.addNode('Reshape', [v, constInt64(g, shape)], [g.uniqueName('view')])[0]!;
    let out: string;
    const perm = whole ? permutationOf(info) : null;
    const moved = perm?.filter((p) => info.shape[p] !== 1) ?? [];
    if (perm && moved.every((p, k) => k === 0 || p > moved[k - 1]!)) {
      // Row-major already (only size-1 dims differ): a reshape.
      out = reshape(base.name, info.shape);
    } else if (perm) {
      const permuted = perm.map((p) => info.shape[p]!);
      const inverse = perm.map((_, i) => perm.indexOf(i));
      out = g.addNode('Transpose', [reshape(base.name, permuted)], [g.uniqueName('view')], { perm: { ints: inverse } })[0]!;
    } else {
      // Any other view (slices, expansions, overlapping strides): gather its elements.
      const flat = reshape(base.name, [numelOf(base.shape)]);
      const idx = g.addInitializer(g.uniqueName('view_idx'), BigInt64Array.from(viewOffsets(info), (o) => BigInt(o)), info.shape, ONNX_TYPE.int64);
      out = g.addNode('Gather', [flat, idx], [g.uniqueName('view')], { axis: { i: 0 } })[0]!;
    }
    this.views.set(key, out);
    return out;
  }

  private label(first: number, kernel: string): void {
    for (let i = first; i < this.g.nodeCount; i++) this.nodeKernels[i] = kernel;
  }

  planned(kernel: string, plan: OpPlan, fed: readonly Fed[], results: readonly KernelResult<HostArray>[]): void {
    if (this.failure) return;
    const first = this.g.nodeCount;
    const names = fed.map((f) => this.view(f.info));
    const outs = emitPlan(this.g, plan, names, (i) => ONNX_TYPE[fed[i]!.info.dtype.name], (o) => ONNX_TYPE[o.dtype.name]);
    results.forEach((r, i) => this.values.set(r.storage, { name: outs[i]!, shape: r.shape, traced: true }));
    this.label(first, kernel);
  }

  unplanned(kernel: string, args: KernelArgs<HostArray>, results: readonly KernelResult<HostArray>[]): void {
    if (this.failure) return;
    if (kernel === 'Contiguous') {
      const first = this.g.nodeCount;
      const x = args.inputs['x'] as TensorInfo<HostArray>;
      this.values.set(results[0]!.storage, { name: this.view(x), shape: x.shape, traced: true });
      this.label(first, kernel);
      return;
    }
    const first = Object.values(args.inputs).find((v) => v != null);
    const dtype = first ? (Array.isArray(first) ? (first as TensorInfo[])[0]?.dtype.name : (first as TensorInfo).dtype.name) : 'none';
    this.fail(`kernel '${kernel}' (${dtype}) ran on the reference code here, so it has no ONNX form to capture`);
  }
}
