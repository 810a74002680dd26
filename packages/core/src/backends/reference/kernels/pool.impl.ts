/** Pooling geometry shared by MaxPool2D, AvgPool2D and AvgPool2DBackward (PyTorch's rules). */
import { RuntimeError } from '../../../errors.js';
import { pair } from './conv.impl.js';

/**
 * Output size of a pooling window along one dimension, as ATen's `pooling_output_shape`: with
 * `ceilMode` the last window may hang over the end, but must start inside the input or the
 * left padding.
 */
export function poolOutSize(size: number, k: number, s: number, p: number, d: number, ceilMode: boolean): number {
  let out = Math.floor((size + 2 * p - d * (k - 1) - 1 + (ceilMode ? s - 1 : 0)) / s) + 1;
  if (ceilMode && (out - 1) * s >= size + p) out--;
  return out;
}

/** Pooling attributes read from a kernel call (dilation is 1 for average pooling). */
export interface PoolParams {
  readonly kh: number;
  readonly kw: number;
  readonly sh: number;
  readonly sw: number;
  readonly ph: number;
  readonly pw: number;
  readonly dh: number;
  readonly dw: number;
  readonly ceilMode: boolean;
}

/** Reads the pooling attributes; `dilation` is optional (average pooling has none). */
export function poolParams(attrs: Readonly<Record<string, unknown>>): PoolParams {
  const [kh, kw] = pair(attrs, 'kernelSize');
  const [sh, sw] = pair(attrs, 'stride');
  const [ph, pw] = pair(attrs, 'padding');
  const [dh, dw] = attrs['dilation'] === undefined ? [1, 1] : pair(attrs, 'dilation');
  const ceilMode = attrs['ceilMode'] === true;
  if (kh < 1 || kw < 1 || sh < 1 || sw < 1 || dh < 1 || dw < 1) {
    throw new RuntimeError(`reference kernel: pooling kernel, stride and dilation must be positive, got kernel [${kh}, ${kw}], stride [${sh}, ${sw}], dilation [${dh}, ${dw}]`);
  }
  return { kh, kw, sh, sw, ph, pw, dh, dw, ceilMode };
}

/** An input of shape (…, H, W) as planes: H, W, the leading dims and their product (the number of planes). */
export function planesOf(shape: readonly number[]): { h: number; w: number; lead: number[]; planes: number } {
  const nd = shape.length;
  const lead = shape.slice(0, nd - 2);
  return { h: shape[nd - 2]!, w: shape[nd - 1]!, lead, planes: lead.reduce((a, b) => a * b, 1) };
}

/** Average-pooling options: PyTorch's `count_include_pad` and `divisor_override`. */
export interface AvgOptions {
  readonly countIncludePad: boolean;
  readonly divisorOverride: number | null;
}

/** Reads `countIncludePad` (default true, as PyTorch) and `divisorOverride`. */
export function avgOptions(attrs: Readonly<Record<string, unknown>>): AvgOptions {
  const d = attrs['divisorOverride'];
  return {
    countIncludePad: attrs['countIncludePad'] !== false,
    divisorOverride: typeof d === 'number' ? d : null,
  };
}

/**
 * Walks the average-pooling windows of one h×w plane as ATen's cpu_avg_pool does, calling
 * `visit(o, ih0, ih1, iw0, iw1, divisor)` with the window clipped to the input (half-open
 * bounds) and the divisor: the override, else the window size clipped to input+padding
 * (count_include_pad) or to the input alone. Windows entirely in the padding get no call.
 */
export function forEachAvgWindow(
  h: number, w: number, oh: number, ow: number, p: PoolParams, opts: AvgOptions,
  visit: (o: number, ih0: number, ih1: number, iw0: number, iw1: number, divisor: number) => void,
): void {
  for (let y = 0; y < oh; y++) {
    for (let x = 0; x < ow; x++) {
      let ih0 = y * p.sh - p.ph;
      let iw0 = x * p.sw - p.pw;
      let ih1 = Math.min(ih0 + p.kh, h + p.ph);
      let iw1 = Math.min(iw0 + p.kw, w + p.pw);
      const poolSize = (ih1 - ih0) * (iw1 - iw0);
      ih0 = Math.max(ih0, 0);
      iw0 = Math.max(iw0, 0);
      ih1 = Math.min(ih1, h);
      iw1 = Math.min(iw1, w);
      if (ih0 >= ih1 || iw0 >= iw1) continue;
      const divisor = opts.divisorOverride ?? (opts.countIncludePad ? poolSize : (ih1 - ih0) * (iw1 - iw0));
      visit(y * ow + x, ih0, ih1, iw0, iw1, divisor);
    }
  }
}
