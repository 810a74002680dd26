/**
 * Runs one kernel as a single-op ONNX graph: feeds the inputs (dense host data, cast inside
 * the graph to the type the op computes in), runs the cached session synchronously, and turns
 * the outputs into canonical host arrays of the result dtypes.
 */
import { getBackend, getKernel, numelOf, REFERENCE_BACKEND, type DType, type HostArray, type KernelArgs, type KernelConfig, type KernelResult, type TensorInfo } from '@nncompat/core';
import { OnnxGraphBuilder } from '../onnx/graph_builder.js';
import type { OrtValue } from '../ort/binding.js';
import { noteNative, noteReference } from './coverage_log.js';
import { boundaryFeed, boundaryOf, fromBoundaryData, ONNX_TYPE } from './dtypes.js';
import { compactBroadcast, denseData } from './materialize.js';
import { getSession } from './session_cache.js';
import { checkNotStale } from './stale.js';

/** Name of this backend in the registry. */
export const ONNXRUNTIME = 'onnxruntime';

/** One graph input: a kernel input and the dtype the op computes in. */
export interface PlanInput {
  readonly info: TensorInfo<HostArray>;
  readonly compute: DType;
  /** Broadcasting ops: feed stride-0 (expanded) dims as size 1 instead of copying them. */
  readonly compact?: boolean;
}

/** One graph output: the result dtype and the dtype the graph body produces it in. */
export interface PlanOutput {
  readonly dtype: DType;
  readonly compute: DType;
  /** Rank of the result: graph outputs are declared with symbolic dims of this rank (onnx's checker wants a shape). */
  readonly rank: number;
}

/** A kernel call expressed as a graph: the body gets input value names and returns output names. */
export interface OpPlan {
  /** Attributes that shape the graph (the cache key adds kernel, dtypes and ranks). */
  readonly key: string;
  readonly inputs: readonly PlanInput[];
  readonly outputs: readonly PlanOutput[];
  build(g: OnnxGraphBuilder, inputs: readonly string[]): readonly string[];
  /** Broadcasting ops: the result shape, which compacted (stride-0) inputs must still produce. */
  readonly outShape?: readonly number[];
  /** Compute-bound ops (MatMul, Conv) get a multi-threaded session; the rest run single-threaded. */
  readonly heavy?: boolean;
}

/** A kernel that either returns a plan, or null when only the reference implementation is exact. */
export type Planner = (args: KernelArgs<HostArray>) => OpPlan | null;

/** A plan input as it is fed: the (possibly compacted) view. */
export interface Fed {
  info: TensorInfo<HostArray>;
  shape: readonly number[];
}

/**
 * Emits a plan's body into `g`: `names[i]` holds input i in ONNX type `typeOf(i)`; inputs are
 * cast to the types the op computes in, outputs from those to `outTypeOf(output)`. Shared by
 * the single-op models and the tracer of `compile`.
 */
export function emitPlan(
  g: OnnxGraphBuilder, plan: OpPlan, names: readonly string[], typeOf: (i: number) => number, outTypeOf: (o: PlanOutput) => number,
): string[] {
  const ins = names.map((name, i) => {
    const want = ONNX_TYPE[plan.inputs[i]!.compute.name];
    return want === typeOf(i) ? name : g.addNode('Cast', [name], [g.uniqueName(`in${i}_cast`)], { to: { i: want } })[0]!;
  });
  return plan.build(g, ins).map((o, i) => {
    const spec = plan.outputs[i]!;
    const outType = outTypeOf(spec);
    return ONNX_TYPE[spec.compute.name] === outType ? o : g.addNode('Cast', [o], [g.uniqueName(`out${i}_cast`)], { to: { i: outType } })[0]!;
  });
}

