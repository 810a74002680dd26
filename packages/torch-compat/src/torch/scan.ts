/**
 * Running and differencing `torch.*` functions along one dim: `torch.cumsum`, `torch.cumprod`
 * (the Tensor methods, CumSum/CumProd kernels) and `torch.diff` (composed from narrowed views).
 */
import { cat, type DType, type DTypeName, RuntimeError, type Tensor } from '@nncompat/core';
import { type OutOption, positionalOptions, rejectOut } from './args.js';

/** Keyword-only arguments of `torch.cumsum` / `torch.cumprod`. */
export interface CumulativeOptions extends OutOption {
  dtype?: DType | DTypeName | null;
}

/**
 * `torch.cumsum(input, dim, *, dtype=None)`: running sum along `dim` (integer and bool inputs
 * give int64; `dtype` casts the input first).
 *
 * @example
 * torch.cumsum(torch.tensor([1, 2, 3]), 0);             // tensor([1, 3, 6])
 * torch.cumsum(x, -1, { dtype: torch.float64 });
 */
export function cumsum(input: Tensor, dim: number, opts: CumulativeOptions = {}): Tensor {
  rejectOut('cumsum', opts);
  return input.cumsum(dim, { dtype: opts.dtype ?? null });
}

/**
 * `torch.cumprod(input, dim, *, dtype=None)`: running product along `dim` (gradients are exact
 * with zeros in the input, as PyTorch's cumprod_backward).
 *
 * @example
 * torch.cumprod(torch.tensor([1, 2, 3]), 0);            // tensor([1, 2, 6])
 */
export function cumprod(input: Tensor, dim: number, opts: CumulativeOptions = {}): Tensor {
  rejectOut('cumprod', opts);
  return input.cumprod(dim, { dtype: opts.dtype ?? null });
}

/** Keyword arguments of `torch.diff` (all positional-or-keyword in PyTorch). */
export interface DiffOptions extends OutOption {
  n?: number;
  dim?: number;
  prepend?: Tensor | null;
  append?: Tensor | null;
}

/**
 * `torch.diff(input, n=1, dim=-1, prepend=None, append=None)`: the n-th forward difference along
 * `dim`, after concatenating `prepend` / `append` there. Bool inputs use `!=` (logical xor), as
 * PyTorch does. Each difference is `x[1:] - x[:-1]` on views, so gradients are the composition's.
 *
 * @example
 * torch.diff(torch.tensor([1, 3, 6]));                   // tensor([2, 3])
 * torch.diff(x, 2, 0);
 * torch.diff(x, { prepend: torch.zeros(3, 1), dim: 1 });
 */
export function diff(input: Tensor, n?: number, dim?: number, prepend?: Tensor | null, append?: Tensor | null, opts?: DiffOptions): Tensor;
export function diff(input: Tensor, ...rest: [...(number | Tensor | null)[], DiffOptions]): Tensor;
export function diff(input: Tensor, ...rest: unknown[]): Tensor {
  const o = positionalOptions<DiffOptions>('diff', ['n', 'dim', 'prepend', 'append'], rest);
  if (input.dim() === 0) throw new RuntimeError('diff expects input to be at least one-dimensional');
  const order = o.n ?? 1;
  if (order < 0) throw new RuntimeError(`order must be non-negative but got ${order}`);
  const d = o.dim ?? -1;
  const parts = [o.prepend, input, o.append].filter((t): t is Tensor => t != null);
  let x = parts.length > 1 ? cat(parts, d) : input;
  // n == 0 returns a copy in ATen (never the input itself).
  if (order === 0) return x.clone();
  for (let i = 0; i < order && x.size(d) > 0; i++) {
    const len = x.size(d) - 1;
    const hi = x.narrow(d, 1, len);
    const lo = x.narrow(d, 0, len);
    x = x.dtype.name === 'bool' ? hi.logical_xor(lo) : hi.sub(lo);
  }
  return x;
}
