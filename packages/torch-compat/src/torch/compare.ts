/**
 * Comparison and logical `torch.*` functions: bool tensors, broadcasting, compared in the
 * promoted dtype (`torch.eq(int_tensor, 1.5)` compares as floats), as PyTorch does.
 */
import type { Tensor, TensorOrScalar } from '@nncompat/core';
import { type OutOption, rejectOut } from './args.js';

/**
 * `torch.eq(input, other)`: `input == other` elementwise, as a bool tensor.
 *
 * @example
 * torch.eq(x, 0);
 */
export function eq(input: Tensor, other: TensorOrScalar, opts: OutOption = {}): Tensor {
  rejectOut('eq', opts);
  return input.eq(other);
}

/**
 * `torch.ne(input, other)`: `input != other` elementwise, as a bool tensor.
 *
 * @example
 * torch.ne(x, 0);
 */
export function ne(input: Tensor, other: TensorOrScalar, opts: OutOption = {}): Tensor {
  rejectOut('ne', opts);
  return input.ne(other);
}

/**
 * `torch.lt(input, other)`: `input < other` elementwise, as a bool tensor.
 *
 * @example
 * torch.lt(x, 0);
 */
export function lt(input: Tensor, other: TensorOrScalar, opts: OutOption = {}): Tensor {
  rejectOut('lt', opts);
  return input.lt(other);
}

/**
 * `torch.le(input, other)`: `input <= other` elementwise, as a bool tensor.
 *
 * @example
 * torch.le(x, 0);
 */
export function le(input: Tensor, other: TensorOrScalar, opts: OutOption = {}): Tensor {
  rejectOut('le', opts);
  return input.le(other);
}

/**
 * `torch.gt(input, other)`: `input > other` elementwise, as a bool tensor.
 *
 * @example
 * torch.gt(x, 0);
 */
export function gt(input: Tensor, other: TensorOrScalar, opts: OutOption = {}): Tensor {
  rejectOut('gt', opts);
  return input.gt(other);
}

/**
 * `torch.ge(input, other)`: `input >= other` elementwise, as a bool tensor.
 *
 * @example
 * torch.ge(x, 0);
 */
export function ge(input: Tensor, other: TensorOrScalar, opts: OutOption = {}): Tensor {
  rejectOut('ge', opts);
  return input.ge(other);
}

/**
 * `torch.not_equal`: PyTorch's alias of `torch.ne`.
 *
 * @example
 * torch.not_equal(x, y);
 */
export function not_equal(input: Tensor, other: TensorOrScalar, opts: OutOption = {}): Tensor {
  rejectOut('not_equal', opts);
  return input.ne(other);
}

/**
 * `torch.less`: PyTorch's alias of `torch.lt`.
 *
 * @example
 * torch.less(x, y);
 */
export function less(input: Tensor, other: TensorOrScalar, opts: OutOption = {}): Tensor {
  rejectOut('less', opts);
  return input.lt(other);
}

/**
 * `torch.less_equal`: PyTorch's alias of `torch.le`.
 *
 * @example
 * torch.less_equal(x, y);
 */
export function less_equal(input: Tensor, other: TensorOrScalar, opts: OutOption = {}): Tensor {
  rejectOut('less_equal', opts);
  return input.le(other);
}

/**
 * `torch.greater`: PyTorch's alias of `torch.gt`.
 *
 * @example
 * torch.greater(x, y);
 */
export function greater(input: Tensor, other: TensorOrScalar, opts: OutOption = {}): Tensor {
  rejectOut('greater', opts);
  return input.gt(other);
}

/**
 * `torch.greater_equal`: PyTorch's alias of `torch.ge`.
 *
 * @example
 * torch.greater_equal(x, y);
 */
export function greater_equal(input: Tensor, other: TensorOrScalar, opts: OutOption = {}): Tensor {
  rejectOut('greater_equal', opts);
  return input.ge(other);
}

/**
 * `torch.logical_and(input, other)`: true where both are nonzero (bool result; `other` is a tensor, as in PyTorch).
 *
 * @example
 * torch.logical_and(a > 0, b > 0);
 */
export function logical_and(input: Tensor, other: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('logical_and', opts);
  return input.logical_and(other);
}

/**
 * `torch.logical_or(input, other)`: true where either is nonzero (bool result; `other` is a tensor, as in PyTorch).
 *
 * @example
 * torch.logical_or(a > 0, b > 0);
 */
export function logical_or(input: Tensor, other: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('logical_or', opts);
  return input.logical_or(other);
}

/**
 * `torch.logical_xor(input, other)`: true where exactly one is nonzero (bool result; `other` is a tensor, as in PyTorch).
 *
 * @example
 * torch.logical_xor(a > 0, b > 0);
 */
export function logical_xor(input: Tensor, other: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('logical_xor', opts);
  return input.logical_xor(other);
}
