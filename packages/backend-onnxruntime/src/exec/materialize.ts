/**
 * Turns kernel inputs (possibly strided views of host arrays) into dense host data for
 * onnxruntime: dense views are passed as subarrays (no copy), others are gathered by the
 * reference backend's Contiguous kernel.
 */
import { getBackend, getKernel, isDenseView as isDense, numelOf, REFERENCE_BACKEND, type HostArray, type KernelResult, type TensorInfo } from '@nncompat/core';

/** True when the view reads `numel` consecutive elements from its offset (core's `isDenseView`). */
export { isDense };

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

/** True when every value of an index view lies in [0, size): negative or too-large indices go
 * to the reference code, which raises PyTorch's error (onnxruntime would wrap negatives). */
export function indicesInRange(info: TensorInfo<HostArray>, size: number): boolean {
  const d = denseData(info);
  for (let i = 0; i < d.length; i++) {
    const v = d[i]!;
    if (!(v >= 0 && v < size)) return false;
  }
  return true;
}

/** True when a float view holds a NaN (16-bit floats: checked on their raw bits). */
export function hasNaN(info: TensorInfo<HostArray>): boolean {
  const d = denseData(info);
  const n = info.dtype.name;
  if (n === 'float16' || n === 'bfloat16') {
    const expMask = n === 'float16' ? 0x7c00 : 0x7f80;
    const manMask = n === 'float16' ? 0x03ff : 0x007f;
    for (let i = 0; i < d.length; i++) if ((d[i]! & expMask) === expMask && (d[i]! & manMask) !== 0) return true;
    return false;
  }
  for (let i = 0; i < d.length; i++) if (d[i] !== d[i]) return true;
  return false;
}
