/**
 * Concat on the reference backend: PyTorch's `torch.cat(tensors, axis)`. Inputs share a dtype
 * and all sizes but the axis's; 1-D empty tensors (shape [0]) are skipped, as PyTorch's legacy
 * rule allows. Elements are copied as raw storage bits, one contiguous row at a time.
 */
import type { KernelArgs, KernelConfig, KernelResult, TensorInfo } from '../../../backend/types.js';
import type { HostArray } from '../../../dtype.js';
import { RuntimeError } from '../../../errors.js';
import { Concat } from '../../../kernels/names.js';
import { normalizeDim } from '../../../shape.js';
import { REFERENCE } from '../backend.js';
import { allocLike, denseRaw, splitAxis } from './common.impl.js';

const isLegacyEmpty = (t: TensorInfo): boolean => t.shape.length === 1 && t.shape[0] === 0;

function concat(args: KernelArgs<HostArray>): KernelResult<HostArray> {
  const all = args.inputs['tensors'];
  if (!Array.isArray(all) || all.length === 0) {
    throw new RuntimeError('torch.cat(): expected a non-empty list of Tensors');
  }
  const tensors = all as readonly TensorInfo<HostArray>[];
  const parts = tensors.filter((t) => !isLegacyEmpty(t));
  if (parts.length === 0) return { storage: allocLike(tensors[0]!.storage, 0), dtype: tensors[0]!.dtype, shape: [0] };
  const ref = parts[0]!;
  const axis = normalizeDim(args.attrs['axis'] as number, ref.shape.length);
  const [outer, , inner] = splitAxis(ref.shape, axis);
  let total = 0;
  for (const t of parts) total += t.shape[axis]!;
  const out = allocLike(ref.storage, outer * total * inner);
  const outRow = total * inner;
  let at = 0;
  for (const t of parts) {
    const row = t.shape[axis]! * inner;
    if (row > 0 && outer > 0) {
      const src = denseRaw(t);
      for (let o = 0; o < outer; o++) out.set(src.subarray(o * row, (o + 1) * row), o * outRow + at);
    }
    at += row;
  }
  const shape = ref.shape.map((d, i) => (i === axis ? total : d));
  return { storage: out, dtype: ref.dtype, shape };
}

/** Registration of Concat on the reference backend. */
export const concatConfig: KernelConfig<HostArray> = { kernelName: Concat, backendName: REFERENCE, kernelFunc: concat };
