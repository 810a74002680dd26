/**
 * MaxPool2D on the reference backend: PyTorch's `max_pool2d_with_indices` on CPU, returning
 * `[values, indices]` with indices flat (h*W + w) within each plane, int64. As ATen's kernel, a
 * NaN in a window wins (the last NaN seen), otherwise the first maximum; a window of only -inf
 * reports its first in-bounds position.
 */
import type { KernelArgs, KernelConfig, KernelResult } from '../../../backend/types.js';
import { int64, type HostArray } from '../../../dtype.js';
import { MaxPool2D } from '../../../kernels/names.js';
import { REFERENCE } from '../backend.js';
import { computeArray, finish, gatherDense } from '../strided.js';
import { input } from './common.impl.js';
import { planesOf, poolOutSize, poolParams } from './pool.impl.js';

function maxPool2d(args: KernelArgs<HostArray>): KernelResult<HostArray>[] {
  const x = input(args, 'x');
  const p = poolParams(args.attrs);
  const { h, w, lead, planes } = planesOf(x.shape);
  const oh = poolOutSize(h, p.kh, p.sh, p.ph, p.dh, p.ceilMode);
  const ow = poolOutSize(w, p.kw, p.sw, p.pw, p.dw, p.ceilMode);
  const src = gatherDense(x);
  const out = computeArray(x.dtype, planes * oh * ow);
  const idx = new Float64Array(planes * oh * ow);
  let q = 0;
  for (let c = 0; c < planes; c++) {
    const base = c * h * w;
    for (let y = 0; y < oh; y++) {
      let ih0 = y * p.sh - p.ph;
      const ih1 = Math.min(ih0 + (p.kh - 1) * p.dh + 1, h);
      while (ih0 < 0) ih0 += p.dh;
      for (let xo = 0; xo < ow; xo++) {
        let iw0 = xo * p.sw - p.pw;
        const iw1 = Math.min(iw0 + (p.kw - 1) * p.dw + 1, w);
        while (iw0 < 0) iw0 += p.dw;
        let maxIndex = ih0 * w + iw0;
        let maxVal = -Infinity;
        for (let ih = ih0; ih < ih1; ih += p.dh) {
          for (let iw = iw0; iw < iw1; iw += p.dw) {
            const index = ih * w + iw;
            const v = src[base + index]!;
            // `v !== v` is NaN: ATen lets every NaN replace the running maximum.
            if (v > maxVal || v !== v) {
              maxVal = v;
              maxIndex = index;
            }
          }
        }
        out[q] = maxVal;
        idx[q++] = maxIndex;
      }
    }
  }
  const shape = [...lead, oh, ow];
  return [finish(x.dtype, out, shape), finish(int64, idx, shape)];
}

/** Registration of MaxPool2D on the reference backend. */
export const maxPool2DConfig: KernelConfig<HostArray> = { kernelName: MaxPool2D, backendName: REFERENCE, kernelFunc: maxPool2d };
