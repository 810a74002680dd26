/**
 * Value-fixing and sign `torch.*` functions: `torch.nan_to_num`, `torch.sgn`, `torch.frac`,
 * `torch.positive`.
 */
import { bool, RuntimeError, scalarTypeName, type Tensor } from '@nncompat/core';
import { type OutOption, positionalOptions, rejectOut } from './args.js';

/** Keyword arguments of `torch.nan_to_num` (all positional-or-keyword in PyTorch). */
export interface NanToNumOptions extends OutOption {
  nan?: number | null;
  posinf?: number | null;
  neginf?: number | null;
}

/**
 * `torch.nan_to_num(input, nan=0.0, posinf=None, neginf=None)`: NaN, +inf and -inf replaced (the
 * infinities by the dtype's largest / lowest finite value by default).
 *
 * @example
 * torch.nan_to_num(x);
 * torch.nan_to_num(x, 0, 1e4, -1e4);
 * torch.nan_to_num(x, { posinf: 1 });
 */
export function nan_to_num(input: Tensor, nan?: number | null, posinf?: number | null, neginf?: number | null, opts?: NanToNumOptions): Tensor;
export function nan_to_num(input: Tensor, ...rest: [...(number | null)[], NanToNumOptions]): Tensor;
export function nan_to_num(input: Tensor, ...rest: unknown[]): Tensor {
  const o = positionalOptions<NanToNumOptions>('nan_to_num', ['nan', 'posinf', 'neginf'], rest);
  return input.nan_to_num(o.nan ?? null, o.posinf ?? null, o.neginf ?? null);
}

/**
 * `torch.sgn(input)`: `torch.sign` for real dtypes (PyTorch's complex-aware sign).
 *
 * @example
 * torch.sgn(torch.tensor([-2.0, 0.0, 3.0])); // tensor([-1.,  0.,  1.])
 */
export function sgn(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('sgn', opts);
  return input.sgn();
}

/**
 * `torch.frac(input)`: `input - trunc(input)` (keeps the sign; floating dtypes only). The gradient
 * is the incoming one unchanged, as PyTorch's (trunc's gradient is zero).
 *
 * @example
 * torch.frac(torch.tensor([1.5, -2.25])); // tensor([ 0.5000, -0.2500])
 */
export function frac(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('frac', opts);
  if (!input.dtype.is_floating_point) throw new RuntimeError(`"frac_cpu" not implemented for '${scalarTypeName(input.dtype)}'`);
  return input.sub(input.trunc());
}

/**
 * `torch.positive(input)`: returns `input` itself (bool tensors are rejected, as PyTorch's unary `+`).
 *
 * @example
 * torch.positive(x) === x; // true
 */
export function positive(input: Tensor): Tensor {
  if (input.dtype === bool) throw new RuntimeError('The `+` operator, on a bool tensor is not supported.');
  return input;
}
