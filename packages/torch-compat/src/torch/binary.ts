/**
 * Binary arithmetic `torch.*` functions: `torch.add(input, other, {alpha})`, `torch.pow(2, t)`, …
 * As in PyTorch, `input` may be a Python scalar where ATen wraps numbers as tensors (add, sub,
 * mul, div, true_divide, floor_divide, remainder, pow); the result then follows the tensor
 * operand's dtype as a scalar operand would.
 */
import type { Tensor, TensorOrScalar } from '@nncompat/core';
import { type OutOption, rejectOut, scalarOperand } from './args.js';

/** A tensor or a Python scalar in the first position. */
export type ScalarOrTensor = TensorOrScalar;

/** Keyword-only arguments of `torch.add` / `torch.sub` / `torch.rsub`. */
export interface AlphaOptions extends OutOption {
  alpha?: number;
}

/** Keyword-only arguments of `torch.div`. */
export interface DivOptions extends OutOption {
  rounding_mode?: 'trunc' | 'floor' | null;
}

/** `input` as a tensor: a Python scalar becomes a 0-dim operand typed like one. */
function lhs(input: ScalarOrTensor, other: ScalarOrTensor, fn: string): Tensor {
  if (typeof input !== 'number' && typeof input !== 'boolean') return input;
  if (typeof other === 'number' || typeof other === 'boolean') {
    throw new TypeError(`${fn}(): argument 'input' (position 1) must be Tensor, not ${typeof input === 'boolean' ? 'bool' : Number.isInteger(input) ? 'int' : 'float'}`);
  }
  return scalarOperand(input, other);
}

/**
 * `torch.add(input, other, *, alpha=1)`: `input + alpha * other`, broadcasting, with PyTorch's
 * type promotion.
 *
 * @example
 * torch.add(x, 1);
 * torch.add(x, y, { alpha: 0.5 }); // x + 0.5 * y
 */
export function add(input: ScalarOrTensor, other: ScalarOrTensor, opts: AlphaOptions = {}): Tensor {
  rejectOut('add', opts);
  return lhs(input, other, 'add').add(other, opts);
}

/**
 * `torch.sub(input, other, *, alpha=1)`: `input - alpha * other`.
 *
 * @example
 * torch.sub(x, y, { alpha: 2 });
 */
export function sub(input: ScalarOrTensor, other: ScalarOrTensor, opts: AlphaOptions = {}): Tensor {
  rejectOut('sub', opts);
  return lhs(input, other, 'sub').sub(other, opts);
}

/**
 * `torch.subtract`: PyTorch's alias of `torch.sub`.
 *
 * @example
 * torch.subtract(x, y);
 */
export function subtract(input: ScalarOrTensor, other: ScalarOrTensor, opts: AlphaOptions = {}): Tensor {
  rejectOut('subtract', opts);
  return lhs(input, other, 'subtract').sub(other, opts);
}

/**
 * `torch.rsub(input, other, *, alpha=1)`: `other - alpha * input`.
 *
 * @example
 * torch.rsub(x, 1); // 1 - x
 */
export function rsub(input: Tensor, other: TensorOrScalar, opts: AlphaOptions = {}): Tensor {
  rejectOut('rsub', opts);
  return input.rsub(other, opts);
}

/**
 * `torch.mul(input, other)`: elementwise product.
 *
 * @example
 * torch.mul(x, 2);
 */
export function mul(input: ScalarOrTensor, other: ScalarOrTensor, opts: OutOption = {}): Tensor {
  rejectOut('mul', opts);
  return lhs(input, other, 'mul').mul(other);
}

/**
 * `torch.multiply`: PyTorch's alias of `torch.mul`.
 *
 * @example
 * torch.multiply(x, y);
 */
export function multiply(input: ScalarOrTensor, other: ScalarOrTensor, opts: OutOption = {}): Tensor {
  rejectOut('multiply', opts);
  return lhs(input, other, 'multiply').mul(other);
}

