/**
 * Trigonometric and hyperbolic `torch.*` functions (`torch.tan`, `torch.asin`, `torch.sinh`, …,
 * with PyTorch's `arc*` aliases) and the angle conversions `torch.deg2rad` / `torch.rad2deg`.
 * Integer and bool inputs compute in the default float dtype, as every unary float op does.
 */
import { getDefaultDtype, RuntimeError, type Tensor } from '@nncompat/core';
import { type OutOption, rejectOut } from './args.js';

/**
 * `torch.tan(input)`.
 *
 * @example
 * torch.tan(x);
 */
export function tan(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('tan', opts);
  return input.tan();
}

/**
 * `torch.sinh(input)`.
 *
 * @example
 * torch.sinh(x);
 */
export function sinh(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('sinh', opts);
  return input.sinh();
}

/**
 * `torch.cosh(input)`.
 *
 * @example
 * torch.cosh(x);
 */
export function cosh(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('cosh', opts);
  return input.cosh();
}

/**
 * `torch.asin(input)`: NaN outside [-1, 1].
 *
 * @example
 * torch.asin(torch.tensor([0.5]));
 */
export function asin(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('asin', opts);
  return input.asin();
}

/**
 * `torch.arcsin`: PyTorch's alias of `torch.asin`.
 *
 * @example
 * torch.arcsin(x);
 */
export function arcsin(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('arcsin', opts);
  return input.asin();
}

/**
 * `torch.acos(input)`: NaN outside [-1, 1].
 *
 * @example
 * torch.acos(x);
 */
export function acos(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('acos', opts);
  return input.acos();
}

/**
 * `torch.arccos`: PyTorch's alias of `torch.acos`.
 *
 * @example
 * torch.arccos(x);
 */
export function arccos(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('arccos', opts);
  return input.acos();
}

/**
 * `torch.atan(input)`.
 *
 * @example
 * torch.atan(x);
 */
export function atan(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('atan', opts);
  return input.atan();
}

/**
 * `torch.arctan`: PyTorch's alias of `torch.atan`.
 *
 * @example
 * torch.arctan(x);
 */
export function arctan(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('arctan', opts);
  return input.atan();
}

/** Integer and bool inputs become the default float dtype (ATen's deg2rad/rad2deg do the same). */
function angleInput(fn: string, input: Tensor): Tensor {
  if (input.dtype.is_complex) throw new RuntimeError(`${fn} is not supported for complex tensors.`);
  return input.dtype.is_floating_point ? input : input.to(getDefaultDtype());
}

/**
 * `torch.deg2rad(input)`: `input * (π / 180)`.
 *
 * @example
 * torch.deg2rad(torch.tensor([180.0])); // tensor([3.1416])
 */
export function deg2rad(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('deg2rad', opts);
  return angleInput('deg2rad', input).mul(Math.PI / 180);
}

/**
 * `torch.rad2deg(input)`: `input * (180 / π)`.
 *
 * @example
 * torch.rad2deg(torch.tensor([Math.PI])); // tensor([180.])
 */
export function rad2deg(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('rad2deg', opts);
  return angleInput('rad2deg', input).mul(180 / Math.PI);
}
