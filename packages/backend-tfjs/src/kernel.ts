/**
 * Turns a tfjs kernel definition into a KernelConfig: activates the tfjs backend, runs the
 * definition inside `tf.tidy` (intermediates freed), flattens the results into fresh buffers,
 * and routes calls tfjs cannot run exactly (host-held dtypes, int64 results that may leave the
 * int32 range, dtypes a definition does not support) to the reference backend.
 */
import * as tf from '@tensorflow/tfjs';
import type { DType, KernelArgs, KernelConfig, KernelResult, TensorInfo } from '@nncompat/core';
import type { TfjsBackend } from './backend.js';
import { TfjsBuffer } from './buffer.js';
import { isHostDtype, tfDtype } from './dtypes.js';
import { runOnReference } from './hostpath.js';
import { materialize, type MaterializeOptions } from './view.js';

/** A kernel output: a tfjs tensor and the core dtype it holds. */
export interface TfOut {
  readonly t: tf.Tensor;
  readonly dtype: DType;
  /**
   * The result's shape when `t` holds it in another shape of the same size (elementwise kernels
   * computed on their inputs' stored tensors as they are, to skip reshapes); default `t.shape`.
   */
  readonly shape?: readonly number[];
}

/** What a definition's `run` receives. */
export interface TfKernelArgs {
  readonly args: KernelArgs<TfjsBuffer>;
  readonly backend: TfjsBackend;
  readonly attrs: Readonly<Record<string, unknown>>;
  /** The named input's info. */
  info(name: string): TensorInfo<TfjsBuffer>;
  /** The named input materialized as a tfjs tensor of its view shape. */
  x(name: string, opts?: MaterializeOptions): tf.Tensor;
  /** Per-call scratch shared by `supports` and `run` (e.g. index values already read). */
  readonly memo: Map<string, unknown>;
}

/** A kernel implemented on tfjs. */
export interface TfKernelDef {
  readonly name: string;
  /** Computes the result(s) (called inside tf.tidy with the backend active). */
  run(k: TfKernelArgs): TfOut | TfOut[] | void;
  /** Input dtypes tfjs runs exactly here; other calls go to the reference backend (default: all). */
  supports?(k: TfKernelArgs): boolean;
  /**
   * For int64 results: an upper bound of |result| from the inputs' max |value| (`maxAbs`);
   * above int32 the call runs on the reference backend (exact int64) instead.
   */
  int64Bound?(k: TfKernelArgs, maxAbs: (name: string) => number): number;
}

const INT32_MAX = 2147483647;

// Per-call work below runs on every op (a 1×4 add spends more here than in tfjs's add), so it
// avoids closures, spread copies and maps it may not need.

function infos(args: KernelArgs<TfjsBuffer>): TensorInfo<TfjsBuffer>[] {
  const r: TensorInfo<TfjsBuffer>[] = [];
  const inputs = args.inputs;
  for (const key in inputs) {
    const v = inputs[key];
    if (v == null) continue;
    if (Array.isArray(v)) for (const t of v as readonly TensorInfo<TfjsBuffer>[]) r.push(t);
    else r.push(v as TensorInfo<TfjsBuffer>);
  }
  return r;
}

/** TfKernelArgs of one call; `memo` is made on first use (most kernels never touch it). */
class CallArgs implements TfKernelArgs {
  readonly backend: TfjsBackend;
  readonly attrs: Readonly<Record<string, unknown>>;
  private memoMap: Map<string, unknown> | null = null;

  constructor(readonly args: KernelArgs<TfjsBuffer>) {
    this.backend = args.backend as TfjsBackend;
    this.attrs = args.attrs;
  }

  info(name: string): TensorInfo<TfjsBuffer> {
    const t = this.args.inputs[name];
    if (t == null || Array.isArray(t)) throw new Error(`tfjs kernel: input '${name}' must be a tensor`);
    return t as TensorInfo<TfjsBuffer>;
  }

  x(name: string, opts?: MaterializeOptions): tf.Tensor {
    return materialize(this.info(name), opts);
  }

  get memo(): Map<string, unknown> {
    return (this.memoMap ??= new Map());
  }
}

/** True when `t` is the tensor of one of the inputs' buffers. */
function isInputTensor(ins: readonly TensorInfo<TfjsBuffer>[], t: tf.Tensor): boolean {
  for (const i of ins) if (i.storage.tensor === t) return true;
  return false;
}

function maxAbsOf(k: TfKernelArgs): (name: string) => number {
  return (name) => {
    const i = k.info(name);
    if (i.shape.reduce((a, b) => a * b, 1) === 0) return 0;
    const m = tf.tidy(() => tf.max(tf.abs(tf.cast(i.storage.tf, 'float32'))));
    const v = m.dataSync()[0]!;
    m.dispose();
    return v;
  };
}

function producesInt64(k: TfKernelArgs, ins: TensorInfo<TfjsBuffer>[]): boolean {
  const d = k.attrs['dtype'] as DType | undefined;
  if (d) return d.name === 'int64';
  return ins.some((i) => i.dtype.name === 'int64');
}

/** The KernelConfig registering `def` on backend `backendName`. */
export function toConfig(def: TfKernelDef, backendName: string): KernelConfig<TfjsBuffer> {
  return {
    kernelName: def.name,
    backendName,
    kernelFunc: (args) => {
      const ins = infos(args);
      const outDtype = args.attrs['dtype'] as DType | undefined;
      let host = outDtype !== undefined && isHostDtype(outDtype);
      for (const i of ins) host ||= i.storage.host !== null;
      if (host) return runOnReference(def.name, args, 'dtype');
      const k = new CallArgs(args);
      if (def.supports && !def.supports(k)) return runOnReference(def.name, args, 'dtype');
      const backend = k.backend;
      backend.activate();
      if (def.int64Bound && producesInt64(k, ins) && !(def.int64Bound(k, maxAbsOf(k)) <= INT32_MAX)) {
        return runOnReference(def.name, args, 'int64');
      }
      const results: KernelResult<TfjsBuffer>[] = [];
      const finish = (o: TfOut): tf.Tensor => {
        let t = o.t.dtype === tfDtype(o.dtype) ? o.t : tf.cast(o.t, tfDtype(o.dtype));
        // Buffers keep the result's shape (no reshape on the next use); an input's own tensor
        // object is never shared by two buffers (disposing one would free the other).
        if (isInputTensor(ins, t)) t = tf.clone(t);
        results.push({ storage: new TfjsBuffer(t, null, t.size), dtype: o.dtype, shape: (o.shape ?? o.t.shape) as number[] });
        return t;
      };
      tf.tidy(() => {
        const r = def.run(k);
        if (!r) return undefined;
        return Array.isArray(r) ? r.map(finish) : finish(r);
      });
      if (results.length === 0) return;
      return results;
    },
  };
}
