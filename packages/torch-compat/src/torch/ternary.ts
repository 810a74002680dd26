/**
 * Three-operand pointwise `torch.*` functions: `torch.lerp(input, end, weight)`,
 * `torch.addcmul(input, tensor1, tensor2, *, value=1)` and `torch.addcdiv`.
 */
import type { Tensor } from '@nncompat/core';
import { type OutOption, rejectOut } from './args.js';

/** Keyword-only arguments of `torch.addcmul` / `torch.addcdiv`. */
export interface ValueOptions extends OutOption {
  value?: number;
}

/**
 * `torch.lerp(input, end, weight)`: `input + weight * (end - input)` (PyTorch's two-sided formula
 * for |weight| ≥ 0.5); floating dtypes, `end` and a tensor `weight` in `input`'s dtype.
 *
 * @example
 * torch.lerp(a, b, 0.25);
 * torch.lerp(a, b, t);
 */
export function lerp(input: Tensor, end: Tensor, weight: number | Tensor, opts: OutOption = {}): Tensor {
  rejectOut('lerp', opts);
  return input.lerp(end, weight);
}

/**
 * `torch.addcmul(input, tensor1, tensor2, *, value=1)`: `input + value * tensor1 * tensor2`.
 *
 * @example
 * torch.addcmul(x, a, b, { value: 0.5 });
 */
export function addcmul(input: Tensor, tensor1: Tensor, tensor2: Tensor, opts: ValueOptions = {}): Tensor {
  rejectOut('addcmul', opts);
  return input.addcmul(tensor1, tensor2, opts.value === undefined ? undefined : { value: opts.value });
}

/**
 * `torch.addcdiv(input, tensor1, tensor2, *, value=1)`: `input + value * tensor1 / tensor2`
 * (integer `tensor1` and `tensor2` are rejected, as in PyTorch).
 *
 * @example
 * torch.addcdiv(p, m, v.sqrt().add(1e-8), { value: -lr });
 */
export function addcdiv(input: Tensor, tensor1: Tensor, tensor2: Tensor, opts: ValueOptions = {}): Tensor {
  rejectOut('addcdiv', opts);
  return input.addcdiv(tensor1, tensor2, opts.value === undefined ? undefined : { value: opts.value });
}
