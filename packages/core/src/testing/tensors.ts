/** Builds tensors from fixture JSON (including non-contiguous views) and reads them back as numbers. */
import { allocHostArray, bfloat16ToFloat, type DTypeName, halfToFloat, Tensor, toDType } from '../index.js';
import type { JsonNum, ValueJson, ViewJson } from './fixtures.js';

/** A fixture number as a JS number ("nan"/"inf"/"-inf" decoded). */
export function jsonNum(v: JsonNum | boolean): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v;
}

/**
 * A contiguous tensor holding fixture values in `dtype`'s canonical layout (16-bit floats as bits).
 *
 * @example
 * fromJsonData({ dtype: 'float32', shape: [2], data: [1, 'nan'] });
 */
export function fromJsonData(v: { dtype: DTypeName; shape: readonly number[]; data: readonly JsonNum[] }): Tensor {
  const host = allocHostArray(v.dtype, v.data.length);
  for (let i = 0; i < v.data.length; i++) host[i] = jsonNum(v.data[i]!);
  return Tensor.fromHost(host, v.shape, v.dtype);
}

/**
 * The tensor a fixture view describes: its storage as a 1-D tensor, viewed with `as_strided`, so
 * transposed, stepped, expanded and offset inputs keep PyTorch's exact strides. With
 * `requiresGrad` (or the view's `rg` flag) the result is a leaf that requires grad.
 *
 * @example
 * const x = fromJsonView({ dtype: 'float64', shape: [2, 2], strides: [1, 2], offset: 0, storage: [1, 2, 3, 4] });
 * x.is_contiguous(); // false
 */
export function fromJsonView(v: ViewJson, requiresGrad = v.rg ?? false): Tensor {
  const base = fromJsonData({ dtype: v.dtype, shape: [v.storage.length], data: v.storage });
  const t = base.as_strided(v.shape, v.strides, v.offset).detach();
  if (requiresGrad) t.requires_grad_(true);
  return t;
}

/**
 * A tensor's values as plain numbers in logical (row-major) order: 16-bit floats decoded, bool as 0/1.
 *
 * @example
 * toNumbers(x.t()); // the transposed values, row by row
 */
export function toNumbers(t: Tensor): number[] {
  const data = t.dataSync();
  const name = t.dtype.name;
  if (name === 'float16') return Array.from(data, halfToFloat);
  if (name === 'bfloat16') return Array.from(data, bfloat16ToFloat);
  return Array.from(data);
}

/** Fixture values decoded to numbers (16-bit floats from their bits). */
export function jsonValues(v: ValueJson): number[] {
  const d = toDType(v.dtype);
  const nums = v.data.map(jsonNum);
  if (d.name === 'float16') return nums.map(halfToFloat);
  if (d.name === 'bfloat16') return nums.map(bfloat16ToFloat);
  return nums;
}
