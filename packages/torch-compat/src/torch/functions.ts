/** torch namespace functions not in core: allclose, isclose, is_tensor, numel. */
import { type Tensor, Tensor as TensorClass } from '@nncompat/core';

/** Options of `allclose` / `isclose`. */
export interface CloseOptions {
  rtol?: number;
  atol?: number;
  equal_nan?: boolean;
}

/**
 * `torch.isclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False)`:
 * `|input - other| <= atol + rtol * |other|` element-wise (a bool tensor).
 *
 * @example
 * torch.isclose(a, b, { atol: 1e-6 });
 */
export function isclose(input: Tensor, other: Tensor, opts: CloseOptions = {}): Tensor {
  const rtol = opts.rtol ?? 1e-5;
  const atol = opts.atol ?? 1e-8;
  const a = input.detach();
  const b = other.detach();
  const eq = a.eq(b);
  const finite = a.sub(b).abs().le(b.abs().mul(rtol).add(atol));
  let r = eq.logical_or(finite);
  if (opts.equal_nan) r = r.logical_or(a.isnan().logical_and(b.isnan()));
  return r;
}

/**
 * `torch.allclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False)`.
 *
 * @example
 * torch.allclose(y, expected); // true or false
 */
export function allclose(input: Tensor, other: Tensor, opts: CloseOptions = {}): boolean {
  return Boolean(isclose(input, other, opts).all().item());
}

/**
 * `torch.is_tensor(obj)`.
 *
 * @example
 * torch.is_tensor(torch.zeros(1)); // true
 */
export function is_tensor(obj: unknown): obj is Tensor {
  return obj instanceof TensorClass;
}

/**
 * `torch.numel(input)`.
 *
 * @example
 * torch.numel(torch.zeros(2, 3)); // 6
 */
export function numel(input: Tensor): number {
  return input.numel();
}
