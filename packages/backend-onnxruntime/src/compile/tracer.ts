/**
 * Captures the kernels a function runs on the onnxruntime backend into one ONNX graph. Every
 * kernel call is still executed eagerly (so shapes and values flow as usual); its plan is also
 * emitted into the graph, reading its inputs as views of the values recorded so far. Storages
 * the trace did not produce (parameters, constants) become initializers with their current
 * values, or, for `compileStep`, graph inputs ("externals") fed on every call. In-place writes
 * (the Assign kernel) rebind the written storage to a new graph value (SSA form), so the final
 * value of every written storage is known. A kernel without a graph form, or a host read of a
 * traced value (`.item()`, a kernel falling back to the reference backend), makes the trace
 * fail: its result would be baked in.
 */
import { inValidationRead, isDenseView, numelOf, type DType, type HostArray, type KernelArgs, type KernelResult, type Tensor, type TensorInfo } from '@nncompat/core';
import { boundaryOf, ONNX_TYPE } from '../exec/dtypes.js';
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
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
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

/** A storage the traced function read but did not produce, declared as a graph input. */
export interface External {
  readonly storage: HostArray;
  readonly dtype: DType;
  /** The graph input's name (fed in the dtype's boundary type, see exec/dtypes.ts). */
  readonly name: string;
  /** Its values when first read (to tell constants made anew on each call from state). */
  readonly snapshot: HostArray;
  /** The graph input's shape: the first reader's view when it spans the storage densely, else flat. */
  readonly shape: readonly number[];
  /** Where the trace first read it (a stack), for errors that must point at the code. */
  readonly origin: string;
}

/** How the tracer treats storages it did not produce. */
export interface TracerOptions {
  opsetVersion?: number;
  /**
   * `initializers` (compile, export): baked in with their current values, and writing into
   * them fails the trace. `inputs` (compileStep): graph inputs, and writes become outputs.
   */
  externals?: 'initializers' | 'inputs';
  /** Throw at the first failure (default), or record it and let the eager run finish. */
  throwOnFail?: boolean;
}

/** Records kernel calls into an OnnxGraphBuilder (install with `setKernelObserver`). */
export class Tracer implements KernelObserver {
  readonly g: OnnxGraphBuilder;
  private readonly values = new Map<HostArray, Value>();
  private readonly views = new Map<string, string>();
  private constants = 0;
  private readonly externalsAsInputs: boolean;
  private readonly throwOnFail: boolean;
  /** The kernel whose call added each node (undefined for input/output plumbing): errors name it. */
  readonly nodeKernels: (string | undefined)[] = [];
  /** Externals in the order the function first read them (`externals: 'inputs'` only). */
  readonly externals: External[] = [];
  /** Storages written in place (by Assign) during the trace. */
  readonly written = new Set<HostArray>();
  /** Storages the traced kernels produced. */
  readonly created = new Set<HostArray>();
  failure: TraceError | null = null;

  constructor(options: TracerOptions = {}) {
    this.g = new OnnxGraphBuilder(options.opsetVersion === undefined ? {} : { opsetVersion: options.opsetVersion });
    this.externalsAsInputs = options.externals === 'inputs';
    this.throwOnFail = options.throwOnFail ?? true;
  }

  /** The graph value currently holding a storage's contents (after any in-place writes). */
  currentValue(storage: HostArray): string | null {
    return this.values.get(storage)?.name ?? null;
  }

  /** Declares a graph input backed by tensor `t` (contiguous, owning its storage). */
  addInput(name: string, t: Tensor): void {
    this.g.addInput(name, ONNX_TYPE[t.dtype.name], t.shape);
    this.values.set(t._storage.handle as HostArray, { name, shape: t.shape, traced: true });
  }

  /** Declares a graph input fed in `t`'s boundary type (int64 as float64), backed by `t`. */
  addBoundaryInput(name: string, t: Tensor): void {
    this.g.addInput(name, boundaryOf(t.dtype).onnxType, t.shape);
    this.values.set(t._storage.handle as HostArray, { name: this.fromBoundary(name, t.dtype), shape: t.shape, traced: true });
  }

  /** Declares graph output `name` holding `value` (of `dtype`, `shape`) in the boundary type. */
  addBoundaryOutput(name: string, value: string, dtype: DType, shape: readonly number[]): void {
    const b = boundaryOf(dtype).onnxType;
    if (b === ONNX_TYPE[dtype.name]) this.g.addNode('Identity', [value], [name]);
    else this.g.addNode('Cast', [value], [name], { to: { i: b } });
    this.g.addOutput(name, b, shape);
  }

  /** Host reads of traced values make the trace fail. */
  onRead(storage: HostArray): void {
    if (this.values.get(storage)?.traced && !inValidationRead()) {
      this.fail('the function read a traced tensor on the host (a kernel falling back to the reference backend, or .item()/.tolist()/dataSync()); that value would be baked into the graph');
    }
  }

  /** Records the first failure; throws it unless the tracer lets the eager run finish. */
  fail(message: string): void {
    this.failure ??= new TraceError(`compile: ${message}`);
    if (this.throwOnFail) throw this.failure;
  }

