/**
 * AvgPool2D on the reference backend: PyTorch's `avg_pool2d` on CPU, with the divisor rules of
 * ATen's AvgPoolKernel.cpp (`count_include_pad`, `divisor_override`, `ceil_mode`). Sums are
 * accumulated in float64 and rounded once.
 */
import type { KernelArgs, KernelConfig, KernelResult } from '../../../backend/types.js';
import type { HostArray } from '../../../dtype.js';
import { AvgPool2D } from '../../../kernels/names.js';
import { REFERENCE } from '../backend.js';
import { computeArray, finish, gatherDense } from '../strided.js';
import { input } from './common.impl.js';
import { avgOptions, forEachAvgWindow, planesOf, poolOutSize, poolParams } from './pool.impl.js';

function avgPool2d(args: KernelArgs<HostArray>): KernelResult<HostArray> {
  const x = input(args, 'x');
  const p = poolParams(args.attrs);
  const opts = avgOptions(args.attrs);
  const { h, w, lead, planes } = planesOf(x.shape);
  const oh = poolOutSize(h, p.kh, p.sh, p.ph, 1, p.ceilMode);
  const ow = poolOutSize(w, p.kw, p.sw, p.pw, 1, p.ceilMode);
  const src = gatherDense(x);
  // Zero-filled: windows lying wholly in the padding produce 0, as in ATen.
  const out = computeArray(x.dtype, planes * oh * ow);
  for (let c = 0; c < planes; c++) {
    const base = c * h * w;
    const oBase = c * oh * ow;
    forEachAvgWindow(h, w, oh, ow, p, opts, (o, ih0, ih1, iw0, iw1, divisor) => {
      let sum = 0;
      for (let ih = ih0; ih < ih1; ih++) {
        for (let iw = iw0; iw < iw1; iw++) sum += src[base + ih * w + iw]!;
      }
      out[oBase + o] = sum / divisor;
    });
  }
  return finish(x.dtype, out, [...lead, oh, ow]);
}

/** Registration of AvgPool2D on the reference backend. */
export const avgPool2DConfig: KernelConfig<HostArray> = { kernelName: AvgPool2D, backendName: REFERENCE, kernelFunc: avgPool2d };
