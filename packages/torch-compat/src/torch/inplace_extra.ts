/**
 * More in-place `torch.*_` functions (those PyTorch 2.1 has in the torch namespace whose Tensor
 * methods exist here): unary math, `torch.clamp_max_`, `torch.nan_to_num_`, `torch.logit_`. Each
 * modifies and returns `input`, with the methods' version-counter and autograd checks.
 */
import type { Tensor } from '@nncompat/core';

/**
 * `torch.square_(input)`: x², in place.
 *
 * @example
 * torch.square_(x);
 */
export function square_(input: Tensor): Tensor {
  return input.square_();
}

/**
 * `torch.floor_(input)`: rounds down, in place.
 *
 * @example
 * torch.floor_(x);
 */
export function floor_(input: Tensor): Tensor {
  return input.floor_();
}

/**
 * `torch.ceil_(input)`: rounds up, in place.
 *
 * @example
 * torch.ceil_(x);
 */
export function ceil_(input: Tensor): Tensor {
  return input.ceil_();
}

/**
 * `torch.round_(input)`: rounds half to even, in place.
 *
 * @example
 * torch.round_(x);
 */
export function round_(input: Tensor): Tensor {
  return input.round_();
}

/**
 * `torch.trunc_(input)`: rounds toward zero, in place.
 *
 * @example
 * torch.trunc_(x);
 */
export function trunc_(input: Tensor): Tensor {
  return input.trunc_();
}

/**
 * `torch.fix_(input)`: PyTorch's alias of `torch.trunc_`, in place.
 *
 * @example
 * torch.fix_(x);
 */
export function fix_(input: Tensor): Tensor {
  return input.trunc_();
}

/**
 * `torch.reciprocal_(input)`: 1 / x, in place.
 *
 * @example
 * torch.reciprocal_(x);
 */
export function reciprocal_(input: Tensor): Tensor {
  return input.reciprocal_();
}

/**
 * `torch.rsqrt_(input)`: 1 / sqrt(x), in place.
 *
 * @example
 * torch.rsqrt_(x);
 */
export function rsqrt_(input: Tensor): Tensor {
  return input.rsqrt_();
}

/**
 * `torch.expm1_(input)`: e^x - 1, in place.
 *
 * @example
 * torch.expm1_(x);
 */
export function expm1_(input: Tensor): Tensor {
  return input.expm1_();
}

/**
 * `torch.log1p_(input)`: log(1 + x), in place.
 *
 * @example
 * torch.log1p_(x);
 */
export function log1p_(input: Tensor): Tensor {
  return input.log1p_();
}

/**
 * `torch.log2_(input)`: base-2 logarithm, in place.
 *
 * @example
 * torch.log2_(x);
 */
export function log2_(input: Tensor): Tensor {
  return input.log2_();
}

/**
 * `torch.log10_(input)`: base-10 logarithm, in place.
 *
 * @example
 * torch.log10_(x);
 */
export function log10_(input: Tensor): Tensor {
  return input.log10_();
}

/**
 * `torch.sin_(input)`: sine, in place.
 *
 * @example
 * torch.sin_(x);
 */
export function sin_(input: Tensor): Tensor {
  return input.sin_();
}

/**
 * `torch.cos_(input)`: cosine, in place.
 *
 * @example
 * torch.cos_(x);
 */
export function cos_(input: Tensor): Tensor {
  return input.cos_();
}

/**
 * `torch.tan_(input)`: tangent, in place.
 *
 * @example
 * torch.tan_(x);
 */
export function tan_(input: Tensor): Tensor {
  return input.tan_();
}

/**
 * `torch.sinh_(input)`: hyperbolic sine, in place.
 *
 * @example
 * torch.sinh_(x);
 */
export function sinh_(input: Tensor): Tensor {
  return input.sinh_();
}

/**
 * `torch.cosh_(input)`: hyperbolic cosine, in place.
 *
 * @example
 * torch.cosh_(x);
 */
export function cosh_(input: Tensor): Tensor {
  return input.cosh_();
}

/**
 * `torch.asin_(input)`: arcsine, in place.
 *
 * @example
 * torch.asin_(x);
 */
export function asin_(input: Tensor): Tensor {
  return input.asin_();
}

/**
 * `torch.arcsin_(input)`: PyTorch's alias of `torch.asin_`, in place.
 *
 * @example
 * torch.arcsin_(x);
 */
export function arcsin_(input: Tensor): Tensor {
  return input.asin_();
}

/**
 * `torch.acos_(input)`: arccosine, in place.
 *
 * @example
 * torch.acos_(x);
 */
export function acos_(input: Tensor): Tensor {
  return input.acos_();
}

/**
 * `torch.arccos_(input)`: PyTorch's alias of `torch.acos_`, in place.
 *
 * @example
 * torch.arccos_(x);
 */
export function arccos_(input: Tensor): Tensor {
  return input.acos_();
}

/**
 * `torch.atan_(input)`: arctangent, in place.
 *
 * @example
 * torch.atan_(x);
 */
export function atan_(input: Tensor): Tensor {
  return input.atan_();
}

/**
 * `torch.arctan_(input)`: PyTorch's alias of `torch.atan_`, in place.
 *
 * @example
 * torch.arctan_(x);
 */
export function arctan_(input: Tensor): Tensor {
  return input.atan_();
}

/**
 * `torch.exp2_(input)`: 2^x, in place.
 *
 * @example
 * torch.exp2_(x);
 */
export function exp2_(input: Tensor): Tensor {
  return input.exp2_();
}

/**
 * `torch.erf_(input)`: the error function, in place.
 *
 * @example
 * torch.erf_(x);
 */
export function erf_(input: Tensor): Tensor {
  return input.erf_();
}

/**
 * `torch.clamp_max_(input, max)`: `min(input, max)` in place.
 *
 * @example
 * torch.clamp_max_(x, 1);
 */
export function clamp_max_(input: Tensor, max: number | Tensor): Tensor {
  return input.clamp_max_(max);
}

/**
 * `torch.nan_to_num_(input, nan=0.0, posinf=None, neginf=None)`: `torch.nan_to_num` in place.
 *
 * @example
 * torch.nan_to_num_(x, 0, 1e4, -1e4);
 */
export function nan_to_num_(input: Tensor, nan: number | null = 0, posinf: number | null = null, neginf: number | null = null): Tensor {
  return input.nan_to_num_(nan, posinf, neginf);
}

/**
 * `torch.logit_(input, eps=None)`: `torch.logit` in place.
 *
 * @example
 * torch.logit_(p, 1e-6);
 */
export function logit_(input: Tensor, eps: number | null = null): Tensor {
  return input.logit_(eps);
}
