/** Convolutions: conv1d (as a conv2d over a height of 1), conv2d and conv_transpose2d from core. */
import { conv2d as coreConv2d, conv_transpose2d as coreConvT2d, RuntimeError, Tensor } from '@nncompat/core';

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

/** A Tensor, null, or (when bias is passed as a keyword) the options object itself. */
function splitBias<O extends object>(bias: Tensor | null | (O & { bias?: Tensor | null }), opts: O): [Tensor | null, O] {
  if (bias === null || bias instanceof Tensor) return [bias, opts];
  const { bias: b, ...rest } = bias;
  return [b ?? null, rest as O];
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
 * F.conv1d(x, w, b, { stride: 2, padding: 1 });
 */
export function conv1d(input: Tensor, weight: Tensor, biasOrOpts: Tensor | null | ConvOptions & { bias?: Tensor | null } = null, options: ConvOptions = {}): Tensor {
  const [bias, opts] = splitBias(biasOrOpts, options);
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
 * F.conv2d(x, w, null, { padding: 'same' });
 * F.conv2d(x, w, { bias: b, stride: 2 }); // bias as a keyword
 */
export function conv2d(input: Tensor, weight: Tensor, biasOrOpts: Tensor | null | ConvOptions & { bias?: Tensor | null } = null, options: ConvOptions = {}): Tensor {
  const [bias, opts] = splitBias(biasOrOpts, options);
  return coreConv2d(input, weight, bias, opts);
}

/**
 * `F.conv_transpose2d(input, weight, bias=None, stride=1, padding=0, output_padding=0,
 * groups=1, dilation=1)`.
 *
 * @example
 * F.conv_transpose2d(x, w, b, { stride: 2, output_padding: 1 });
 */
export function conv_transpose2d(
  input: Tensor, weight: Tensor, biasOrOpts: Tensor | null | ConvTransposeOptions & { bias?: Tensor | null } = null, options: ConvTransposeOptions = {},
): Tensor {
  const [bias, opts] = splitBias(biasOrOpts, options);
  return coreConvT2d(input, weight, bias, opts);
}
