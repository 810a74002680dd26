/**
 * Turns kernel inputs (possibly strided views of host arrays) into dense host data for
 * onnxruntime: dense views are passed as subarrays (no copy), others are gathered by the
 * reference backend's Contiguous kernel.
 */
import { getBackend, getKernel, numelOf, REFERENCE_BACKEND, type HostArray, type KernelResult, type TensorInfo } from '@nncompat/core';

/** True when the view reads `numel` consecutive elements from its offset. */
export function isDense(info: TensorInfo): boolean {
  let expected = 1;
  for (let i = info.shape.length - 1; i >= 0; i--) {
    const d = info.shape[i]!;
    if (d === 0) return true;
    if (d !== 1) {
      if (info.strides[i] !== expected) return false;
      expected *= d;
    }
  }
  return true;
}

/**
 * For broadcasting ops only: dims a view expands with stride 0 become size 1, so the expanded
 * values are never copied; ONNX's numpy-style broadcasting restores them.
 */
export function compactBroadcast(info: TensorInfo<HostArray>): TensorInfo<HostArray> {
  if (!info.strides.some((s, i) => s === 0 && info.shape[i]! > 1)) return info;
  return { ...info, shape: info.shape.map((d, i) => (info.strides[i] === 0 ? 1 : d)) };
}

/** The view's elements as a dense host array in the canonical layout of its dtype. */
export function denseData(info: TensorInfo<HostArray>): HostArray {
  const n = numelOf(info.shape);
  if (isDense(info)) {
    const s = info.storage;
    return info.offset === 0 && s.length === n ? s : (s.subarray(info.offset, info.offset + n) as HostArray);
  }
  const contiguous = getKernel('Contiguous', REFERENCE_BACKEND);
  if (!contiguous) throw new Error("internal error: the reference backend has no 'Contiguous' kernel");
  const r = contiguous({ inputs: { x: info }, attrs: {}, backend: getBackend(REFERENCE_BACKEND) }) as KernelResult<HostArray>;
  return r.storage;
}
