/**
 * Combined and counting reductions: `torch.std_mean`, `torch.var_mean` (the `torch.std` /
 * `torch.var` overloads, returning `[std|var, mean]` as PyTorch returns a tuple) and
 * `torch.count_nonzero`.
 */
import { type DimArg, RuntimeError, Tensor } from '@nncompat/core';
import { std, var as variance, type VarOptions } from './reduction.js';

function isOptions(v: unknown): v is VarOptions {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Tensor);
}

/** The mean over the same dims (keepdim alike) as the var/std overload resolved them. */
function meanLike(input: Tensor, a: unknown, b: unknown, keepdim: boolean | undefined): Tensor {
  const dim = typeof a === 'boolean' ? null : isOptions(a) ? (a.dim ?? null) : ((a as DimArg | undefined) ?? null);
  const keep = keepdim ?? (isOptions(a) ? a.keepdim : isOptions(b) ? b.keepdim : undefined) ?? false;
  return input.mean(dim, keep);
}

function moments(fn: 'std_mean' | 'var_mean', input: Tensor, a: unknown, b: unknown, keepdim: boolean | undefined): [Tensor, Tensor] {
  if (!input.dtype.is_floating_point) throw new RuntimeError(`${fn} only support floating point and complex dtypes`);
  const spread = (fn === 'std_mean' ? std : variance) as (x: Tensor, a?: unknown, b?: unknown, k?: boolean) => Tensor;
  return [spread(input, a, b, keepdim), meanLike(input, a, b, keepdim)];
}

/**
 * `torch.std_mean(input, dim=None, *, correction=1, keepdim=False)` (and `torch.std`'s older
 * overloads) → `[std, mean]`.
 *
 * @example
 * const [s, m] = torch.std_mean(x, 1, { keepdim: true });
 * torch.std_mean(x, false); // biased, all elements
 */
export function std_mean(input: Tensor, unbiased: boolean): [Tensor, Tensor];
export function std_mean(input: Tensor, dim?: DimArg | VarOptions, unbiasedOrOpts?: boolean | VarOptions, keepdim?: boolean): [Tensor, Tensor];
export function std_mean(input: Tensor, a?: DimArg | boolean | VarOptions, b?: boolean | VarOptions, keepdim?: boolean): [Tensor, Tensor] {
  return moments('std_mean', input, a, b, keepdim);
}

/**
 * `torch.var_mean(input, dim=None, *, correction=1, keepdim=False)` → `[var, mean]`.
 *
 * @example
 * const [v, m] = torch.var_mean(x, [0, 2], { correction: 0 });
 */
export function var_mean(input: Tensor, unbiased: boolean): [Tensor, Tensor];
export function var_mean(input: Tensor, dim?: DimArg | VarOptions, unbiasedOrOpts?: boolean | VarOptions, keepdim?: boolean): [Tensor, Tensor];
export function var_mean(input: Tensor, a?: DimArg | boolean | VarOptions, b?: boolean | VarOptions, keepdim?: boolean): [Tensor, Tensor] {
  return moments('var_mean', input, a, b, keepdim);
}

/**
 * `torch.count_nonzero(input, dim=None)`: int64 count of nonzero entries (NaN counts) over
 * `dim` (one or several dims; all when None).
 *
 * @example
 * torch.count_nonzero(torch.tensor([[0, 1], [2, 0]]));    // tensor(2)
 * torch.count_nonzero(x, 1);
 */
export function count_nonzero(input: Tensor, dim: DimArg | { dim?: DimArg } = null): Tensor {
  const d = dim !== null && typeof dim === 'object' && !Array.isArray(dim) ? ((dim as { dim?: DimArg }).dim ?? null) : (dim as DimArg);
  return input.ne(0).sum(d ?? null);
}
