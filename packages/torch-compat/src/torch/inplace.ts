/**
 * In-place `torch.*_` functions (`torch.relu_(x)` is `x.relu_()`): they modify and return
 * `input`, with the Tensor methods' version-counter and autograd checks.
 */
import type { Tensor, TensorOrScalar } from '@nncompat/core';

/**
 * `torch.relu_(input)`.
 *
 * @example
 * torch.relu_(h);
 */
export function relu_(input: Tensor): Tensor {
  return input.relu_();
}

/**
 * `torch.sigmoid_(input)`.
 *
 * @example
 * torch.sigmoid_(x);
 */
export function sigmoid_(input: Tensor): Tensor {
  return input.sigmoid_();
}

/**
 * `torch.tanh_(input)`.
 *
 * @example
 * torch.tanh_(x);
 */
export function tanh_(input: Tensor): Tensor {
  return input.tanh_();
}

/**
 * `torch.abs_(input)`.
 *
 * @example
 * torch.abs_(x);
 */
export function abs_(input: Tensor): Tensor {
  return input.abs_();
}

/**
 * `torch.neg_(input)`.
 *
 * @example
 * torch.neg_(x);
 */
export function neg_(input: Tensor): Tensor {
  return input.neg_();
}

/**
 * `torch.exp_(input)`.
 *
 * @example
 * torch.exp_(x);
 */
export function exp_(input: Tensor): Tensor {
  return input.exp_();
}

/**
 * `torch.log_(input)`.
 *
 * @example
 * torch.log_(x);
 */
export function log_(input: Tensor): Tensor {
  return input.log_();
}

/**
 * `torch.sqrt_(input)`.
 *
 * @example
 * torch.sqrt_(x);
 */
export function sqrt_(input: Tensor): Tensor {
  return input.sqrt_();
}

/**
 * `torch.clamp_(input, min=None, max=None)` with number bounds.
 *
 * @example
 * torch.clamp_(x, 0, 1);
 */
export function clamp_(input: Tensor, min?: number | null, max?: number | null): Tensor {
  return input.clamp_(min ?? null, max ?? null);
}

/**
 * `torch.clamp_min_(input, min)`.
 *
 * @example
 * torch.clamp_min_(x, 1e-12);
 */
export function clamp_min_(input: Tensor, min: number): Tensor {
  return input.clamp_min_(min);
}

/**
 * `torch.fill_(input, value)`: every element set to `value` (a number or a 0-dim tensor).
 *
 * @example
 * torch.fill_(x, 0.5);
 */
export function fill_(input: Tensor, value: TensorOrScalar): Tensor {
  return input.fill_(value);
}

/**
 * `torch.zero_(input)`.
 *
 * @example
 * torch.zero_(buf);
 */
export function zero_(input: Tensor): Tensor {
  return input.zero_();
}

/**
 * `torch.detach_(input)`: makes `input` itself a leaf cut from the graph.
 *
 * @example
 * torch.detach_(h);
 */
export function detach_(input: Tensor): Tensor {
  return input.detach_();
}
