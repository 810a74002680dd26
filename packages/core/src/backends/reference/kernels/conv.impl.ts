/**
 * Convolution geometry shared by Conv2D, ConvTranspose2D and Conv2DBackpropFilter: attribute
 * reading, output sizes, and the im2col / col2im copies that turn a convolution into a matrix
 * product for `gemm`.
 */
import { RuntimeError } from '../../../errors.js';
import type { NumArray } from '../strided.js';

/** Geometry of one 2-D convolution, "forward" direction: an H×W image, OH×OW result. */
export interface ConvGeometry {
  readonly h: number;
  readonly w: number;
  readonly kh: number;
  readonly kw: number;
  readonly oh: number;
  readonly ow: number;
  readonly sh: number;
  readonly sw: number;
  readonly ph: number;
  readonly pw: number;
  readonly dh: number;
  readonly dw: number;
}

/** A `[a, b]` pair attribute, validated. */
export function pair(attrs: Readonly<Record<string, unknown>>, name: string): [number, number] {
  const v = attrs[name];
  if (!Array.isArray(v) || v.length !== 2 || !v.every((x) => Number.isInteger(x))) {
    throw new RuntimeError(`reference kernel: attribute '${name}' must be a pair of integers, got ${JSON.stringify(v)}`);
  }
  return [v[0] as number, v[1] as number];
}

/** The `groups` attribute, validated against the channel counts it must divide. */
export function groupsOf(attrs: Readonly<Record<string, unknown>>, ...channels: number[]): number {
  const g = attrs['groups'];
  if (typeof g !== 'number' || !Number.isInteger(g) || g < 1) {
    throw new RuntimeError(`reference kernel: attribute 'groups' must be a positive integer, got ${String(g)}`);
  }
  for (const c of channels) {
    if (c % g !== 0) throw new RuntimeError(`reference kernel: ${c} channels are not divisible by groups=${g}`);
  }
  return g;
}

/** Output size of a convolution along one dimension (PyTorch's formula). */
export function convOutSize(size: number, k: number, s: number, p: number, d: number): number {
  return Math.floor((size + 2 * p - d * (k - 1) - 1) / s) + 1;
}

/**
 * Writes the im2col matrix of `channels` planes of `src` (starting at element `base`, planes
 * h×w dense) into `col`: row (c, ki, kj), column (oh, ow) holds the input pixel that kernel
 * tap (ki, kj) of channel c meets at output (oh, ow), 0 in the padding.
 */
export function im2col(src: NumArray, base: number, channels: number, g: ConvGeometry, col: Float64Array): void {
  walkColumns(src, base, channels, g, col, true);
}

/**
 * The adjoint of `im2col`: adds every entry of `col` back onto the image pixel it was read
 * from (`dst` planes h×w dense from `base`); padding entries are dropped.
 */
export function col2im(col: Float64Array, channels: number, g: ConvGeometry, dst: Float64Array, base: number): void {
  walkColumns(dst, base, channels, g, col, false);
}

/**
 * The walk `im2col` and `col2im` share: for every column entry (c, ki, kj; oh, ow), the image
 * pixel it stands for. `gather` copies image → col (0 in the padding); otherwise col entries are
 * added back onto `img` (padding entries dropped). The direction is tested once per output row,
 * and each direction keeps its own inner loop.
 */
function walkColumns(img: NumArray, base: number, channels: number, g: ConvGeometry, col: Float64Array, gather: boolean): void {
  const { h, w, kh, kw, oh, ow, sh, sw, ph, pw, dh, dw } = g;
  const plane = h * w;
  const p = oh * ow;
  let row = 0;
  for (let c = 0; c < channels; c++) {
    const cBase = base + c * plane;
    for (let ki = 0; ki < kh; ki++) {
      for (let kj = 0; kj < kw; kj++) {
        let q = row * p;
        const dj = kj * dw - pw;
        for (let y = 0; y < oh; y++) {
          const ih = y * sh - ph + ki * dh;
          if (ih < 0 || ih >= h) {
            if (gather) col.fill(0, q, q + ow);
            q += ow;
            continue;
          }
          const rBase = cBase + ih * w;
          if (gather) {
            for (let x = 0; x < ow; x++) {
              const iw = x * sw + dj;
              col[q++] = iw >= 0 && iw < w ? img[rBase + iw]! : 0;
            }
          } else {
            for (let x = 0; x < ow; x++) {
              const iw = x * sw + dj;
              if (iw >= 0 && iw < w) img[rBase + iw] += col[q]!;
              q++;
            }
          }
        }
        row++;
      }
    }
  }
}

/** Adds `bias[o]` to every element of channel o of an [N, O, P] buffer. */
export function addBias(acc: Float64Array, bias: NumArray, n: number, o: number, p: number): void {
  for (let b = 0; b < n; b++) {
    for (let c = 0; c < o; c++) {
      const v = bias[c]!;
      const start = (b * o + c) * p;
      for (let i = start; i < start + p; i++) acc[i] += v;
    }
  }
}

