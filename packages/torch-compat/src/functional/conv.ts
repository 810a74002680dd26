/** Convolutions: conv1d (as a conv2d over a height of 1), conv2d and conv_transpose2d from core. */
import { conv2d as coreConv2d, conv_transpose2d as coreConvT2d, RuntimeError, type Tensor } from '@nncompat/core';
import { bindArgs, p, type PyArgs } from './pyargs.js';

/** Options of `F.conv1d` / `F.conv2d` (PyTorch's keyword arguments). */
export interface ConvOptions {
  stride?: number | readonly number[];
  padding?: number | readonly number[] | 'valid' | 'same';
  dilation?: number | readonly number[];
  groups?: number;
}

/** Options of `F.conv_transpose2d`. */
export interface ConvTransposeOptions {
  stride?: number | readonly number[];
  padding?: number | readonly number[];
  output_padding?: number | readonly number[];
  groups?: number;
  dilation?: number | readonly number[];
}

type IntOrList = number | readonly number[];

/** Positional parameters of `F.conv1d` / `F.conv2d` after `weight`, in PyTorch's order. */
type ConvPositional = [bias: Tensor | null, stride: IntOrList, padding: IntOrList | 'valid' | 'same', dilation: IntOrList, groups: number];
/** Positional parameters of `F.conv_transpose2d` after `weight` (groups before dilation). */
type ConvTPositional = [bias: Tensor | null, stride: IntOrList, padding: IntOrList, output_padding: IntOrList, groups: number, dilation: IntOrList];

const CONV_PARAMS = [p.optTensor('bias'), p.ints('stride'), p.padding('padding'), p.ints('dilation'), p.int('groups')];
const CONVT_PARAMS = [p.optTensor('bias'), p.ints('stride'), p.ints('padding'), p.ints('output_padding'), p.int('groups'), p.ints('dilation')];

/** The bias and the remaining options, bound with Python's rules. */
function convArgs<O extends object>(fn: string, params: typeof CONV_PARAMS, args: readonly unknown[]): [Tensor | null, O] {
  const { bias, ...rest } = bindArgs<O & { bias?: Tensor | null }>(fn, 2, params, args);
  return [bias ?? null, rest as O];
}

function single(v: number | readonly number[] | undefined, name: string, dflt: number): number {
  if (v === undefined) return dflt;
  if (typeof v === 'number') return v;
  if (v.length !== 1) {
    throw new RuntimeError(`expected ${name} to be a single integer value or a list of 1 values to match the convolution dimensions, but got ${name}=[${v.join(', ')}]`);
  }
  return v[0]!;
}

/**
 * `F.conv1d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1)` on
 * `[N, C, L]` (or unbatched `[C, L]`) input.
 *
 * @example
 * F.conv1d(x, w, b, 2, 1);
 * F.conv1d(x, w, b, { stride: 2, padding: 1 });
 */
export function conv1d(input: Tensor, weight: Tensor, ...args: PyArgs<ConvPositional, ConvOptions & { bias?: Tensor | null }>): Tensor {
  const [bias, opts] = convArgs<ConvOptions>('conv1d', CONV_PARAMS, args);
  const unbatched = input.dim() === 2;
  if (input.dim() !== 3 && !unbatched) {
    throw new RuntimeError(`Expected 2D (unbatched) or 3D (batched) input to conv1d, but got input of size: [${input.shape.join(', ')}]`);
  }
  if (weight.dim() !== 3) throw new RuntimeError(`weight should have 3 dimensions, got ${weight.dim()}`);
  const x = (unbatched ? input.unsqueeze(0) : input).unsqueeze(2);
  const pad = opts.padding === 'same' || opts.padding === 'valid' ? opts.padding : [0, single(opts.padding, 'padding', 0)];
  const y = coreConv2d(x, weight.unsqueeze(2), bias, {
    stride: [1, single(opts.stride, 'stride', 1)],
    padding: pad,
    dilation: [1, single(opts.dilation, 'dilation', 1)],
    groups: opts.groups ?? 1,
  }).squeeze(2);
  return unbatched ? y.squeeze(0) : y;
}

/**
 * `F.conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1)`.
 *
 * @example
 * F.conv2d(x, w, null, 1, 'same');
 * F.conv2d(x, w, null, { padding: 'same' });
 * F.conv2d(x, w, { bias: b, stride: 2 }); // bias as a keyword
 */
export function conv2d(input: Tensor, weight: Tensor, ...args: PyArgs<ConvPositional, ConvOptions & { bias?: Tensor | null }>): Tensor {
  const [bias, opts] = convArgs<ConvOptions>('conv2d', CONV_PARAMS, args);
  return coreConv2d(input, weight, bias, opts);
}

/**
 * `F.conv_transpose2d(input, weight, bias=None, stride=1, padding=0, output_padding=0,
 * groups=1, dilation=1)`.
 *
 * @example
 * F.conv_transpose2d(x, w, b, 2, 0, 1);
 * F.conv_transpose2d(x, w, b, { stride: 2, output_padding: 1 });
 */
export function conv_transpose2d(
  input: Tensor, weight: Tensor, ...args: PyArgs<ConvTPositional, ConvTransposeOptions & { bias?: Tensor | null }>
): Tensor {
  const [bias, opts] = convArgs<ConvTransposeOptions>('conv_transpose2d', CONVT_PARAMS, args);
  return coreConvT2d(input, weight, bias, opts);
}
