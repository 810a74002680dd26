/**
 * Kernel dispatch: finds the kernel for the inputs' backend, falling back to the reference
 * backend (copy in, run, copy out, one warning per kernel and backend) when it is missing.
 */
import { getBackend, getKernel } from '../backend/registry.js';
import type { Backend, KernelResult, TensorInfo } from '../backend/types.js';
import { RuntimeError } from '../errors.js';
import { Storage } from './storage.js';
import type { Tensor } from './tensor.js';
import { trackStorage } from './scope.js';

/** The name of the always-present pure-TypeScript backend. */
export const REFERENCE_BACKEND = 'reference';

const warned = new Set<string>();
/** Kernels that ran through the reference fallback, per backend (for coverage reports). */
export const fallbackLog = new Map<string, Set<string>>();

/** Kernel inputs as tensors: one tensor, a list (Concat), or null for an absent optional input. */
export type KernelTensorInputs = Record<string, Tensor | readonly Tensor[] | null | undefined>;

function info(t: Tensor): TensorInfo {
  return { storage: t._storage.handle, dtype: t.dtype, shape: t.shape, strides: t._strides, offset: t._offset };
}

function backendOf(inputs: KernelTensorInputs): Backend {
  // for…in with no intermediate arrays: this runs on every op.
  let b: Backend | null = null;
  for (const k in inputs) {
    const v = inputs[k];
    if (v == null) continue;
    if (Array.isArray(v)) {
      for (const t of v as readonly Tensor[]) b = sameBackend(b, t._storage.backend);
    } else b = sameBackend(b, (v as Tensor)._storage.backend);
  }
  if (!b) throw new RuntimeError('internal error: kernel called without tensor inputs');
  return b;
}

function sameBackend(b: Backend | null, tb: Backend): Backend {
  if (b && tb !== b) {
    throw new RuntimeError(
      `Expected all tensors to be on the same device, but found at least two devices, ${deviceName(b)} and ${deviceName(tb)}!`,
    );
  }
  return tb;
}

/** Device string of a backend as printed by `tensor.device` (the reference backend is `cpu`). */
export function deviceName(b: Backend): string {
  return b.name === REFERENCE_BACKEND ? 'cpu' : b.name;
}

function toResults(r: KernelResult | KernelResult[] | void): KernelResult[] {
  if (!r) return [];
  return Array.isArray(r) ? r : [r];
}

/** The kernel's view of each input (a list stays a list, absent stays null). */
function mapInputs(inputs: KernelTensorInputs, f: (t: Tensor) => TensorInfo): Record<string, TensorInfo | TensorInfo[] | null> {
  const r: Record<string, TensorInfo | TensorInfo[] | null> = {};
  for (const k in inputs) {
    const v = inputs[k];
    r[k] = v == null ? null : Array.isArray(v) ? (v as readonly Tensor[]).map(f) : f(v as Tensor);
  }
  return r;
}

/** Wraps kernel results into storages on `backend`. */
function wrapResults(backend: Backend, results: KernelResult | KernelResult[] | void): { storage: Storage; shape: readonly number[] }[] {
  // A plain loop (no map closure, no toResults array for the common single result): this runs on every op.
  if (!results) return [];
  if (!Array.isArray(results)) return [wrapOne(backend, results)];
  const out: { storage: Storage; shape: readonly number[] }[] = [];
  for (let i = 0; i < results.length; i++) out.push(wrapOne(backend, results[i]!));
  return out;
}

function wrapOne(backend: Backend, r: KernelResult): { storage: Storage; shape: readonly number[] } {
  const shape = r.shape;
  let n = 1;
  for (let i = 0; i < shape.length; i++) n *= shape[i]!;
  const s = new Storage(backend, r.storage, r.dtype, n);
  trackStorage(s);
  return { storage: s, shape };
}

/**
 * Runs kernel `name` and returns its raw results as (storage, shape) pairs on the inputs' backend.
 * Autograd is not involved here; ops record graph nodes around this.
 */
export function runKernel(
  name: string,
  inputs: KernelTensorInputs,
  attrs: Record<string, unknown> = {},
): { storage: Storage; shape: readonly number[] }[] {
  const backend = backendOf(inputs);
  const kernel = getKernel(name, backend.name);
  if (kernel) return wrapResults(backend, kernel({ inputs: mapInputs(inputs, info), attrs, backend }));
  if (backend.name === REFERENCE_BACKEND) {
    throw new RuntimeError(`kernel '${name}' is not implemented by the reference backend`);
  }
  // Fallback: run on the reference backend and copy the results back.
  const ref = getBackend(REFERENCE_BACKEND);
  const refKernel = getKernel(name, REFERENCE_BACKEND);
  if (!refKernel) throw new RuntimeError(`kernel '${name}' is implemented by neither '${backend.name}' nor the reference backend`);
  const key = `${backend.name}/${name}`;
  if (!warned.has(key)) {
    warned.add(key);
    let s = fallbackLog.get(backend.name);
    if (!s) fallbackLog.set(backend.name, (s = new Set()));
    s.add(name);
    console.warn(`nncompat: kernel '${name}' is not implemented on backend '${backend.name}'; running it on the reference backend (copy in, copy out).`);
  }
  const toRef = (t: Tensor): TensorInfo => {
    const host = backend.read(t._storage.handle, t.dtype);
    return { storage: ref.fromHost(host, t.dtype), dtype: t.dtype, shape: t.shape, strides: t._strides, offset: t._offset };
  };
  const refInputs = mapInputs(inputs, toRef);
  const results = toResults(refKernel({ inputs: refInputs, attrs, backend: ref }));
  if (name === 'Assign') {
    // The in-place kernel wrote into a reference copy of dst: copy the whole buffer back.
    const dst = inputs['dst'] as Tensor;
    const written = ref.read((refInputs['dst'] as TensorInfo).storage, dst.dtype);
    const target = getKernel('WriteHost', backend.name);
    if (!target) throw new RuntimeError(`backend '${backend.name}' cannot take in-place writes: register 'Assign' or 'WriteHost'`);
    target({ inputs: { dst: info(dst) }, attrs: { values: written }, backend });
    return [];
  }
  return wrapResults(
    backend,
    results.map((r) => ({ storage: backend.fromHost(ref.read(r.storage, r.dtype), r.dtype), dtype: r.dtype, shape: r.shape })),
  );
}
