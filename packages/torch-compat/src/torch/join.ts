/**
 * Joining `torch.*` functions beyond `torch.cat` / `torch.stack`: the aliases `torch.concat` /
 * `torch.concatenate` and NumPy's `hstack`, `vstack` (`row_stack`), `dstack`, `column_stack`,
 * each a `cat` of (possibly reshaped) views, so gradients are cat's.
 */
import { cat, RuntimeError, type Tensor } from '@nncompat/core';
import { type OutOption, rejectOut } from './args.js';
import { toAtLeast1d, toAtLeast2d, toAtLeast3d } from './atleast.js';

/** Keyword arguments of `torch.concat` / `torch.concatenate`. */
export interface ConcatOptions extends OutOption {
  dim?: number;
  /** NumPy's name, accepted by `torch.concatenate`. */
  axis?: number;
}

function dimOf(dim: number | ConcatOptions | undefined, opts: ConcatOptions): [number, ConcatOptions] {
  const o = typeof dim === 'object' ? dim : opts;
  rejectOut('concat', o);
  return [typeof dim === 'number' ? dim : (o.dim ?? o.axis ?? 0), o];
}

/**
 * `torch.concat(tensors, dim=0)`: PyTorch's alias of `torch.cat`.
 *
 * @example
 * torch.concat([a, b], 1);
 */
export function concat(tensors: readonly Tensor[], dim?: number | ConcatOptions, opts: ConcatOptions = {}): Tensor {
  return cat(tensors, dimOf(dim, opts)[0]);
}

/**
 * `torch.concatenate(tensors, axis=0)`: PyTorch's NumPy-named alias of `torch.cat` (`axis` or `dim`).
 *
 * @example
 * torch.concatenate([a, b], { axis: 1 });
 */
export function concatenate(tensors: readonly Tensor[], axis?: number | ConcatOptions, opts: ConcatOptions = {}): Tensor {
  return cat(tensors, dimOf(axis, opts)[0]);
}

function nonEmpty(fn: string, tensors: readonly Tensor[]): void {
  if (tensors.length === 0) throw new RuntimeError(`${fn} expects a non-empty TensorList`);
}

/**
 * `torch.hstack(tensors)`: joins along dim 1, or dim 0 when every input is 1-D (0-dim inputs count as 1-D).
 *
 * @example
 * torch.hstack([torch.tensor([1, 2]), torch.tensor([3])]); // tensor([1, 2, 3])
 */
export function hstack(tensors: readonly Tensor[], opts: OutOption = {}): Tensor {
  rejectOut('hstack', opts);
  nonEmpty('hstack', tensors);
  const ts = tensors.map(toAtLeast1d);
  return cat(ts, ts[0]!.dim() === 1 ? 0 : 1);
}

/**
 * `torch.vstack(tensors)`: joins along dim 0 after making each input at least 2-D (1-D inputs become rows).
 *
 * @example
 * torch.vstack([torch.tensor([1, 2]), torch.tensor([3, 4])]); // [[1, 2], [3, 4]]
 */
export function vstack(tensors: readonly Tensor[], opts: OutOption = {}): Tensor {
  rejectOut('vstack', opts);
  nonEmpty('vstack', tensors);
  return cat(tensors.map(toAtLeast2d), 0);
}

/**
 * `torch.row_stack`: PyTorch's alias of `torch.vstack`.
 *
 * @example
 * torch.row_stack([a, b]);
 */
export function row_stack(tensors: readonly Tensor[], opts: OutOption = {}): Tensor {
  rejectOut('row_stack', opts);
  nonEmpty('vstack', tensors); // row_stack is vstack in ATen, errors included
  return cat(tensors.map(toAtLeast2d), 0);
}

/**
 * `torch.dstack(tensors)`: joins along dim 2 after making each input at least 3-D.
 *
 * @example
 * torch.dstack([a, b]).shape; // a, b: [2, 3] → [2, 3, 2]
 */
export function dstack(tensors: readonly Tensor[], opts: OutOption = {}): Tensor {
  rejectOut('dstack', opts);
  nonEmpty('dstack', tensors);
  return cat(tensors.map(toAtLeast3d), 2);
}

/**
 * `torch.column_stack(tensors)`: 0-dim and 1-D inputs become columns `[n, 1]`, then all join along dim 1.
 *
 * @example
 * torch.column_stack([torch.tensor([1, 2]), torch.tensor([3, 4])]); // [[1, 3], [2, 4]]
 */
export function column_stack(tensors: readonly Tensor[], opts: OutOption = {}): Tensor {
  rejectOut('column_stack', opts);
  nonEmpty('column_stack', tensors);
  return cat(tensors.map((t) => (t.dim() <= 1 ? t.reshape([t.numel(), 1]) : t)), 1);
}
