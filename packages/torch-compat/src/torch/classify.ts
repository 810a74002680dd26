/**
 * Classifying `torch.*` functions that return bool tensors (`torch.isinf`, `torch.isfinite`,
 * `torch.isposinf`, `torch.isneginf`, `torch.signbit`) and `torch.equal`, which returns a
 * JavaScript boolean as PyTorch returns a Python bool.
 */
import { bool, type Tensor } from '@nncompat/core';
import { type OutOption, rejectOut } from './args.js';

/**
 * `torch.isinf(input)`: true at ±inf (all false for integer and bool dtypes).
 *
 * @example
 * torch.isinf(torch.tensor([1, Infinity, NaN])); // tensor([False,  True, False])
 */
export function isinf(input: Tensor): Tensor {
  return input.isinf();
}

/**
 * `torch.isfinite(input)`: false at ±inf and NaN.
 *
 * @example
 * x.masked_fill(torch.isfinite(x).logical_not(), 0);
 */
export function isfinite(input: Tensor): Tensor {
  return input.isfinite();
}

/**
 * `torch.isposinf(input)`: true at +inf.
 *
 * @example
 * torch.isposinf(x);
 */
export function isposinf(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('isposinf', opts);
  return input.isposinf();
}

/**
 * `torch.isneginf(input)`: true at -inf.
 *
 * @example
 * torch.isneginf(x);
 */
export function isneginf(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('isneginf', opts);
  return input.isneginf();
}

/**
 * `torch.signbit(input)`: true where the sign bit is set, so also at -0.0 (detected as
 * `1 / x < 0`); all false for bool. NaN gives false: JavaScript arithmetic does not keep a NaN's
 * sign, where PyTorch reports true for a negative NaN.
 *
 * @example
 * torch.signbit(torch.tensor([-1.0, -0.0, 0.0, 2.0])); // tensor([ True,  True, False, False])
 */
export function signbit(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('signbit', opts);
  if (input.dtype === bool) return input.logical_and(false);
  const neg = input.lt(0);
  if (!input.dtype.is_floating_point) return neg;
  return neg.logical_or(input.eq(0).logical_and(input.reciprocal().lt(0)));
}

/**
 * `torch.equal(input, other)`: `true` when both have the same shape and the same values
 * (NaN is never equal), as a boolean rather than a tensor.
 *
 * @example
 * torch.equal(torch.tensor([1, 2]), torch.tensor([1, 2])); // true
 */
export function equal(input: Tensor, other: Tensor): boolean {
  return input.equal(other);
}
