/** Convolution helpers for the tfjs kernels: NCHW ↔ NHWC, group splitting, attribute pairs. */
import * as tf from '@tensorflow/tfjs';

/** A `[h, w]` attribute. */
export function pair(attrs: Readonly<Record<string, unknown>>, name: string): [number, number] {
  const v = attrs[name] as readonly number[] | number;
  return typeof v === 'number' ? [v, v] : [v[0]!, v[1]!];
}

/** NCHW → NHWC. */
export const toNHWC = (t: tf.Tensor): tf.Tensor4D => tf.transpose(t, [0, 2, 3, 1]) as tf.Tensor4D;
/** NHWC → NCHW. */
export const toNCHW = (t: tf.Tensor): tf.Tensor4D => tf.transpose(t, [0, 3, 1, 2]) as tf.Tensor4D;

/** Zero padding of the two spatial axes of an NHWC tensor (before, after per axis). */
export function padHW(t: tf.Tensor4D, top: number, bottom: number, left: number, right: number): tf.Tensor4D {
  if (top === 0 && bottom === 0 && left === 0 && right === 0) return t;
  return tf.pad(t, [[0, 0], [top, bottom], [left, right], [0, 0]]);
}

/**
 * tf.conv2d with 'valid' padding on an NHWC input; tfjs refuses stride and dilation both above
 * 1, so that case runs at stride 1 and keeps every stride-th output.
 */
export function conv2dValid(x: tf.Tensor4D, f: tf.Tensor4D, s: [number, number], d: [number, number]): tf.Tensor4D {
  if ((s[0] > 1 || s[1] > 1) && (d[0] > 1 || d[1] > 1)) {
    const full = tf.conv2d(x, f, 1, 'valid', 'NHWC', d);
    const [n, h, w, c] = full.shape;
    return tf.stridedSlice(full, [0, 0, 0, 0], [n, h, w, c], [1, s[0], s[1], 1]) as tf.Tensor4D;
  }
  return tf.conv2d(x, f, s, 'valid', 'NHWC', d);
}

/** Splits `t` into `groups` equal parts along `axis` (a single part when groups is 1). */
export function splitGroups(t: tf.Tensor, groups: number, axis: number): tf.Tensor[] {
  return groups === 1 ? [t] : tf.split(t, groups, axis);
}
