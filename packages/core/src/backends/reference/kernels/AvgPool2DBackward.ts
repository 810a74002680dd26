/**
 * AvgPool2DBackward on the reference backend: the gradient of AvgPool2D with respect to x.
 * Each output gradient, divided by its window's divisor (the same rule as the forward pass),
 * is added to every input pixel of the clipped window. As ATen's cpu_avg_pool_backward, the
 * quotient and the running sums are kept in the input's dtype (so 16-bit results match it).
 */
import type { KernelArgs, KernelConfig, KernelResult } from '../../../backend/types.js';
import type { HostArray } from '../../../dtype.js';
import { AvgPool2DBackward } from '../../../kernels/names.js';
import { REFERENCE } from '../backend.js';
import { computeArray, finish, gatherDense } from '../strided.js';
import { input, storageRounder } from './common.impl.js';
import { avgOptions, forEachAvgWindow, planesOf, poolParams } from './pool.impl.js';

function avgPool2dBackward(args: KernelArgs<HostArray>): KernelResult<HostArray> {
  const dy = input(args, 'dy');
  const x = input(args, 'x');
  const p = poolParams(args.attrs);
  const opts = avgOptions(args.attrs);
  const nd = x.shape.length;
  const { h, w, planes } = planesOf(x.shape);
  const oh = dy.shape[nd - 2]!;
  const ow = dy.shape[nd - 1]!;
  const g = gatherDense(dy);
  const acc = computeArray(x.dtype, planes * h * w);
  const round = storageRounder(x.dtype);
  for (let c = 0; c < planes; c++) {
    const base = c * h * w;
    const oBase = c * oh * ow;
    forEachAvgWindow(h, w, oh, ow, p, opts, (o, ih0, ih1, iw0, iw1, divisor) => {
      const delta = round(g[oBase + o]! / divisor);
      for (let ih = ih0; ih < ih1; ih++) {
        for (let iw = iw0; iw < iw1; iw++) {
          const i = base + ih * w + iw;
          acc[i] = round(acc[i]! + delta);
        }
      }
    });
  }
  return finish(x.dtype, acc, x.shape);
}

/** Registration of AvgPool2DBackward on the reference backend. */
export const avgPool2DBackwardConfig: KernelConfig<HostArray> = {
  kernelName: AvgPool2DBackward,
  backendName: REFERENCE,
  kernelFunc: avgPool2dBackward,
};
