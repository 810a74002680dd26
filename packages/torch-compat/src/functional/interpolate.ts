/**
 * `F.interpolate` for modes nearest (1-D/2-D), linear (1-D) and bilinear (2-D). Both modes are
 * linear maps along each spatial axis, so they run as index_select / small matmuls with
 * ATen's source-index rules (UpSample.h), keeping autograd on every backend.
 */
import { NotImplementedError, type Tensor, tensor as coreTensor, ValueError } from '@nncompat/core';
import { bindArgs, p, type PyArgs } from './pyargs.js';

/** Options of `F.interpolate`. */
export interface InterpolateOptions {
  size?: number | readonly number[] | null;
  scale_factor?: number | readonly number[] | null;
  mode?: 'nearest' | 'linear' | 'bilinear' | 'bicubic' | 'trilinear' | 'area' | 'nearest-exact';
  align_corners?: boolean | null;
  recompute_scale_factor?: boolean | null;
  antialias?: boolean;
}

type InterpolatePositional = [
  size: number | readonly number[] | null,
  scale_factor: number | readonly number[] | null,
  mode: NonNullable<InterpolateOptions['mode']>,
  align_corners: boolean | null,
  recompute_scale_factor: boolean | null,
  antialias: boolean,
];
const INTERPOLATE_PARAMS = [
  p.optInts('size'), p.optFloats('scale_factor'), p.str('mode'), p.optBool('align_corners'), p.optBool('recompute_scale_factor'), p.bool('antialias'),
];

/** ATen's `nearest_idx` with its float scale. */
function nearestIndex(out: number, inSize: number, outSize: number, scale: number | null): number {
  if (outSize === inSize) return out;
  if (outSize === 2 * inSize) return out >> 1;
  const s = Math.fround(scale !== null && scale > 0 ? 1 / scale : inSize / outSize);
  return Math.min(Math.floor(Math.fround(out * s)), inSize - 1);
}

/** The `[out, in]` interpolation matrix of linear mode along one axis. */
function linearMatrix(inSize: number, outSize: number, alignCorners: boolean, scale: number | null, f32: boolean): number[][] {
  const r = f32 ? Math.fround : (v: number) => v;
  let s: number;
  if (alignCorners) s = outSize > 1 ? r((inSize - 1) / (outSize - 1)) : 0;
  else s = r(scale !== null && scale > 0 ? 1 / scale : inSize / outSize);
  const rows: number[][] = [];
  for (let i = 0; i < outSize; i++) {
    let src = alignCorners ? r(s * i) : r(r(s * r(i + 0.5)) - 0.5);
    if (!alignCorners && src < 0) src = 0;
    const i0 = Math.floor(src);
    const i1 = i0 + (i0 < inSize - 1 ? 1 : 0);
    const l1 = r(src - i0);
    const l0 = r(1 - l1);
    const row = new Array<number>(inSize).fill(0);
    row[i0] = (row[i0] ?? 0) + l0;
    row[i1] = (row[i1] ?? 0) + l1;
    rows.push(row);
  }
  return rows;
}

/**
 * `F.interpolate(input, size=None, scale_factor=None, mode='nearest', align_corners=None,
 * recompute_scale_factor=None, antialias=False)`.
 *
 * @example
 * F.interpolate(x, null, 2);
 * F.interpolate(x, { scale_factor: 2 });
 * F.interpolate(x, [5, 7], null, 'bilinear', false);
 * F.interpolate(x, { size: [5, 7], mode: 'bilinear', align_corners: false });
 */
export function interpolate(input: Tensor, ...args: PyArgs<InterpolatePositional, InterpolateOptions>): Tensor {
  const opts = bindArgs<InterpolateOptions>('interpolate', 1, INTERPOLATE_PARAMS, args);
  const mode = opts.mode ?? 'nearest';
  const sp = input.dim() - 2;
  if (opts.align_corners != null && !['linear', 'bilinear', 'bicubic', 'trilinear'].includes(mode)) {
    throw new ValueError('align_corners option can only be set with the interpolating modes: linear | bilinear | bicubic | trilinear');
  }
  const size = opts.size ?? null;
  const sf = opts.scale_factor ?? null;
  if (size !== null && sf !== null) throw new ValueError('only one of size or scale_factor should be defined');
  if (size === null && sf === null) throw new ValueError('either size or scale_factor should be defined');
  if (sp < 1) throw new ValueError(`Input Error: Only 3D, 4D and 5D input Tensors supported (got ${input.dim()}D) for the modes: nearest | linear | bilinear | bicubic | trilinear | area | nearest-exact (got ${mode})`);
  let outSize: number[];
  let scales: (number | null)[];
  if (size !== null) {
    outSize = typeof size === 'number' ? new Array<number>(sp).fill(size) : [...size];
    if (outSize.length !== sp) {
      throw new ValueError(`Input and output must have the same number of spatial dimensions, but got input with spatial dimensions of [${input.shape.slice(2).join(', ')}] and output size of [${outSize.join(', ')}]. Please provide input tensor in (N, C, d1, d2, ...,dK) format and output size in (o1, o2, ...,oK) format.`);
    }
    scales = new Array<null>(sp).fill(null);
  } else {
    const f = typeof sf === 'number' ? new Array<number>(sp).fill(sf) : [...sf!];
    if (f.length !== sp) {
      throw new ValueError(`Input and scale_factor must have the same number of spatial dimensions, but got input with spatial dimensions of [${input.shape.slice(2).join(', ')}] and scale_factor of shape [${f.join(', ')}]. Please provide input tensor in (N, C, d1, d2, ...,dK) format and scale_factor in (s1, s2, ...,sK) format.`);
    }
    outSize = f.map((s, i) => Math.floor(input.shape[i + 2]! * s));
    scales = opts.recompute_scale_factor ? new Array<null>(sp).fill(null) : f;
  }
  if (opts.antialias) throw new NotImplementedError('F.interpolate(antialias=True) is not supported');
  const f32 = input.dtype.name !== 'float64';
  let x = input;
  if (mode === 'nearest') {
    if (sp > 2) throw new NotImplementedError('nearest interpolation supports 3-D and 4-D input here');
    for (let k = 0; k < sp; k++) {
      const d = 2 + k;
      const n = x.shape[d]!;
      const idx = Array.from({ length: outSize[k]! }, (_, i) => nearestIndex(i, n, outSize[k]!, scales[k]!));
      x = x.index_select(d, coreTensor(idx, { dtype: 'int64', device: x.device }));
    }
    return x;
  }
  if ((mode === 'linear' && sp === 1) || (mode === 'bilinear' && sp === 2)) {
    const ac = opts.align_corners ?? false;
    for (let k = 0; k < sp; k++) {
      const d = 2 + k;
      const m = coreTensor(linearMatrix(x.shape[d]!, outSize[k]!, ac, scales[k]!, f32), { dtype: x.dtype, device: x.device });
      // Contract axis d with the matrix: move it last, multiply, move it back.
      x = x.transpose(d, -1).matmul(m.t()).transpose(d, -1);
    }
    return x;
  }
  if (mode === 'linear' || mode === 'bilinear') {
    throw new NotImplementedError(`Got ${input.dim()}D input, but ${mode} mode needs ${mode === 'linear' ? 3 : 4}D input`);
  }
  throw new NotImplementedError(`F.interpolate mode '${mode}' is not supported (nearest, linear, bilinear are)`);
}