/** Observes kernel calls (the tracer of `compile`); see `setKernelObserver`. */
export interface KernelObserver {
  /** A kernel ran as `plan` on the views `fed`, producing `results`. */
  planned(kernel: string, plan: OpPlan, fed: readonly Fed[], results: readonly KernelResult<HostArray>[]): void;
  /** A kernel ran on the reference code (no graph form). */
  unplanned(kernel: string, args: KernelArgs<HostArray>, results: readonly KernelResult<HostArray>[]): void;
  /** A kernel is about to run on the reference code (an in-place write: its target's old value is still there). */
  beforeUnplanned?(kernel: string, args: KernelArgs<HostArray>): void;
}

let observer: KernelObserver | null = null;

/** @internal Installs (or removes) the observer of kernel calls; returns the previous one. */
export function setKernelObserver(o: KernelObserver | null): KernelObserver | null {
  const prev = observer;
  observer = o;
  return prev;
}

const asList = (r: KernelResult<HostArray> | KernelResult<HostArray>[] | void): KernelResult<HostArray>[] => (!r ? [] : Array.isArray(r) ? r : [r]);

function signature(kernel: string, plan: OpPlan, fed: readonly Fed[]): string {
  const ins = fed.map((f, i) => `${f.info.dtype.name}>${plan.inputs[i]!.compute.name}:${f.shape.map((d) => (d === 1 ? '1' : 'n')).join('x')}`);
  const outs = plan.outputs.map((o) => `${o.compute.name}>${o.dtype.name}`);
  return `${kernel}(${ins.join(',')})->(${outs.join(',')})[${plan.key}]`;
}

function buildModel(kernel: string, plan: OpPlan, fed: readonly Fed[]): Uint8Array {
  const g = new OnnxGraphBuilder({ name: kernel });
  const names = fed.map((f, i) =>
    // Dims of size 1 stay literal (they drive broadcasting); the others are symbolic, so one
    // session serves every shape of the same rank.
    g.addInput(`in${i}`, boundaryOf(f.info.dtype).onnxType, f.shape.map((d, j) => (d === 1 ? 1 : `in${i}_d${j}`))),
  );
  const outs = emitPlan(g, plan, names, (i) => boundaryOf(fed[i]!.info.dtype).onnxType, (o) => boundaryOf(o.dtype).onnxType);
  outs.forEach((v, i) => {
    const spec = plan.outputs[i]!;
    const outType = boundaryOf(spec.dtype).onnxType;
    g.addNode('Identity', [v], [`out${i}`]);
    g.addOutput(`out${i}`, outType, Array.from({ length: spec.rank }, (_, j) => `out${i}_d${j}`));
  });
  return g.toBytes();
}

/** Runs `kernel` on the reference implementation, directly on this backend's host buffers. */
export function runReference(kernel: string, args: KernelArgs<HostArray>): KernelResult<HostArray> | KernelResult<HostArray>[] | void {
  const f = getKernel(kernel, REFERENCE_BACKEND);
  if (!f) throw new Error(`kernel '${kernel}' is implemented by neither '${ONNXRUNTIME}' nor the reference backend`);
  const infos = Object.values(args.inputs).flatMap((v) => (v == null ? [] : Array.isArray(v) ? v : [v])) as TensorInfo<HostArray>[];
  for (const t of infos) checkNotStale(t.storage);
  const dtypes = infos.map((t) => t.dtype.name);
  noteReference(kernel, dtypes[0] ?? 'none');
  observer?.beforeUnplanned?.(kernel, args);
  const r = f({ ...args, backend: getBackend(REFERENCE_BACKEND) }) as KernelResult<HostArray> | KernelResult<HostArray>[] | void;
  observer?.unplanned(kernel, args, asList(r));
  return r;
}

/**
 * Compacting stride-0 dims to 1 must not shrink the broadcast result: where no input keeps a
 * dim of `outShape` at full size (all were expanded there), the first one is fed uncompacted.
 */
