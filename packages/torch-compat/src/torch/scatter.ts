/**
 * Out-of-place scatter-style `torch.*` functions: `torch.scatter` (tensor `src` or scalar
 * `value`, optional `reduce`) and `torch.index_fill`.
 */
import { Tensor } from '@nncompat/core';
import { type OutOption, rejectOut } from './args.js';

/** Keyword arguments of `torch.scatter` (`reduce` is keyword-only; `src`/`value` may be keywords). */
export interface ScatterOptions extends OutOption {
  src?: Tensor;
  value?: number;
  reduce?: 'add' | 'multiply' | null;
}

/**
 * `torch.scatter(input, dim, index, src)` / `torch.scatter(input, dim, index, value)` with
 * keyword-only `reduce='add'|'multiply'`: a copy of `input` with `src[i][j]` (or `value`) written
 * at `index` along `dim`.
 *
 * @example
 * torch.scatter(torch.zeros(2, 3), 1, torch.tensor([[2], [0]]), 1.5);
 * torch.scatter(x, 0, idx, src, { reduce: 'add' });
 * torch.scatter(x, 0, idx, { value: 2 });
 */
export function scatter(input: Tensor, dim: number, index: Tensor, srcOrValue: Tensor | number | ScatterOptions, opts: ScatterOptions = {}): Tensor {
  const positional = typeof srcOrValue === 'number' || srcOrValue instanceof Tensor;
  const o: ScatterOptions = positional ? { ...opts } : { ...srcOrValue };
  rejectOut('scatter', o);
  const src = positional ? srcOrValue : (o.src ?? o.value);
  if (src === undefined) throw new TypeError("scatter() missing 1 required argument: 'src' or 'value'");
  return input.scatter(dim, index, src, o.reduce ? { reduce: o.reduce } : undefined);
}

/**
 * `torch.index_fill(input, dim, index, value)`: a copy of `input` with the slices at `index`
 * along `dim` set to `value` (a number or a 0-dim tensor).
 *
 * @example
 * torch.index_fill(x, 1, torch.tensor([0, 2]), -1);
 */
export function index_fill(input: Tensor, dim: number, index: Tensor, value: number | Tensor): Tensor {
  return input.index_fill(dim, index, value);
}
