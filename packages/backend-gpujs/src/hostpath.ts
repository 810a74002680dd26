/**
 * Calls of native kernels that gpu.js cannot run exactly go to the reference backend's kernel
 * directly: both backends hold canonical host arrays, so no copy is needed (16-bit float
 * buffers excepted: the reference caches their decoded values per buffer, and gpujs writes
 * buffers in place, so those get a fresh copy).
 */
import { getBackend, getKernel, RuntimeError, type HostArray, type KernelArgs, type KernelResult, type TensorInfo } from '@nncompat/core';

/**
 * Why a call ran on the reference backend: `dtype` (gpu.js is float32-only), `empty` (no
 * elements), `size` (an index space beyond 2^23, where float32 index arithmetic stops being
 * exact).
 */
export type ReferenceReason = 'dtype' | 'empty' | 'size';

/** Per backend name, per kernel: the reasons calls ran on the reference backend. */
export const referenceRuns = new Map<string, Map<string, Set<ReferenceReason>>>();

function note(backend: string, kernel: string, reason: ReferenceReason): void {
  let b = referenceRuns.get(backend);
  if (!b) referenceRuns.set(backend, (b = new Map()));
  let s = b.get(kernel);
  if (!s) b.set(kernel, (s = new Set()));
  s.add(reason);
}

const is16 = (i: TensorInfo): boolean => i.dtype.name === 'float16' || i.dtype.name === 'bfloat16';

/** Runs kernel `name` of the reference backend on gpujs buffers. */
export function runOnReference(
  name: string,
  args: KernelArgs<HostArray>,
  reason: ReferenceReason,
): KernelResult<HostArray> | KernelResult<HostArray>[] | void {
  note(args.backend.name, name, reason);
  const kernel = getKernel(name, 'reference');
  if (!kernel) throw new RuntimeError(`kernel '${name}' is not implemented by the reference backend`);
  const buffers = new Set<ArrayBufferLike>();
  const toRef = (i: TensorInfo<HostArray>): TensorInfo<HostArray> => {
    buffers.add(i.storage.buffer);
    return is16(i) ? { ...i, storage: i.storage.slice() as HostArray } : i;
  };
  const inputs: Record<string, TensorInfo<HostArray> | TensorInfo<HostArray>[] | null> = {};
  for (const [k, v] of Object.entries(args.inputs)) {
    inputs[k] = v == null ? null : Array.isArray(v) ? (v as readonly TensorInfo<HostArray>[]).map(toRef) : toRef(v as TensorInfo<HostArray>);
  }
  const r = kernel({ inputs, attrs: args.attrs, backend: getBackend('reference') }) as KernelResult<HostArray> | KernelResult<HostArray>[] | void;
  if (!r) return;
  // A result must be a fresh buffer: never one that aliases an input's storage.
  const fresh = (o: KernelResult<HostArray>): KernelResult<HostArray> =>
    buffers.has(o.storage.buffer) ? { ...o, storage: o.storage.slice() as HostArray } : o;
  return Array.isArray(r) ? r.map(fresh) : fresh(r);
}