  private valueOf(info: TensorInfo): Value {
    const storage = info.storage as HostArray;
    let v = this.values.get(storage);
    if (!v) {
      v = this.externalsAsInputs ? this.addExternal(storage, info) : {
        name: this.g.addInitializer(`const_${this.constants++}`, initializerData(info.dtype, storage), [storage.length], ONNX_TYPE[info.dtype.name]),
        shape: [storage.length],
        traced: false,
      };
      this.values.set(storage, v);
    }
    return v;
  }

  private addExternal(storage: HostArray, info: TensorInfo): Value {
    const dtype = info.dtype;
    const name = `state_${this.externals.length}`;
    // A parameter read whole keeps its shape, so its reads and its update need no Reshape (a
    // Reshape into a graph output is a copy in onnxruntime).
    const shape = info.offset === 0 && numelOf(info.shape) === storage.length && isDenseView(info) ? [...info.shape] : [storage.length];
    this.externals.push({ storage, dtype, name, snapshot: storage.slice() as HostArray, shape, origin: new Error().stack ?? '' });
    return { name: this.fromBoundary(name, dtype), shape, traced: false };
  }

  /** Graph input `name` of `dtype`, fed in its boundary type (int64 as float64, like every kernel feed), cast inside. */
  private fromBoundary(name: string, dtype: DType): string {
    const want = ONNX_TYPE[dtype.name];
    return boundaryOf(dtype).onnxType === want ? name : this.g.addNode('Cast', [name], [`${name}_typed`], { to: { i: want } })[0]!;
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
    results.forEach((r, i) => {
      this.values.set(r.storage, { name: outs[i]!, shape: r.shape, traced: true });
      this.created.add(r.storage);
    });
    this.label(first, kernel);
  }

  /** An in-place write `dst[...] = src`: the written storage gets a new value (SSA). */
  private assign(dst: TensorInfo<HostArray>, src: TensorInfo<HostArray>): void {
    const g = this.g;
    const storage = dst.storage;
    const base = this.valueOf(dst);
    if (!base.traced && !this.externalsAsInputs && !this.created.has(storage)) {
      this.fail('the function writes in place into a tensor it did not create (e.g. BatchNorm running statistics in training mode, or an optimizer step); compile it with compileStep, or call model.eval()');
      return;
    }
    if (src.dtype !== dst.dtype) {
      this.fail(`an in-place write converts ${src.dtype.name} to ${dst.dtype.name}; that conversion has no graph form here`);
      return;
    }
    let s = this.view(src);
    if (src.shape.join(',') !== dst.shape.join(',')) s = g.addNode('Expand', [s, constInt64(g, dst.shape)], [g.uniqueName('assign_src')])[0]!;
    const len = storage.length;
    const n = numelOf(dst.shape);
    const sameShape = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((d, i) => d === b[i]);
    let next: string;
    if (dst.offset === 0 && n === len && isDenseView(dst)) {
      next = sameShape(dst.shape, base.shape) ? s : g.addNode('Reshape', [s, constInt64(g, base.shape)], [g.uniqueName('assigned')])[0]!;
    } else {
      // A partial write: scatter the view's elements into the flat storage.
      const flat = base.shape.length === 1 ? base.name : g.addNode('Reshape', [base.name, constInt64(g, [len])], [g.uniqueName('flat')])[0]!;
      const idx = g.addInitializer(g.uniqueName('assign_idx'), BigInt64Array.from(viewOffsets(dst), (o) => BigInt(o)), [n, 1], ONNX_TYPE.int64);
      const upd = g.addNode('Reshape', [s, constInt64(g, [n])], [g.uniqueName('assign_upd')])[0]!;
      next = g.addNode('ScatterND', [flat, idx, upd], [g.uniqueName('assigned')])[0]!;
      if (base.shape.length !== 1) next = g.addNode('Reshape', [next, constInt64(g, base.shape)], [g.uniqueName('assigned')])[0]!;
    }
    this.values.set(storage, { name: next, shape: base.shape, traced: true });
    this.written.add(storage);
  }

  /** An in-place write is about to run: a target the trace has not seen is recorded with its old value. */
  beforeUnplanned(kernel: string, args: KernelArgs<HostArray>): void {
    if (this.failure || kernel !== 'Assign') return;
    this.valueOf(args.inputs['dst'] as TensorInfo<HostArray>);
  }

  unplanned(kernel: string, args: KernelArgs<HostArray>, results: readonly KernelResult<HostArray>[]): void {
    if (this.failure) return;
    if (kernel === 'Contiguous') {
      const first = this.g.nodeCount;
      const x = args.inputs['x'] as TensorInfo<HostArray>;
      this.values.set(results[0]!.storage, { name: this.view(x), shape: x.shape, traced: true });
      this.created.add(results[0]!.storage);
      this.label(first, kernel);
      return;
    }
    if (kernel === 'Assign') {
      const first = this.g.nodeCount;
      this.assign(args.inputs['dst'] as TensorInfo<HostArray>, args.inputs['src'] as TensorInfo<HostArray>);
      this.label(first, kernel);
      return;
    }
    const first = Object.values(args.inputs).find((v) => v != null);
    const dtype = first ? (Array.isArray(first) ? (first as TensorInfo[])[0]?.dtype.name : (first as TensorInfo).dtype.name) : 'none';
    this.fail(`kernel '${kernel}' (${dtype}) ran on the reference code here, so it has no ONNX form to capture`);
  }
}
