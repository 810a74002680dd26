/**
 * Conversions between JavaScript numbers and core's canonical host arrays, with NumPy's
 * `astype` (C cast) rules: floats truncate toward zero into integers, integers wrap, anything
 * non-zero is `True`.
 */
import { allocHostArray, bfloat16ToFloat, floatToBfloat16, floatToHalf, halfToFloat, type DTypeName, type HostArray } from '@nncompat/core';

/** Element values of a canonical host array as numbers (float16/bfloat16 bits decoded). */
export function hostToNumbers(data: HostArray, dtype: DTypeName): Float64Array {
  const out = new Float64Array(data.length);
  if (dtype === 'float16') for (let i = 0; i < data.length; i++) out[i] = halfToFloat(data[i]!);
  else if (dtype === 'bfloat16') for (let i = 0; i < data.length; i++) out[i] = bfloat16ToFloat(data[i]!);
  else out.set(data);
  return out;
}

/** Numbers into the canonical host array of `dtype`, cast as NumPy's `astype` does. */
export function numbersToHost(values: ArrayLike<number>, dtype: DTypeName): HostArray {
  const n = values.length;
  const out = allocHostArray(dtype, n);
  switch (dtype) {
    case 'float16': for (let i = 0; i < n; i++) out[i] = floatToHalf(values[i]!); break;
    case 'bfloat16': for (let i = 0; i < n; i++) out[i] = floatToBfloat16(values[i]!); break;
    case 'bool': for (let i = 0; i < n; i++) out[i] = values[i] !== 0 ? 1 : 0; break;
    case 'float32': case 'float64': for (let i = 0; i < n; i++) out[i] = values[i]!; break;
    case 'int64': for (let i = 0; i < n; i++) out[i] = Number.isFinite(values[i]!) ? Math.trunc(values[i]!) : 0; break;
    default:
      // Typed-array stores of integer kinds truncate and wrap modulo 2^bits, as a C cast does.
      for (let i = 0; i < n; i++) out[i] = Number.isFinite(values[i]!) ? Math.trunc(values[i]!) : 0;
  }
  return out;
}

/** Converts a host array of one dtype into another (a copy, even for the same dtype). */
export function castHost(data: HostArray, from: DTypeName, to: DTypeName): HostArray {
  if (from === to) return data.slice();
  return numbersToHost(hostToNumbers(data, from), to);
}
