/**
 * Sorting and selection `torch.*` functions: `torch.sort`, `argsort`, `msort`, `topk`,
 * `kthvalue`, `median`. The `(values, indices)` results are PyTorch's namedtuples (destructurable,
 * with `.values` / `.indices`); ties keep input order, as PyTorch's stable sort does.
 */
import type { Tensor } from '@nncompat/core';
import { type OutOption, positionalOptions, rejectOut } from './args.js';
import type { ValuesIndices } from './reduction.js';

/** Keyword arguments of `torch.sort` / `torch.argsort` (`stable` is keyword-only). */
export interface SortArgs extends OutOption {
  dim?: number;
  descending?: boolean;
  stable?: boolean;
}

/** Keyword arguments of `torch.kthvalue` / `torch.median(input, dim)`. */
export interface KeepdimArgs extends OutOption {
  dim?: number;
  keepdim?: boolean;
}

/**
 * `torch.sort(input, dim=-1, descending=False, *, stable=False)` → `(values, indices)` (NaN sorts
 * as the largest value). Also PyTorch's `torch.sort(input, *, stable, dim=-1, descending=False)`.
 *
 * @example
 * const { values, indices } = torch.sort(x, 1, true);
 * const [v, i] = torch.sort(x, { stable: true });
 */
export function sort(input: Tensor, dim?: number, descending?: boolean, opts?: SortArgs): ValuesIndices;
export function sort(input: Tensor, dim: number, opts: SortArgs): ValuesIndices;
export function sort(input: Tensor, opts: SortArgs): ValuesIndices;
export function sort(input: Tensor, ...rest: unknown[]): ValuesIndices {
  const o = positionalOptions<SortArgs>('sort', ['dim', 'descending'], rest);
  return input.sort(o.dim ?? -1, o.descending ?? false, { stable: o.stable ?? false }) as ValuesIndices;
}

/**
 * `torch.argsort(input, dim=-1, descending=False, *, stable=False)`: the int64 indices of `torch.sort`.
 *
 * @example
 * torch.argsort(scores, -1, true);
 */
export function argsort(input: Tensor, dim?: number, descending?: boolean, opts?: SortArgs): Tensor;
export function argsort(input: Tensor, dim: number, opts: SortArgs): Tensor;
export function argsort(input: Tensor, opts: SortArgs): Tensor;
export function argsort(input: Tensor, ...rest: unknown[]): Tensor {
  const o = positionalOptions<SortArgs>('argsort', ['dim', 'descending'], rest);
  return input.argsort(o.dim ?? -1, o.descending ?? false, { stable: o.stable ?? false });
}

/**
 * `torch.msort(input)`: the values of `torch.sort(input, dim=0)`.
 *
 * @example
 * torch.msort(torch.tensor([[3, 1], [2, 4]])); // [[2, 1], [3, 4]]
 */
export function msort(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('msort', opts);
  return input.msort();
}

/** Keyword arguments of `torch.topk`. */
export interface TopkArgs extends OutOption {
  dim?: number;
  largest?: boolean;
  sorted?: boolean;
}

/**
 * `torch.topk(input, k, dim=-1, largest=True, sorted=True)` → `(values, indices)` of the `k`
 * largest (or smallest) entries along `dim`, always in sorted order here (a valid `sorted=False` result).
 *
 * @example
 * const { values, indices } = torch.topk(logits, 5);
 * torch.topk(x, 2, 0, false);            // the two smallest along dim 0
 * torch.topk(x, 3, { largest: false });
 */
export function topk(input: Tensor, k: number, dim?: number, largest?: boolean, sorted?: boolean, opts?: TopkArgs): ValuesIndices;
export function topk(input: Tensor, k: number, ...rest: [...(number | boolean)[], TopkArgs]): ValuesIndices;
export function topk(input: Tensor, k: number, ...rest: unknown[]): ValuesIndices {
  const o = positionalOptions<TopkArgs>('topk', ['dim', 'largest', 'sorted'], rest);
  return input.topk(k, o.dim ?? -1, o.largest ?? true, o.sorted ?? true) as ValuesIndices;
}

/**
 * `torch.kthvalue(input, k, dim=-1, keepdim=False)` → `(values, indices)` of the k-th smallest
 * entry (1-based) along `dim`.
 *
 * @example
 * torch.kthvalue(torch.tensor([3, 1, 2]), 2).values; // tensor(2)
 * torch.kthvalue(x, 1, 0, true);
 */
export function kthvalue(input: Tensor, k: number, dim?: number, keepdim?: boolean, opts?: KeepdimArgs): ValuesIndices;
export function kthvalue(input: Tensor, k: number, ...rest: [...(number | boolean)[], KeepdimArgs]): ValuesIndices;
export function kthvalue(input: Tensor, k: number, ...rest: unknown[]): ValuesIndices {
  const o = positionalOptions<KeepdimArgs>('kthvalue', ['dim', 'keepdim'], rest);
  return input.kthvalue(k, o.dim ?? -1, o.keepdim ?? false) as ValuesIndices;
}

/**
 * `torch.median(input)`: the lower median of all elements (NaN if any is NaN);
 * `torch.median(input, dim, keepdim=False)` → `(values, indices)` along `dim`.
 *
 * @example
 * torch.median(torch.tensor([1, 4, 2, 3]));   // tensor(2)
 * const { values, indices } = torch.median(x, 1, true);
 */
export function median(input: Tensor): Tensor;
export function median(input: Tensor, dim: number, keepdim?: boolean, opts?: KeepdimArgs): ValuesIndices;
export function median(input: Tensor, dim: number, opts: KeepdimArgs): ValuesIndices;
export function median(input: Tensor, opts: KeepdimArgs): ValuesIndices;
export function median(input: Tensor, ...rest: unknown[]): Tensor | ValuesIndices {
  if (rest.length === 0) return input.median();
  const o = positionalOptions<KeepdimArgs>('median', ['dim', 'keepdim'], rest);
  // The dim overload has no default dim: `torch.median(x, keepdim=True)` is a TypeError in PyTorch.
  if (o.dim === undefined) throw new TypeError('median() received an invalid combination of arguments - got (Tensor, keepdim=bool), but expected a dim');
  return input.median(o.dim, o.keepdim ?? false) as ValuesIndices;
}
