/**
 * ConvTranspose2D on the reference backend (PyTorch's `conv_transpose2d`, weight
 * `[C_in, C_out/g, kh, kw]`): per image and group, one `gemm` with the transposed filters gives
 * the column matrix, which col2im scatters onto the (larger) output image. Groups of fewer than
 * 4 input channels (depthwise) use a direct scatter loop instead, where `gemm` would idle.
 */
import type { KernelArgs, KernelConfig, KernelResult } from '../../../backend/types.js';
import type { HostArray } from '../../../dtype.js';
import { ConvTranspose2D } from '../../../kernels/names.js';
import { REFERENCE } from '../backend.js';
import { gatherDense } from '../strided.js';
import { fromFloat64, input, optionalInput } from './common.impl.js';
import { addBias, col2im, directConvTransposePlane, groupsOf, pair, type ConvGeometry } from './conv.impl.js';
import { gemm } from './gemm.impl.js';

function convTranspose2d(args: KernelArgs<HostArray>): KernelResult<HostArray> {
  const x = input(args, 'x');
  const weight = input(args, 'weight');
  const bias = optionalInput(args, 'bias');
  const [n, cin, h, w] = x.shape as [number, number, number, number];
  const [, coutG, kh, kw] = weight.shape as [number, number, number, number];
  const [sh, sw] = pair(args.attrs, 'stride');
  const [ph, pw] = pair(args.attrs, 'padding');
  const [dh, dw] = pair(args.attrs, 'dilation');
  const [oph, opw] = pair(args.attrs, 'outputPadding');
  const groups = groupsOf(args.attrs, cin);
  const cinG = cin / groups;
  const cout = coutG * groups;
  const outH = (h - 1) * sh - 2 * ph + dh * (kh - 1) + oph + 1;
  const outW = (w - 1) * sw - 2 * pw + dw * (kw - 1) + opw + 1;
  // The transposed convolution is the adjoint of a convolution from the outH×outW image to h×w.
  const geo: ConvGeometry = { h: outH, w: outW, kh, kw, oh: h, ow: w, sh, sw, ph, pw, dh, dw };
  const p = h * w;
  const rows = coutG * kh * kw;
  const xs = gatherDense(x);
  const ws = gatherDense(weight);
  const acc = new Float64Array(n * cout * outH * outW);
  if (cinG < 4) {
    const kk = kh * kw;
    for (let b = 0; b < n; b++) {
      for (let co = 0; co < cout; co++) {
        const g = Math.floor(co / coutG);
        const local = co - g * coutG;
        directConvTransposePlane(
          xs, (b * cin + g * cinG) * p, cinG, ws, (c, tap) => ((g * cinG + c) * coutG + local) * kk + tap,
          geo, acc, (b * cout + co) * outH * outW,
        );
      }
    }
    if (bias) addBias(acc, gatherDense(bias), n, cout, outH * outW);
    return fromFloat64(x.dtype, acc, [n, cout, outH, outW]);
  }
  const col = new Float64Array(rows * p);
  for (let b = 0; b < n; b++) {
    for (let g = 0; g < groups; g++) {
      // col[rows, p] = W_g^T [rows, cinG] · x_g [cinG, p]; W_g is stored [cinG, rows].
      gemm(
        rows, p, cinG,
        { data: ws, offset: g * cinG * rows, rowStride: 1, colStride: rows },
        { data: xs, offset: (b * cin + g * cinG) * p, rowStride: p, colStride: 1 },
        col, 0, p, false,
      );
      col2im(col, coutG, geo, acc, (b * cout + g * coutG) * outH * outW);
    }
  }
  if (bias) addBias(acc, gatherDense(bias), n, cout, outH * outW);
  return fromFloat64(x.dtype, acc, [n, cout, outH, outW]);
}

/** Registration of ConvTranspose2D on the reference backend. */
export const convTranspose2DConfig: KernelConfig<HostArray> = {
  kernelName: ConvTranspose2D,
  backendName: REFERENCE,
  kernelFunc: convTranspose2d,
};
