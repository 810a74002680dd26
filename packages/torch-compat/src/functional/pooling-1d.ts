/**
 * `F.avg_pool1d` and `F.adaptive_avg_pool1d`: ATen runs both as their 2-D forms on the input
 * with a unit height (`unsqueeze(-2)`), and so does this.
 */
import { RuntimeError, type Tensor } from '@nncompat/core';
import { adaptive_avg_pool2d, avg_pool2d } from './pooling.js';
import { bindArgs, checkArg, p, type PyArgs } from './pyargs.js';

type IntOrOne = number | readonly number[];

/** `IntArrayRef[1]`: one int, or a list holding one. */
function single(fn: string, name: string, v: IntOrOne): number {
  if (typeof v === 'number') return v;
  if (v.length !== 1) throw new RuntimeError(`${fn}() argument '${name}' should contain one int (got ${v.length})`);
  return v[0]!;
}

/** Options of `avg_pool1d`. */
export interface AvgPool1dOptions {
  stride?: IntOrOne | null;
  padding?: IntOrOne;
  ceil_mode?: boolean;
  count_include_pad?: boolean;
}

/**
 * `F.avg_pool1d(input, kernel_size, stride=None, padding=0, ceil_mode=False,
 * count_include_pad=True)` on `[N, C, L]` or `[C, L]`.
 *
 * @example
 * F.avg_pool1d(x, 3, 2);
 * F.avg_pool1d(x, 3, { stride: 2, padding: 1 });
 */
export function avg_pool1d(
  input: Tensor, kernel_size: IntOrOne,
  ...args: PyArgs<[stride: IntOrOne | null, padding: IntOrOne, ceil_mode: boolean, count_include_pad: boolean], AvgPool1dOptions>
): Tensor {
  checkArg('avg_pool1d', p.ints('kernel_size'), 2, kernel_size);
  const o = bindArgs<AvgPool1dOptions>(
    'avg_pool1d', 2, [p.optInts('stride'), p.ints('padding'), p.bool('ceil_mode'), p.bool('count_include_pad')], args,
  );
  const k = single('avg_pool1d', 'kernel_size', kernel_size);
  const s = o.stride === null || o.stride === undefined || (Array.isArray(o.stride) && o.stride.length === 0) ? k : single('avg_pool1d', 'stride', o.stride);
  const pd = single('avg_pool1d', 'padding', o.padding ?? 0);
  if (input.dim() !== 2 && input.dim() !== 3) {
    throw new RuntimeError(`avg_pool1d() Expected 2D or 3D input tensor, but got [${input.shape.join(', ')}]`);
  }
  const out = avg_pool2d(input.unsqueeze(-2), [1, k], {
    stride: [1, s], padding: [0, pd], ceil_mode: o.ceil_mode ?? false, count_include_pad: o.count_include_pad ?? true,
  });
  return out.squeeze(-2);
}

/**
 * `F.adaptive_avg_pool1d(input, output_size)` on `[N, C, L]` or `[C, L]`.
 *
 * @example
 * F.adaptive_avg_pool1d(x, 1);
 */
export function adaptive_avg_pool1d(input: Tensor, output_size: IntOrOne, ...args: []): Tensor {
  checkArg('adaptive_avg_pool1d', p.ints('output_size'), 2, output_size);
  bindArgs('adaptive_avg_pool1d', 2, [], args);
  const n = single('adaptive_avg_pool1d', 'output_size', output_size);
  if (input.dim() !== 2 && input.dim() !== 3) {
    throw new RuntimeError(`adaptive_avg_pool1d(): Expected 2D or 3D tensor, but got [${input.shape.join(', ')}]`);
  }
  return adaptive_avg_pool2d(input.unsqueeze(-2), [1, n]).squeeze(-2);
}
