/**
 * Unary elementwise `torch.*` functions (`torch.exp(x)` is `x.exp()`): PyTorch's function forms
 * delegate to the Tensor methods, which carry the dtype rules, broadcasting and gradients.
 */
import type { Tensor } from '@nncompat/core';
import { type OutOption, rejectOut } from './args.js';

/**
 * `torch.abs(input)`: |x|.
 *
 * @example
 * torch.abs(torch.tensor([-1, 2])); // tensor([1, 2])
 */
export function abs(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('abs', opts);
  return input.abs();
}

/**
 * `torch.neg(input)`: -x.
 *
 * @example
 * torch.neg(x);
 */
export function neg(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('neg', opts);
  return input.neg();
}

/**
 * `torch.exp(input)`: e^x.
 *
 * @example
 * torch.exp(x);
 */
export function exp(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('exp', opts);
  return input.exp();
}

/**
 * `torch.expm1(input)`: e^x - 1, accurate near 0.
 *
 * @example
 * torch.expm1(x);
 */
export function expm1(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('expm1', opts);
  return input.expm1();
}

/**
 * `torch.log(input)`: natural logarithm (integer inputs give the default float dtype).
 *
 * @example
 * torch.log(x);
 */
export function log(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('log', opts);
  return input.log();
}

/**
 * `torch.log1p(input)`: log(1 + x), accurate near 0.
 *
 * @example
 * torch.log1p(x);
 */
export function log1p(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('log1p', opts);
  return input.log1p();
}

/**
 * `torch.log2(input)`: base-2 logarithm.
 *
 * @example
 * torch.log2(x);
 */
export function log2(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('log2', opts);
  return input.log2();
}

/**
 * `torch.log10(input)`: base-10 logarithm.
 *
 * @example
 * torch.log10(x);
 */
export function log10(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('log10', opts);
  return input.log10();
}

/**
 * `torch.sqrt(input)`: square root.
 *
 * @example
 * torch.sqrt(x);
 */
export function sqrt(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('sqrt', opts);
  return input.sqrt();
}

/**
 * `torch.rsqrt(input)`: 1 / sqrt(x).
 *
 * @example
 * torch.rsqrt(x);
 */
export function rsqrt(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('rsqrt', opts);
  return input.rsqrt();
}

/**
 * `torch.square(input)`: x * x (keeps integer dtypes).
 *
 * @example
 * torch.square(x);
 */
export function square(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('square', opts);
  return input.square();
}

/**
 * `torch.sin(input)`: sine.
 *
 * @example
 * torch.sin(x);
 */
export function sin(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('sin', opts);
  return input.sin();
}

/**
 * `torch.cos(input)`: cosine.
 *
 * @example
 * torch.cos(x);
 */
export function cos(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('cos', opts);
  return input.cos();
}

/**
 * `torch.erf(input)`: the error function.
 *
 * @example
 * torch.erf(x);
 */
export function erf(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('erf', opts);
  return input.erf();
}

/**
 * `torch.sign(input)`: -1, 0 or 1 by the sign of x.
 *
 * @example
 * torch.sign(x);
 */
export function sign(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('sign', opts);
  return input.sign();
}

/**
 * `torch.floor(input)`: rounds down.
 *
 * @example
 * torch.floor(x);
 */
export function floor(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('floor', opts);
  return input.floor();
}

/**
 * `torch.ceil(input)`: rounds up.
 *
 * @example
 * torch.ceil(x);
 */
export function ceil(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('ceil', opts);
  return input.ceil();
}

/**
 * `torch.trunc(input)`: rounds toward zero.
 *
 * @example
 * torch.trunc(x);
 */
export function trunc(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('trunc', opts);
  return input.trunc();
}

/**
 * `torch.reciprocal(input)`: 1 / x (integer inputs give the default float dtype).
 *
 * @example
 * torch.reciprocal(x);
 */
export function reciprocal(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('reciprocal', opts);
  return input.reciprocal();
}

/**
 * `torch.isnan(input)`: a bool tensor, true where x is NaN.
 *
 * @example
 * torch.isnan(torch.tensor([1, NaN])); // tensor([False,  True])
 */
export function isnan(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('isnan', opts);
  return input.isnan();
}

/**
 * `torch.logical_not(input)`: a bool tensor, true where x is zero.
 *
 * @example
 * torch.logical_not(mask);
 */
export function logical_not(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('logical_not', opts);
  return input.logical_not();
}

/**
 * `torch.absolute(input)`: PyTorch's alias of `torch.abs`.
 *
 * @example
 * torch.absolute(x); // same as torch.abs(x)
 */
export function absolute(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('absolute', opts);
  return input.abs();
}

/**
 * `torch.negative(input)`: PyTorch's alias of `torch.neg`.
 *
 * @example
 * torch.negative(x); // same as torch.neg(x)
 */
export function negative(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('negative', opts);
  return input.neg();
}

/**
 * `torch.fix(input)`: PyTorch's alias of `torch.trunc`.
 *
 * @example
 * torch.fix(x); // same as torch.trunc(x)
 */
export function fix(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('fix', opts);
  return input.trunc();
}

/** Keyword-only arguments of `torch.round`. */
export interface RoundOptions extends OutOption {
  decimals?: number;
}

/**
 * `torch.round(input, *, decimals=0)`: rounds half to even; with `decimals` it scales by
 * 10^decimals, rounds and scales back in the input's dtype, as ATen's round.decimals kernel does
 * (negative `decimals` round to tens, hundreds, …).
 *
 * @example
 * torch.round(torch.tensor([0.5, 1.5, 2.5])); // tensor([0., 2., 2.])
 * torch.round(torch.tensor([1.2345]), { decimals: 2 }); // tensor([1.2300])
 */
export function round(input: Tensor, opts: RoundOptions = {}): Tensor {
  rejectOut('round', opts);
  const d = opts.decimals ?? 0;
  if (d === 0) return input.round();
  const p = 10 ** Math.abs(d);
  return d > 0 ? input.mul(p).round().div(p) : input.div(p).round().mul(p);
}

/**
 * `torch.is_floating_point(input)`: whether `input`'s dtype is a floating point type.
 *
 * @example
 * torch.is_floating_point(torch.ones(2)); // true
 */
export function is_floating_point(input: Tensor): boolean {
  return input.is_floating_point();
}
