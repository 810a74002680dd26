/**
 * How core dtypes map onto tfjs's three dtypes (float32, int32, bool). Narrow integers live in
 * int32 and are wrapped back into their range after arithmetic; int64 lives in int32 when its
 * values fit; float64 and the 16-bit floats stay on the host (exactness over speed).
 */
import * as tf from '@tensorflow/tfjs';
import type { DType, DTypeName } from '@nncompat/core';

/** tfjs dtype used for each core dtype, or null when the dtype is held on the host. */
export const TF_DTYPE: Readonly<Record<DTypeName, 'float32' | 'int32' | 'bool' | null>> = Object.freeze({
  float32: 'float32',
  int32: 'int32',
  int16: 'int32',
  int8: 'int32',
  uint8: 'int32',
  int64: 'int32',
  bool: 'bool',
  float64: null,
  float16: null,
  bfloat16: null,
});

/** True when buffers of `d` are always host arrays (their kernels run on the reference backend). */
export function isHostDtype(d: DType): boolean {
  return TF_DTYPE[d.name] === null;
}

/** The tfjs dtype of `d` (throws for host-held dtypes). */
export function tfDtype(d: DType): 'float32' | 'int32' | 'bool' {
  const t = TF_DTYPE[d.name];
  if (t === null) throw new Error(`internal error: dtype ${d.name} has no tfjs representation`);
  return t;
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** True when every value of an int64 host array fits in int32. */
export function fitsInt32(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < INT32_MIN || v > INT32_MAX) return false;
  }
  return true;
}

/**
 * Wraps int32 values into the range of a narrow integer dtype, as C casts and PyTorch's
 * int8/uint8/int16 arithmetic do (two's complement). Identity for other dtypes.
 */
export function wrapNarrow(t: tf.Tensor, d: DType): tf.Tensor {
  switch (d.name) {
    case 'uint8':
      return tf.mod(t, 256);
    case 'int8':
      return tf.sub(tf.mod(tf.add(t, 128), 256), 128);
    case 'int16':
      return tf.sub(tf.mod(tf.add(t, 32768), 65536), 32768);
    default:
      return t;
  }
}