function keepOutShape(plan: OpPlan, fed: Fed[], outShape: readonly number[]): void {
  const nd = outShape.length;
  for (let j = 0; j < nd; j++) {
    const want = outShape[j]!;
    if (want === 1) continue;
    const dimOf = (shape: readonly number[]): number => shape[shape.length - nd + j] ?? 1;
    if (fed.some((f) => dimOf(f.shape) === want)) continue;
    const k = plan.inputs.findIndex((p) => dimOf(p.info.shape) === want);
    if (k < 0) throw new Error(`internal error: no input spans dim ${j} of [${outShape.join(', ')}]`);
    const orig = plan.inputs[k]!.info;
    const at = orig.shape.length - nd + j;
    const shape = fed[k]!.shape.map((d, i) => (i === at ? orig.shape[i]! : d));
    fed[k] = { info: { ...fed[k]!.info, shape }, shape };
  }
}

/**
 * Runs a plan; returns null when onnxruntime has no CPU kernel for this signature.
 * Empty inputs never reach onnxruntime (the reference handles them in no time).
 */
export function runPlan(kernel: string, plan: OpPlan): KernelResult<HostArray>[] | null {
  const fed = feedPlan(plan);
  const r = runFed(kernel, plan, fed);
  if (r && observer) observer.planned(kernel, plan, fed, r);
  return r;
}

/** The views a plan feeds (compacted where it broadcasts). */
function feedPlan(plan: OpPlan): Fed[] {
  const fed: Fed[] = plan.inputs.map((p) => {
    const info = p.compact ? compactBroadcast(p.info) : p.info;
    return { info, shape: info.shape };
  });
  if (plan.outShape) keepOutShape(plan, fed, plan.outShape);
  return fed;
}

function runFed(kernel: string, plan: OpPlan, fed: readonly Fed[]): KernelResult<HostArray>[] | null {
  if (fed.some((f) => numelOf(f.shape) === 0)) return null;
  const key = signature(kernel, plan, fed);
  const session = getSession(key, () => buildModel(kernel, plan, fed), plan.heavy === true);
  if (!session) return null;
  const feeds: Record<string, OrtValue> = {};
  fed.forEach((f, i) => {
    checkNotStale(f.info.storage);
    feeds[`in${i}`] = boundaryFeed(f.info.dtype, f.shape, denseData(f.info));
  });
  let out: Record<string, OrtValue>;
  try {
    out = session.run(feeds);
  } catch (e) {
    throw new OrtRunError(key, e);
  }
  noteNative(kernel, plan.inputs[0]?.info.dtype.name ?? 'none');
  return plan.outputs.map((spec, i) => {
    const v = out[`out${i}`];
    if (!v) throw new Error(`internal error: onnxruntime returned no 'out${i}' for ${key}`);
    if (v.dims.length !== spec.rank) {
      throw new Error(`internal error: ${key} output ${i} has rank ${v.dims.length}, the plan declared ${spec.rank}`);
    }
    if (i === 0 && plan.outShape && v.dims.join(',') !== plan.outShape.join(',')) {
      throw new Error(`internal error: ${key} produced [${v.dims.join(', ')}], expected [${plan.outShape.join(', ')}]`);
    }
    return { storage: fromBoundaryData(spec.dtype, v.data), dtype: spec.dtype, shape: [...v.dims] };
  });
}

/** onnxruntime failed while running a cached session (e.g. an index out of range). */
export class OrtRunError extends Error {
  constructor(key: string, override readonly cause: unknown) {
    super(`onnxruntime failed running ${key}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'OrtRunError';
  }
}

/**
 * A kernel registration: runs the plan on onnxruntime, or the reference implementation when the
 * planner returns null or onnxruntime has no kernel for the signature.
 */
export function planKernel(kernelName: string, planner: Planner): KernelConfig<HostArray> {
  return {
    kernelName,
    backendName: ONNXRUNTIME,
    kernelFunc: (args) => {
      const plan = planner(args);
      let r: KernelResult<HostArray>[] | null = null;
      try {
        r = plan ? runPlan(kernelName, plan) : null;
      } catch (e) {
        if (!(e instanceof OrtRunError)) throw e;
        // Bad input (an index out of range, …): the reference raises PyTorch's error for it. If
        // it does not, the two implementations disagree, which must not pass silently.
        runReference(kernelName, args);
        throw e;
      }
      if (r) return r.length === 1 ? r[0]! : r;
      return runReference(kernelName, args);
    },
  };
}
