/**
 * Turns a gpu.js kernel definition into a KernelConfig: float32 calls run as gpu.js kernels on
 * the backend's cached compiled kernels; calls gpu.js cannot run exactly (other dtypes, empty
 * tensors, index spaces beyond 2^23) run on the reference backend.
 */
import type { HostArray, KernelArgs, KernelConfig, KernelResult, TensorInfo } from '@nncompat/core';
import type { GpujsBackend } from './backend.js';
import { MAX_INDEX } from './codegen.js';
import { runOnReference, type ReferenceReason } from './hostpath.js';
import { spanOf } from './view.js';

/** What a definition's `run` receives. */
export interface GpuKernelArgs {
  readonly backend: GpujsBackend;
  readonly attrs: Readonly<Record<string, unknown>>;
  /** The named (float32) input. */
  info(name: string): TensorInfo<HostArray>;
  /** The named optional input, or null. */
  optional(name: string): TensorInfo<HostArray> | null;
}

/** A result, or the reason this call must run on the reference backend instead. */
export type GpuKernelOut = KernelResult<HostArray> | KernelResult<HostArray>[] | ReferenceReason;

/** A kernel implemented with gpu.js kernels. */
export interface GpuKernelDef {
  readonly name: string;
  run(k: GpuKernelArgs): GpuKernelOut;
}

// The checks below run on every op, so they walk the inputs in place (no intermediate arrays)
// and the per-call arguments are one small object rather than a set of closures.

/** Why one input keeps this call off gpu.js, or null. */
function tensorReason(i: TensorInfo<HostArray>): ReferenceReason | null {
  if (i.dtype.name !== 'float32') return 'dtype';
  const span = spanOf(i.shape, i.strides);
  if (span === 0) return 'empty';
  return span > MAX_INDEX ? 'size' : null;
}

/** Why the inputs themselves keep this call off gpu.js, or null when they do not. */
function inputReason(args: KernelArgs<HostArray>): ReferenceReason | null {
  const out = args.attrs['dtype'] as { name: string } | undefined;
  if (out && out.name !== 'float32') return 'dtype';
  // dtype first across all inputs, then sizes (the order the reasons are reported in).
  let sizeReason: ReferenceReason | null = null;
  const inputs = args.inputs;
  for (const key in inputs) {
    const v = inputs[key];
    if (v == null) continue;
    if (!Array.isArray(v)) {
      const r = tensorReason(v as TensorInfo<HostArray>);
      if (r === 'dtype') return r;
      sizeReason ??= r;
      continue;
    }
    for (const i of v as readonly TensorInfo<HostArray>[]) {
      const r = tensorReason(i);
      if (r === 'dtype') return r;
      sizeReason ??= r;
    }
  }
  return sizeReason;
}

/** GpuKernelArgs of one call. */
class CallArgs implements GpuKernelArgs {
  readonly backend: GpujsBackend;
  readonly attrs: Readonly<Record<string, unknown>>;

  constructor(private readonly args: KernelArgs<HostArray>, private readonly kernel: string) {
    this.backend = args.backend as GpujsBackend;
    this.attrs = args.attrs;
  }

  optional(name: string): TensorInfo<HostArray> | null {
    const t = this.args.inputs[name];
    if (t != null && Array.isArray(t)) throw new Error(`gpujs kernel ${this.kernel}: input '${name}' must be a tensor`);
    return (t as TensorInfo<HostArray> | null | undefined) ?? null;
  }

  info(name: string): TensorInfo<HostArray> {
    const t = this.optional(name);
    if (!t) throw new Error(`gpujs kernel ${this.kernel}: missing input '${name}'`);
    return t;
  }
}

/** The KernelConfig registering `def` on backend `backendName`. */
export function toConfig(def: GpuKernelDef, backendName: string): KernelConfig<HostArray> {
  return {
    kernelName: def.name,
    backendName,
    kernelFunc: (args) => {
      const pre = inputReason(args);
      if (pre) return runOnReference(def.name, args, pre);
      const r = def.run(new CallArgs(args, def.name));
      return typeof r === 'string' ? runOnReference(def.name, args, r) : r;
    },
  };
}

/** The reason an output of `n` elements cannot be computed natively, or null. */
export function outputReason(n: number): ReferenceReason | null {
  if (n === 0) return 'empty';
  if (n > MAX_INDEX) return 'size';
  return null;
}
