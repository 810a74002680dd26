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

function infos(args: KernelArgs<TfjsBuffer>): TensorInfo<TfjsBuffer>[] {
  const r: TensorInfo<TfjsBuffer>[] = [];
  for (const v of Object.values(args.inputs)) {
    if (v == null) continue;
    if (Array.isArray(v)) r.push(...(v as readonly TensorInfo<TfjsBuffer>[]));
    else r.push(v as TensorInfo<TfjsBuffer>);
  }
  return r;
}

function makeArgs(args: KernelArgs<TfjsBuffer>): TfKernelArgs {
  const info = (name: string): TensorInfo<TfjsBuffer> => {
    const t = args.inputs[name];
    if (t == null || Array.isArray(t)) throw new Error(`tfjs kernel: input '${name}' must be a tensor`);
    return t as TensorInfo<TfjsBuffer>;
  };
  return {
    args,
    backend: args.backend as TfjsBackend,
    attrs: args.attrs,
    info,
    x: (name, opts) => materialize(info(name), opts),
    memo: new Map(),
  };
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
      if (ins.some((i) => i.storage.host !== null) || (outDtype && isHostDtype(outDtype))) {
        return runOnReference(def.name, args, 'dtype');
      }
      const k = makeArgs(args);
      if (def.supports && !def.supports(k)) return runOnReference(def.name, args, 'dtype');
      const backend = k.backend;
      backend.activate();
      if (def.int64Bound && producesInt64(k, ins) && !(def.int64Bound(k, maxAbsOf(k)) <= INT32_MAX)) {
        return runOnReference(def.name, args, 'int64');
      }
      const metas: { dtype: DType; shape: number[] }[] = [];
      const own = new Set<tf.Tensor>();
      for (const i of ins) if (i.storage.tensor) own.add(i.storage.tensor);
      const outs = tf.tidy(() => {
        const r = def.run(k);
        if (!r) return [] as tf.Tensor[];
        const list = Array.isArray(r) ? r : [r];
        return list.map((o) => {
          metas.push({ dtype: o.dtype, shape: o.t.shape });
          const t = o.t.dtype === tfDtype(o.dtype) ? o.t : tf.cast(o.t, tfDtype(o.dtype));
          // Buffers keep the result's shape (no reshape on the next use); an input's own tensor
          // object is never shared by two buffers (disposing one would free the other).
          return own.has(t) ? tf.clone(t) : t;
        });
      });
      if (outs.length === 0) return;
      return outs.map((t, i): KernelResult<TfjsBuffer> => ({
        storage: new TfjsBuffer(t, null, t.size),
        dtype: metas[i]!.dtype,
        shape: metas[i]!.shape,
      }));
    },
  };
}
