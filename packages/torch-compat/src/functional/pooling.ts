/** Pooling: max_pool1d/2d, avg_pool2d (core kernels) and adaptive_avg_pool2d (as two matmuls). */
import { avg_pool2d as coreAvgPool2d, max_pool2d as coreMaxPool2d, RuntimeError, type Tensor, tensor as coreTensor } from '@nncompat/core';
import { bindArgs, checkArg, p, type PyArgs, type PyArgsWith, type Slots } from './pyargs.js';

/** Options of `F.max_pool1d` / `F.max_pool2d`. */
export interface MaxPoolOptions {
  stride?: number | readonly number[] | null;
  padding?: number | readonly number[];
  dilation?: number | readonly number[];
  ceil_mode?: boolean;
  return_indices?: boolean;
}

/** Options of `F.avg_pool2d`. */
export interface AvgPoolOptions {
  stride?: number | readonly number[] | null;
  padding?: number | readonly number[];
  ceil_mode?: boolean;
  count_include_pad?: boolean;
  divisor_override?: number | null;
}

type IntOrList = number | readonly number[];
/** Positional parameters of max_pool after `kernel_size`, up to (not including) return_indices. */
type MaxPoolPositional = [stride: IntOrList | null, padding: IntOrList, dilation: IntOrList, ceil_mode: boolean];
type MaxPoolKw = Omit<MaxPoolOptions, 'return_indices'>;
/** Calls that return the pooled tensor only. */
type MaxPoolArgs = PyArgs<[...MaxPoolPositional, return_indices: false], MaxPoolKw & { return_indices?: false }>;
/** Calls with `return_indices` true, as a keyword or as the 7th positional argument. */
type MaxPoolIndicesArgs =
  | PyArgsWith<MaxPoolPositional, MaxPoolKw & { return_indices: true }>
  | [...Slots<MaxPoolPositional>, true]
  | [...Slots<MaxPoolPositional>, true, MaxPoolKw];

const MAXPOOL_PARAMS = [p.optInts('stride'), p.ints('padding'), p.ints('dilation'), p.bool('ceil_mode'), p.bool('return_indices')];
const AVGPOOL_PARAMS = [p.optInts('stride'), p.ints('padding'), p.bool('ceil_mode'), p.bool('count_include_pad'), p.optInt('divisor_override')];

function poolArgs<O extends object>(fn: string, kernel_size: unknown, params: typeof MAXPOOL_PARAMS, args: readonly unknown[]): O {
  checkArg(fn, p.ints('kernel_size'), 2, kernel_size);
  return bindArgs<O>(fn, 2, params, args);
}

function one(v: number | readonly number[] | null | undefined): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (v.length === 0) return null;
  return v[0]!;
}

/**
 * `F.max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
 * return_indices=False)`; with `return_indices: true` returns `[output, indices]`.
 *
 * @example
 * F.max_pool2d(x, 2);
 * F.max_pool2d(x, 3, 2, 1);
 * const [y, idx] = F.max_pool2d(x, 3, { stride: 2, return_indices: true });
 * const [y2, idx2] = F.max_pool2d(x, 3, 2, 0, 1, false, true);
 */
export function max_pool2d(input: Tensor, kernel_size: IntOrList, ...args: MaxPoolArgs): Tensor;
export function max_pool2d(input: Tensor, kernel_size: IntOrList, ...args: MaxPoolIndicesArgs): [Tensor, Tensor];
export function max_pool2d(input: Tensor, kernel_size: IntOrList, ...args: unknown[]): Tensor | [Tensor, Tensor] {
  return coreMaxPool2d(input, kernel_size, poolArgs<MaxPoolOptions>('max_pool2d', kernel_size, MAXPOOL_PARAMS, args));
}

/**
 * `F.max_pool1d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
 * return_indices=False)` on `[N, C, L]` or `[C, L]`.
 *
 * @example
 * F.max_pool1d(x, 3, 2, 1);
 * F.max_pool1d(x, 3, { stride: 2, padding: 1 });
 */
