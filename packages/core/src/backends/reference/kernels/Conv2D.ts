/**
 * Conv2D on the reference backend (PyTorch's `conv2d`: stride, padding, dilation, groups,
 * optional bias): per image and group, im2col then one `gemm` of the group's filters; groups
 * of fewer than 4 filters (depthwise) use a direct loop, since a 4-row micro-tile would idle.
 */
import type { KernelArgs, KernelConfig, KernelResult } from '../../../backend/types.js';
import type { HostArray } from '../../../dtype.js';
import { Conv2D } from '../../../kernels/names.js';
import { REFERENCE } from '../backend.js';
import { gatherDense } from '../strided.js';
import { fromFloat64, input, optionalInput } from './common.impl.js';
import { addBias, convOutSize, directConvPlane, groupsOf, im2col, pair, type ConvGeometry } from './conv.impl.js';
import { gemm } from './gemm.impl.js';

function conv2d(args: KernelArgs<HostArray>): KernelResult<HostArray> {
  const x = input(args, 'x');
  const weight = input(args, 'weight');
  const bias = optionalInput(args, 'bias');
  const [n, c, h, w] = x.shape as [number, number, number, number];
  const [o, cg, kh, kw] = weight.shape as [number, number, number, number];
  const [sh, sw] = pair(args.attrs, 'stride');
  const [ph, pw] = pair(args.attrs, 'padding');
  const [dh, dw] = pair(args.attrs, 'dilation');
  const groups = groupsOf(args.attrs, c, o);
  const og = o / groups;
  const geo: ConvGeometry = {
    h, w, kh, kw, sh, sw, ph, pw, dh, dw,
    oh: convOutSize(h, kh, sh, ph, dh),
    ow: convOutSize(w, kw, sw, pw, dw),
  };
  const p = geo.oh * geo.ow;
  const kk = cg * kh * kw;
  const xs = gatherDense(x);
  const ws = gatherDense(weight);
  const acc = new Float64Array(n * o * p);
  if (og < 4) {
    for (let b = 0; b < n; b++) {
      for (let oc = 0; oc < o; oc++) {
        const g = Math.floor(oc / og);
        directConvPlane(xs, (b * c + g * cg) * h * w, cg, ws, oc * kk, geo, acc, (b * o + oc) * p);
      }
    }
    if (bias) addBias(acc, gatherDense(bias), n, o, p);
    return fromFloat64(x.dtype, acc, [n, o, geo.oh, geo.ow]);
  }
  // A 1×1 kernel with unit stride and no padding reads the image as is: skip the im2col copy.
  const direct = kh === 1 && kw === 1 && sh === 1 && sw === 1 && ph === 0 && pw === 0;
  const col = direct ? null : new Float64Array(kk * p);
  for (let b = 0; b < n; b++) {
    for (let g = 0; g < groups; g++) {
      const xBase = (b * c + g * cg) * h * w;
      if (col) im2col(xs, xBase, cg, geo, col);
      gemm(
        og, p, kk,
        { data: ws, offset: g * og * kk, rowStride: kk, colStride: 1 },
        col ? { data: col, offset: 0, rowStride: p, colStride: 1 } : { data: xs, offset: xBase, rowStride: h * w, colStride: 1 },
        acc, (b * o + g * og) * p, p, false,
      );
    }
  }
  if (bias) addBias(acc, gatherDense(bias), n, o, p);
  return fromFloat64(x.dtype, acc, [n, o, geo.oh, geo.ow]);
}

/** Registration of Conv2D on the reference backend. */
export const conv2DConfig: KernelConfig<HostArray> = { kernelName: Conv2D, backendName: REFERENCE, kernelFunc: conv2d };