/**
 * Direct convolution of one output plane: `out[oBase + y*ow + x] += Σ w·x` over `channels`
 * input planes (dense from `xBase`) and the kernel taps of one filter (dense from `wBase`).
 * Used where a group has too few filters for the matrix product to pay off (depthwise).
 */
export function directConvPlane(
  src: NumArray, xBase: number, channels: number, weight: NumArray, wBase: number,
  g: ConvGeometry, out: Float64Array, oBase: number,
): void {
  const { h, w, kh, kw, oh, ow, sh, sw, ph, pw, dh, dw } = g;
  for (let c = 0; c < channels; c++) {
    const cBase = xBase + c * h * w;
    for (let ki = 0; ki < kh; ki++) {
      for (let kj = 0; kj < kw; kj++) {
        const wv = weight[wBase + (c * kh + ki) * kw + kj]!;
        const dj = kj * dw - pw;
        // Output columns whose tap lands inside the row: 0 <= x*sw + dj < w.
        const x0 = Math.max(0, Math.ceil(-dj / sw));
        const x1 = Math.min(ow, Math.floor((w - 1 - dj) / sw) + 1);
        if (x0 >= x1) continue;
        for (let y = 0; y < oh; y++) {
          const ih = y * sh - ph + ki * dh;
          if (ih < 0 || ih >= h) continue;
          const r = cBase + ih * w + dj;
          const o = oBase + y * ow;
          for (let x = x0; x < x1; x++) out[o + x] += wv * src[r + x * sw]!;
        }
      }
    }
  }
}

/**
 * Direct transposed convolution onto one output plane (`out` planes g.h×g.w, from `oBase`): the
 * adjoint of `directConvPlane`, scattering `channels` input planes (g.oh×g.ow, dense from
 * `xBase`) through one output channel's taps. `wIndex(c, tap)` locates the weight of input
 * channel c and tap (ki*kw + kj). Used where a group has too few input channels for `gemm`.
 */
export function directConvTransposePlane(
  src: NumArray, xBase: number, channels: number, weight: NumArray, wIndex: (c: number, tap: number) => number,
  g: ConvGeometry, out: Float64Array, oBase: number,
): void {
  const { h, w, kh, kw, oh, ow, sh, sw, ph, pw, dh, dw } = g;
  for (let c = 0; c < channels; c++) {
    const cBase = xBase + c * oh * ow;
    for (let ki = 0; ki < kh; ki++) {
      for (let kj = 0; kj < kw; kj++) {
        const wv = weight[wIndex(c, ki * kw + kj)]!;
        const dj = kj * dw - pw;
        const x0 = Math.max(0, Math.ceil(-dj / sw));
        const x1 = Math.min(ow, Math.floor((w - 1 - dj) / sw) + 1);
        if (x0 >= x1) continue;
        for (let y = 0; y < oh; y++) {
          const ih = y * sh - ph + ki * dh;
          if (ih < 0 || ih >= h) continue;
          const r = oBase + ih * w + dj;
          const i = cBase + y * ow;
          for (let x = x0; x < x1; x++) out[r + x * sw] += wv * src[i + x]!;
        }
      }
    }
  }
}

/**
 * Direct weight gradient of one filter: `dw[wBase + (c*kh + ki)*kw + kj] += Σ dy·x` over one
 * image, for `channels` input planes (dense from `xBase`) and one output-gradient plane (dense
 * from `dyBase`). Used where a group has too few filters for `gemm` (depthwise).
 */
export function directConvFilterPlane(
  src: NumArray, xBase: number, channels: number, dy: NumArray, dyBase: number,
  g: ConvGeometry, dwOut: Float64Array, wBase: number,
): void {
  const { h, w, kh, kw, oh, ow, sh, sw, ph, pw, dh, dw } = g;
  for (let c = 0; c < channels; c++) {
    const cBase = xBase + c * h * w;
    for (let ki = 0; ki < kh; ki++) {
      for (let kj = 0; kj < kw; kj++) {
        const dj = kj * dw - pw;
        const x0 = Math.max(0, Math.ceil(-dj / sw));
        const x1 = Math.min(ow, Math.floor((w - 1 - dj) / sw) + 1);
        if (x0 >= x1) continue;
        let s = 0;
        for (let y = 0; y < oh; y++) {
          const ih = y * sh - ph + ki * dh;
          if (ih < 0 || ih >= h) continue;
          const r = cBase + ih * w + dj;
          const o = dyBase + y * ow;
          for (let x = x0; x < x1; x++) s += dy[o + x]! * src[r + x * sw]!;
        }
        dwOut[wBase + (c * kh + ki) * kw + kj] += s;
      }
    }
  }
}