export function max_pool1d(input: Tensor, kernel_size: IntOrList, ...args: MaxPoolArgs): Tensor;
export function max_pool1d(input: Tensor, kernel_size: IntOrList, ...args: MaxPoolIndicesArgs): [Tensor, Tensor];
export function max_pool1d(input: Tensor, kernel_size: IntOrList, ...args: unknown[]): Tensor | [Tensor, Tensor] {
  const opts = poolArgs<MaxPoolOptions>('max_pool1d', kernel_size, MAXPOOL_PARAMS, args);
  if (input.dim() !== 2 && input.dim() !== 3) {
    throw new RuntimeError('max_pool1d() Expected 2D or 3D input tensor, but got ' + `[${input.shape.join(', ')}]`);
  }
  const k = one(kernel_size)!;
  const s = one(opts.stride) ?? k;
  const r = coreMaxPool2d(input.unsqueeze(-2), [1, k], {
    stride: [1, s],
    padding: [0, one(opts.padding) ?? 0],
    dilation: [1, one(opts.dilation) ?? 1],
    ceil_mode: opts.ceil_mode ?? false,
    return_indices: true,
  }) as [Tensor, Tensor];
  const y = r[0].squeeze(-2);
  return opts.return_indices ? [y, r[1].squeeze(-2)] : y;
}

/**
 * `F.avg_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False,
 * count_include_pad=True, divisor_override=None)`.
 *
 * @example
 * F.avg_pool2d(x, 2);
 * F.avg_pool2d(x, 3, 2, 1, false, false);
 * F.avg_pool2d(x, 3, { stride: 2, padding: 1, count_include_pad: false });
 */
export function avg_pool2d(
  input: Tensor, kernel_size: IntOrList,
  ...args: PyArgs<[stride: IntOrList | null, padding: IntOrList, ceil_mode: boolean, count_include_pad: boolean, divisor_override: number | null], AvgPoolOptions>
): Tensor {
  return coreAvgPool2d(input, kernel_size, poolArgs<AvgPoolOptions>('avg_pool2d', kernel_size, AVGPOOL_PARAMS, args));
}

/**
 * The `[out, in]` averaging matrix of adaptive pooling along one axis: row i averages input
 * positions `floor(i*in/out) .. ceil((i+1)*in/out)-1`, as ATen's start_index/end_index do.
 */
function adaptiveMatrix(inSize: number, outSize: number, like: Tensor): Tensor {
  const rows: number[][] = [];
  for (let i = 0; i < outSize; i++) {
    const start = Math.floor((i * inSize) / outSize);
    const end = Math.ceil(((i + 1) * inSize) / outSize);
    const row = new Array<number>(inSize).fill(0);
    for (let j = start; j < end; j++) row[j] = 1 / (end - start);
    rows.push(row);
  }
  return coreTensor(rows, { dtype: like.dtype, device: like.device });
}

/**
 * `F.adaptive_avg_pool2d(input, output_size)`: `output_size` is an int or `[h, w]` (null keeps
 * that input size). Computed as `A_h @ x @ A_w^T`, so it is differentiable on every backend.
 *
 * @example
 * F.adaptive_avg_pool2d(x, [1, 1]);
 */
export function adaptive_avg_pool2d(input: Tensor, output_size: number | readonly (number | null)[], ...args: []): Tensor {
  bindArgs('adaptive_avg_pool2d', 2, [], args);
  const okSize = (v: unknown): boolean => (typeof v === 'number' && Number.isInteger(v)) || (Array.isArray(v) && v.every((e) => e === null || Number.isInteger(e)));
  checkArg('adaptive_avg_pool2d', { name: 'output_size', type: 'tuple of ints', ok: okSize }, 2, output_size);
  if (input.dim() !== 3 && input.dim() !== 4) {
    throw new RuntimeError(`adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got [${input.shape.join(', ')}]`);
  }
  const H = input.shape[input.dim() - 2]!;
  const W = input.shape[input.dim() - 1]!;
  for (let i = input.dim() - 3; i < input.dim(); i++) {
    if (input.shape[i] === 0) {
      throw new RuntimeError(`adaptive_avg_pool2d(): Expected input to have non-zero size for non-batch dimensions, but input has sizes [${input.shape.join(', ')}] with dimension ${i} being empty`);
    }
  }
  const sz = typeof output_size === 'number' ? [output_size, output_size] : output_size.length === 1 ? [output_size[0]!, output_size[0]!] : output_size;
  if (sz.length !== 2) throw new RuntimeError('adaptive_avg_pool2d: output_size must be 2');
  const oh = sz[0] ?? H;
  const ow = sz[1] ?? W;
  const x = input.dtype.is_floating_point ? input : input.float();
  const ah = adaptiveMatrix(H, oh, x);
  const aw = adaptiveMatrix(W, ow, x);
  return ah.matmul(x).matmul(aw.t());
}
