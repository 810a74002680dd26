/**
 * ConvTranspose2D on tfjs (PyTorch's conv_transpose2d, weight [C_in, C_out/g, kh, kw]): per group,
 * tf.conv2dTranspose at 'valid' padding onto the full (h-1)·s + dilated-kernel extent, then the
 * padding is cropped and output padding added. Dilation is applied by spreading the kernel taps
 * with zeros (tfjs's transpose convolution has no dilation). float32 only.
 *
 * At stride 1 (what conv2d's input gradient runs for stride-1 convolutions) it is instead a plain
 * convolution of the input padded by d·(k-1) - p with the spatially flipped filter: tfjs's wasm
 * conv2d runs on XNNPACK, its conv2dTranspose does not (a CNN's input gradient: 72 → ~10 ms).
 */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import type { TfKernelDef } from '../kernel.js';
import { float32Only } from './common.js';
import { conv2dValid, padHW, pair, splitGroups, toNCHW, toNHWC } from './conv.impl.js';

/** A [kh, kw, o, i] filter with zeros inserted between taps (dilation). */
function dilateFilter(f: tf.Tensor4D, dh: number, dw: number): tf.Tensor4D {
  if (dh === 1 && dw === 1) return f;
  const [kh, kw, o, i] = f.shape;
  const spread = tf.pad(f.reshape([kh, 1, kw, 1, o, i]), [[0, 0], [0, dh - 1], [0, 0], [0, dw - 1], [0, 0], [0, 0]]);
  return tf.slice(spread.reshape([kh * dh, kw * dw, o, i]), [0, 0, 0, 0], [(kh - 1) * dh + 1, (kw - 1) * dw + 1, o, i]) as tf.Tensor4D;
}

/** The ConvTranspose2D kernel definition. */
export const ConvTranspose2DDef: TfKernelDef = {
  name: K.ConvTranspose2D,
  supports: (k) => float32Only(k),
  run(k) {
    const info = k.info('x');
    const [n, , h, w] = info.shape as [number, number, number, number];
    const [, coutG, kh, kw] = k.info('weight').shape as [number, number, number, number];
    const [sh, sw] = pair(k.attrs, 'stride');
    const [ph, pw] = pair(k.attrs, 'padding');
    const [dh, dw] = pair(k.attrs, 'dilation');
    const [oph, opw] = pair(k.attrs, 'outputPadding');
    const groups = Number(k.attrs['groups'] ?? 1);
    const khd = (kh - 1) * dh + 1;
    const kwd = (kw - 1) * dw + 1;
    const fullH = (h - 1) * sh + khd;
    const fullW = (w - 1) * sw + kwd;
    const outH = fullH - 2 * ph + oph;
    const outW = fullW - 2 * pw + opw;
    const x = toNHWC(k.x('x'));
    const padH = dh * (kh - 1) - ph;
    const padW = dw * (kw - 1) - pw;
    if (sh === 1 && sw === 1 && oph === 0 && opw === 0 && padH >= 0 && padW >= 0) {
      // [C_in, C_out/g, kh, kw] → [kh, kw, C_in, C_out/g], taps flipped: a conv2d filter.
      const f = tf.reverse(tf.transpose(k.x('weight'), [2, 3, 0, 1]), [0, 1]) as tf.Tensor4D;
      const xs = splitGroups(padHW(x, padH, padH, padW, padW), groups, 3);
      const fs = splitGroups(f, groups, 2);
      const parts = xs.map((xg, g) => conv2dValid(xg as tf.Tensor4D, fs[g] as tf.Tensor4D, [1, 1], [dh, dw]));
      let y = parts.length === 1 ? parts[0]! : (tf.concat(parts, 3) as tf.Tensor4D);
      if (k.args.inputs['bias']) y = tf.add(y, k.x('bias').reshape([1, 1, 1, coutG * groups]));
      return { t: toNCHW(y), dtype: info.dtype };
    }
    // [C_in, C_out/g, kh, kw] → [kh, kw, C_out/g, C_in]: tfjs's [h, w, out, in] filter layout.
    const f = dilateFilter(tf.transpose(k.x('weight'), [2, 3, 1, 0]) as tf.Tensor4D, dh, dw);
    const xs = splitGroups(x, groups, 3);
    const fs = splitGroups(f, groups, 3);
    const parts = xs.map((xg, g) =>
      tf.conv2dTranspose(xg as tf.Tensor4D, fs[g] as tf.Tensor4D, [n, fullH, fullW, coutG], [sh, sw], 'valid'),
    );
    let y = parts.length === 1 ? parts[0]! : (tf.concat(parts, 3) as tf.Tensor4D);
    const extraH = Math.max(0, ph + outH - fullH);
    const extraW = Math.max(0, pw + outW - fullW);
    if (extraH > 0 || extraW > 0) y = tf.pad(y, [[0, 0], [0, extraH], [0, extraW], [0, 0]]);
    y = tf.slice(y, [0, ph, pw, 0], [n, outH, outW, coutG * groups]);
    if (k.args.inputs['bias']) y = tf.add(y, k.x('bias').reshape([1, 1, 1, coutG * groups]));
    return { t: toNCHW(y), dtype: info.dtype };
  },
};
