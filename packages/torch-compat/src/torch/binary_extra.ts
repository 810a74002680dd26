/**
 * More binary elementwise `torch.*` functions: `torch.fmod`, `torch.hypot` (Tensor methods) and
 * compositions of core ops that are exact in value and gradient: `torch.copysign`,
 * `torch.heaviside`, `torch.float_power`, `torch.fmax`, `torch.fmin`.
 */
import { bool, float64, getDefaultDtype, no_grad, promoteOperands, record, RuntimeError, scalarTensor, Tensor, type TensorOrScalar, where } from '@nncompat/core';
import { type OutOption, rejectOut } from './args.js';
import type { ScalarOrTensor } from './binary.js';
import { signbit } from './classify.js';

/**
 * `torch.fmod(input, other)`: C's remainder, with the sign of the dividend (unlike `torch.remainder`).
 *
 * @example
 * torch.fmod(torch.tensor([-3, 3]), 2); // tensor([-1,  1])
 */
export function fmod(input: Tensor, other: TensorOrScalar, opts: OutOption = {}): Tensor {
  rejectOut('fmod', opts);
  return input.fmod(other);
}

/**
 * `torch.hypot(input, other)`: `sqrt(input² + other²)` (floating dtypes only).
 *
 * @example
 * torch.hypot(torch.tensor([3.0]), torch.tensor([4.0])); // tensor([5.])
 */
export function hypot(input: Tensor, other: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('hypot', opts);
  return input.hypot(other);
}

/**
 * `torch.copysign(input, other)`: |input| with the sign of `other` (a tensor or a number; -0.0
 * counts as negative). Integer inputs give the default float dtype. The gradient w.r.t. `input`
 * is `sign(input) * sign(other)` (0 at input 0) and `other` gets none, PyTorch's formula (which
 * gives `other` a zero gradient). A negative NaN in `other` reads as positive (see `signbit`).
 *
 * @example
 * torch.copysign(torch.tensor([1.0, -2.0]), -1);          // tensor([-1., -2.])
 * torch.copysign(x, torch.tensor([-0.0, 0.0]));
 */
export function copysign(input: Tensor, other: TensorOrScalar, opts: OutOption = {}): Tensor {
  rejectOut('copysign', opts);
  const { dtype } = promoteOperands([input, other], input);
  const fdt = dtype.is_floating_point ? dtype : getDefaultDtype();
  const x = input.dtype === fdt ? input : input.to(fdt);
  const s = other instanceof Tensor ? signbit(other) : scalarTensor(Object.is(other, -0) || Number(other) < 0 ? 1 : 0, bool, input.backend);
  const mag = x.abs();
  return where(s, mag.neg(), mag);
}

/**
 * `torch.heaviside(input, values)`: 0 where input < 0, `values` where input == 0, 1 where input > 0
 * (NaN gives 0); both must have the same dtype. As in PyTorch it has no derivative: the result
 * requires grad when an input does, and backward raises.
 *
 * @example
 * torch.heaviside(torch.tensor([-1.5, 0, 2.0]), torch.tensor([0.5])); // tensor([0.0000, 0.5000, 1.0000])
 */
export function heaviside(input: Tensor, values: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('heaviside', opts);
  if (input.dtype !== values.dtype) throw new RuntimeError('heaviside is not yet implemented for tensors with different dtypes.');
  const y = no_grad(() => where(input.eq(0), values, input.gt(0).to(input.dtype)));
  record('HeavisideBackward0', [input, values], [y], () => {
    throw new RuntimeError('derivative for aten::heaviside is not implemented');
  });
  return y;
}

/**
 * `torch.float_power(input, exponent)`: `pow` computed in float64 (both operands are cast first,
 * as ATen's composite does, so gradients flow back through the casts). One operand may be a number.
 *
 * @example
 * torch.float_power(torch.tensor([2, 3]), 2);   // tensor([4., 9.], dtype=torch.float64)
 * torch.float_power(2, torch.tensor([1, 2]));
 */
export function float_power(input: ScalarOrTensor, exponent: ScalarOrTensor, opts: OutOption = {}): Tensor {
  rejectOut('float_power', opts);
  const toF64 = (v: ScalarOrTensor): Tensor | number => (v instanceof Tensor ? (v.dtype === float64 ? v : v.to(float64)) : Number(v));
  const base = toF64(input);
  const exp = toF64(exponent);
  if (typeof base === 'number') {
    if (typeof exp === 'number') throw new TypeError("float_power(): argument 'input' (position 1) must be Tensor, not a number");
    return scalarTensor(base, float64, exp.backend).pow(exp);
  }
  return base.pow(exp);
}

/** `where(pick first, a, b)` with broadcasting and type promotion, gradients to the picked side. */
function pick(fn: string, input: Tensor, other: Tensor, first: Tensor): Tensor {
  const { dtype } = promoteOperands([input, other], input);
  if (dtype.is_complex) throw new RuntimeError(`${fn} not implemented for complex tensors.`);
  return where(first, input, other);
}

/**
 * `torch.fmax(input, other)`: elementwise maximum that ignores NaN (NaN only where both are NaN).
 * The gradient goes to `input` where `input >= other` or `other` is NaN, else to `other`,
 * PyTorch's formula (ties go to `input`, unlike `torch.maximum`'s even split).
 *
 * @example
 * torch.fmax(torch.tensor([1, NaN]), torch.tensor([NaN, 2])); // tensor([1., 2.])
 */
export function fmax(input: Tensor, other: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('fmax', opts);
  return pick('fmax', input, other, input.ge(other).logical_or(other.isnan()));
}

/**
 * `torch.fmin(input, other)`: elementwise minimum that ignores NaN; ties give `input` the gradient.
 *
 * @example
 * torch.fmin(x, y);
 */
export function fmin(input: Tensor, other: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('fmin', opts);
  return pick('fmin', input, other, input.le(other).logical_or(other.isnan()));
}
