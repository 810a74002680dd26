/**
 * Conv2DBackpropFilter on the reference backend: the gradient of Conv2D with respect to its
 * weight, dW_g = Σ_n dy[n, g] · im2col(x[n, g])ᵀ, accumulated by `gemm` over the batch.
 * Groups of fewer than 4 filters (depthwise) use direct dot products instead.
 */
import type { KernelArgs, KernelConfig, KernelResult } from '../../../backend/types.js';
import type { HostArray } from '../../../dtype.js';
import { RuntimeError } from '../../../errors.js';
import { Conv2DBackpropFilter } from '../../../kernels/names.js';
import { REFERENCE } from '../backend.js';
import { gatherDense } from '../strided.js';
import { fromFloat64, input } from './common.impl.js';
import { directConvFilterPlane, groupsOf, im2col, pair, type ConvGeometry } from './conv.impl.js';
import { gemm } from './gemm.impl.js';

function conv2dBackpropFilter(args: KernelArgs<HostArray>): KernelResult<HostArray> {
  const x = input(args, 'x');
  const dy = input(args, 'dy');
  const weightShape = args.attrs['weightShape'];
  if (!Array.isArray(weightShape) || weightShape.length !== 4) {
    throw new RuntimeError(`reference kernel: attribute 'weightShape' must be [O, C/groups, kh, kw], got ${JSON.stringify(weightShape)}`);
  }
  const [o, cg, kh, kw] = weightShape as [number, number, number, number];
  const [n, c, h, w] = x.shape as [number, number, number, number];
  const [sh, sw] = pair(args.attrs, 'stride');
  const [ph, pw] = pair(args.attrs, 'padding');
  const [dh, dw] = pair(args.attrs, 'dilation');
  const groups = groupsOf(args.attrs, c, o);
  const og = o / groups;
  const oh = dy.shape[2]!;
  const ow = dy.shape[3]!;
  const geo: ConvGeometry = { h, w, kh, kw, oh, ow, sh, sw, ph, pw, dh, dw };
  const p = oh * ow;
  const kk = cg * kh * kw;
  const xs = gatherDense(x);
  const dys = gatherDense(dy);
  const acc = new Float64Array(o * kk);
  if (og < 4) {
    for (let b = 0; b < n; b++) {
      for (let oc = 0; oc < o; oc++) {
        const g = Math.floor(oc / og);
        directConvFilterPlane(xs, (b * c + g * cg) * h * w, cg, dys, (b * o + oc) * p, geo, acc, oc * kk);
      }
    }
    return fromFloat64(x.dtype, acc, [o, cg, kh, kw]);
  }
  const col = new Float64Array(kk * p);
  for (let b = 0; b < n; b++) {
    for (let g = 0; g < groups; g++) {
      im2col(xs, (b * c + g * cg) * h * w, cg, geo, col);
      gemm(
        og, kk, p,
        { data: dys, offset: (b * o + g * og) * p, rowStride: p, colStride: 1 },
        { data: col, offset: 0, rowStride: 1, colStride: p },
        acc, g * og * kk, kk, b > 0,
      );
    }
  }
  return fromFloat64(x.dtype, acc, [o, cg, kh, kw]);
}

/** Registration of Conv2DBackpropFilter on the reference backend. */
export const conv2DBackpropFilterConfig: KernelConfig<HostArray> = {
  kernelName: Conv2DBackpropFilter,
  backendName: REFERENCE,
  kernelFunc: conv2dBackpropFilter,
};