/**
 * `torch.div(input, other, *, rounding_mode=None)`: true division (integers give the default
 * float dtype), or rounded with `'trunc'` / `'floor'` (integers stay integers).
 *
 * @example
 * torch.div(x, 2);
 * torch.div(a, b, { rounding_mode: 'floor' });
 */
export function div(input: ScalarOrTensor, other: ScalarOrTensor, opts: DivOptions = {}): Tensor {
  rejectOut('div', opts);
  return lhs(input, other, 'div').div(other, opts);
}

/**
 * `torch.divide`: PyTorch's alias of `torch.div`.
 *
 * @example
 * torch.divide(x, y, { rounding_mode: 'trunc' });
 */
export function divide(input: ScalarOrTensor, other: ScalarOrTensor, opts: DivOptions = {}): Tensor {
  rejectOut('divide', opts);
  return lhs(input, other, 'divide').div(other, opts);
}

/**
 * `torch.true_divide(dividend, divisor)`: `torch.div` without rounding.
 *
 * @example
 * torch.true_divide(torch.tensor([1, 2]), 2); // tensor([0.5000, 1.0000])
 */
export function true_divide(dividend: ScalarOrTensor, divisor: ScalarOrTensor, opts: OutOption = {}): Tensor {
  rejectOut('true_divide', opts);
  return lhs(dividend, divisor, 'true_divide').true_divide(divisor);
}

/**
 * `torch.floor_divide(input, other)`: division rounded down (PyTorch ≥ 1.13 semantics).
 *
 * @example
 * torch.floor_divide(torch.tensor([-3, 5]), 2); // tensor([-2,  2])
 */
export function floor_divide(input: ScalarOrTensor, other: ScalarOrTensor, opts: OutOption = {}): Tensor {
  rejectOut('floor_divide', opts);
  return lhs(input, other, 'floor_divide').floor_divide(other);
}

/**
 * `torch.remainder(input, other)`: Python's modulus (the sign of the divisor).
 *
 * @example
 * torch.remainder(torch.tensor([-3, 5]), 2); // tensor([1, 1])
 * torch.remainder(5, torch.tensor([3, 4]));  // tensor([2, 1])
 */
export function remainder(input: ScalarOrTensor, other: ScalarOrTensor, opts: OutOption = {}): Tensor {
  rejectOut('remainder', opts);
  return lhs(input, other, 'remainder').remainder(other);
}

/**
 * `torch.pow(input, exponent)`, including PyTorch's `torch.pow(self: Scalar, exponent: Tensor)`
 * overload (the base is a Python scalar; the result takes the exponent's dtype when the
 * categories allow, e.g. `torch.pow(2, int64)` is int64 and `torch.pow(2.5, int64)` float32).
 *
 * @example
 * torch.pow(x, 2);
 * torch.pow(2, torch.arange(4)); // tensor([1, 2, 4, 8])
 */
export function pow(input: ScalarOrTensor, exponent: ScalarOrTensor, opts: OutOption = {}): Tensor {
  rejectOut('pow', opts);
  return lhs(input, exponent, 'pow').pow(exponent);
}

/**
 * `torch.atan2(input, other)`: the angle of (other, input), both tensors.
 *
 * @example
 * torch.atan2(y, x);
 */
export function atan2(input: Tensor, other: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('atan2', opts);
  return input.atan2(other);
}

/**
 * `torch.arctan2`: PyTorch's alias of `torch.atan2`.
 *
 * @example
 * torch.arctan2(y, x);
 */
export function arctan2(input: Tensor, other: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('arctan2', opts);
  return input.atan2(other);
}

/**
 * `torch.maximum(input, other)`: elementwise maximum of two tensors (NaN propagates).
 *
 * @example
 * torch.maximum(a, b);
 */
export function maximum(input: Tensor, other: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('maximum', opts);
  return input.maximum(other);
}

/**
 * `torch.minimum(input, other)`: elementwise minimum of two tensors (NaN propagates).
 *
 * @example
 * torch.minimum(a, b);
 */
export function minimum(input: Tensor, other: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('minimum', opts);
  return input.minimum(other);
}
