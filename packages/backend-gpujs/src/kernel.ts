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

function tensors(args: KernelArgs<HostArray>): TensorInfo<HostArray>[] {
  const r: TensorInfo<HostArray>[] = [];
  for (const v of Object.values(args.inputs)) {
    if (v == null) continue;
    if (Array.isArray(v)) r.push(...(v as readonly TensorInfo<HostArray>[]));
    else r.push(v as TensorInfo<HostArray>);
  }
  return r;
}

/** Why the inputs themselves keep this call off gpu.js, or null when they do not. */
function inputReason(ins: readonly TensorInfo<HostArray>[], attrs: Readonly<Record<string, unknown>>): ReferenceReason | null {
  const out = attrs['dtype'] as { name: string } | undefined;
  if (out && out.name !== 'float32') return 'dtype';
  for (const i of ins) if (i.dtype.name !== 'float32') return 'dtype';
  for (const i of ins) {
    const span = spanOf(i.shape, i.strides);
    if (span === 0) return 'empty';
    if (span > MAX_INDEX) return 'size';
  }
  return null;
}

/** The KernelConfig registering `def` on backend `backendName`. */
export function toConfig(def: GpuKernelDef, backendName: string): KernelConfig<HostArray> {
  return {
    kernelName: def.name,
    backendName,
    kernelFunc: (args) => {
      const pre = inputReason(tensors(args), args.attrs);
      if (pre) return runOnReference(def.name, args, pre);
      const optional = (name: string): TensorInfo<HostArray> | null => {
        const t = args.inputs[name];
        if (t != null && Array.isArray(t)) throw new Error(`gpujs kernel ${def.name}: input '${name}' must be a tensor`);
        return (t as TensorInfo<HostArray> | null | undefined) ?? null;
      };
      const r = def.run({
        backend: args.backend as GpujsBackend,
        attrs: args.attrs,
        optional,
        info: (name) => {
          const t = optional(name);
          if (!t) throw new Error(`gpujs kernel ${def.name}: missing input '${name}'`);
          return t;
        },
      });
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
