/**
 * Runs one kernel call on the reference backend and brings the results back: for dtypes tfjs
 * cannot hold exactly (float64, float16, bfloat16, int64 beyond int32) and for calls whose
 * int64 result could leave the int32 range. Whole buffers are copied in and out.
 */
import { getBackend, getKernel, RuntimeError, type DType, type HostArray, type KernelArgs, type KernelResult, type TensorInfo } from '@nncompat/core';
import type { TfjsBackend } from './backend.js';
import type { TfjsBuffer } from './buffer.js';

/** Why a call left tfjs: recorded per backend for `kernelCoverage()`. */
export type HostReason = 'dtype' | 'int64';

/** Kernel names (per tfjs backend) that ran on the reference backend, with the reason. */
export const hostRuns = new Map<string, Map<string, Set<HostReason>>>();

function note(backend: string, kernel: string, reason: HostReason): void {
  let b = hostRuns.get(backend);
  if (!b) hostRuns.set(backend, (b = new Map()));
  let s = b.get(kernel);
  if (!s) b.set(kernel, (s = new Set()));
  s.add(reason);
}

/** Runs `name` on the reference backend for tfjs buffers; Assign writes back into its holder. */
export function runOnReference(name: string, args: KernelArgs<TfjsBuffer>, reason: HostReason): KernelResult<TfjsBuffer>[] | void {
  const backend = args.backend as TfjsBackend;
  note(backend.name, name, reason);
  const ref = getBackend('reference');
  const kernel = getKernel(name, 'reference');
  if (!kernel) throw new RuntimeError(`kernel '${name}' is not implemented by the reference backend`);
  const copies = new Map<TfjsBuffer, HostArray>();
  const toRef = (i: TensorInfo<TfjsBuffer>): TensorInfo => {
    let h = copies.get(i.storage);
    if (!h) copies.set(i.storage, (h = ref.fromHost(backend.read(i.storage, i.dtype), i.dtype) as HostArray));
    return { storage: h, dtype: i.dtype, shape: i.shape, strides: i.strides, offset: i.offset };
  };
  const inputs: Record<string, TensorInfo | TensorInfo[] | null> = {};
  for (const [k, v] of Object.entries(args.inputs)) {
    inputs[k] = v == null ? null : Array.isArray(v) ? (v as readonly TensorInfo<TfjsBuffer>[]).map(toRef) : toRef(v as TensorInfo<TfjsBuffer>);
  }
  const r = kernel({ inputs, attrs: args.attrs, backend: ref });
  if (name === 'Assign') {
    const dst = args.inputs['dst'] as TensorInfo<TfjsBuffer>;
    replaceContents(backend, dst.storage, ref.read((inputs['dst'] as TensorInfo).storage, dst.dtype), dst.dtype);
    return;
  }
  if (!r) return;
  const list = Array.isArray(r) ? r : [r];
  return list.map((o) => ({ storage: backend.fromHost(ref.read(o.storage, o.dtype), o.dtype), dtype: o.dtype, shape: o.shape }));
}

/** Replaces a holder's contents with host values (it may move between tfjs and the host). */
export function replaceContents(backend: TfjsBackend, holder: TfjsBuffer, values: HostArray, dtype: DType): void {
  const fresh = backend.fromHost(values, dtype);
  if (fresh.host) {
    holder.release();
    holder.host = fresh.host;
  } else {
    holder.host = null;
    holder.swap(fresh.tf);
  }
}
