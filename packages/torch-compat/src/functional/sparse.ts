/** `F.embedding` and `F.one_hot`. */
import { AssertionError, arange, NotImplementedError, no_grad, RuntimeError, type Tensor, where } from '@nncompat/core';
import { bindArgs, p, type PyArgs } from './pyargs.js';

/** Options of `F.embedding`. */
export interface EmbeddingOptions {
  padding_idx?: number | null;
  max_norm?: number | null;
  norm_type?: number;
  scale_grad_by_freq?: boolean;
  sparse?: boolean;
}

const EMBEDDING_PARAMS = [p.optInt('padding_idx'), p.optFloat('max_norm'), p.float('norm_type'), p.bool('scale_grad_by_freq'), p.bool('sparse')];
type EmbeddingPositional = [padding_idx: number | null, max_norm: number | null, norm_type: number, scale_grad_by_freq: boolean, sparse: boolean];

/**
 * `F.embedding(input, weight, padding_idx=None, max_norm=None, norm_type=2.0,
 * scale_grad_by_freq=False, sparse=False)`: rows of `weight` picked by integer `input`. The
 * `padding_idx` row gets no gradient; `max_norm` renormalizes the looked-up rows in place.
 *
 * @example
 * F.embedding(torch.tensor([[0, 2], [1, 0]]), weight, 0);
 * F.embedding(torch.tensor([[0, 2], [1, 0]]), weight, { padding_idx: 0 });
 */
export function embedding(input: Tensor, weight: Tensor, ...args: PyArgs<EmbeddingPositional, EmbeddingOptions>): Tensor {
  const opts = bindArgs<EmbeddingOptions>('embedding', 2, EMBEDDING_PARAMS, args);
  let padding_idx = opts.padding_idx ?? null;
  const V = weight.shape[0]!;
  if (padding_idx !== null) {
    if (padding_idx > 0) {
      if (padding_idx >= V) throw new AssertionError('Padding_idx must be within num_embeddings');
    } else if (padding_idx < 0) {
      if (padding_idx < -V) throw new AssertionError('Padding_idx must be within num_embeddings');
      padding_idx = V + padding_idx;
    }
  }
  if (opts.sparse) throw new NotImplementedError('F.embedding(sparse=True): sparse gradients are not supported');
  if (opts.scale_grad_by_freq) throw new NotImplementedError('F.embedding(scale_grad_by_freq=True) is not supported');
  if (input.dtype.name !== 'int64' && input.dtype.name !== 'int32') {
    throw new RuntimeError(`Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got ${input._legacyTypeName()} instead (while checking arguments for embedding)`);
  }
  const idx = input.reshape(-1);
  if (opts.max_norm !== null && opts.max_norm !== undefined) renorm(weight, idx, opts.max_norm, opts.norm_type ?? 2);
  let w = weight;
  if (padding_idx !== null && weight.requires_grad) {
    // Same values, but the padding row comes from a detached copy, so it gets no gradient.
    const isPad = arange(V, { device: weight.device }).eq(padding_idx).reshape(V, ...weight.shape.slice(1).map(() => 1));
    w = where(isPad, weight.detach(), weight);
  }
  return w.index_select(0, idx).reshape([...input.shape, ...weight.shape.slice(1)]);
}

/** `embedding_renorm_`: rows referenced by `idx` whose norm exceeds max_norm are scaled down. */
function renorm(weight: Tensor, idx: Tensor, max_norm: number, norm_type: number): void {
  no_grad(() => {
    const rows = [...new Set(Array.from(idx.dataSync(), Number))].sort((a, b) => a - b);
    for (const r of rows) {
      const row = weight.select(0, r);
      const norm = Number(row.abs().pow(norm_type).sum().pow(1 / norm_type).item());
      if (norm > max_norm) row.mul_(max_norm / (norm + 1e-7));
    }
  });
}

/**
 * `F.one_hot(tensor, num_classes=-1)`: int64 one-hot encoding along a new last dim.
 *
 * @example
 * F.one_hot(torch.tensor([0, 2]), 3); // [[1, 0, 0], [0, 0, 1]]
 * F.one_hot(torch.tensor([0, 2]), { num_classes: 3 });
 */
export function one_hot(tensor: Tensor, ...args: PyArgs<[num_classes: number], { num_classes?: number }>): Tensor {
  const n = bindArgs<{ num_classes?: number }>('one_hot', 1, [p.int('num_classes')], args).num_classes ?? -1;
  if (tensor.dtype.name !== 'int64') throw new RuntimeError('one_hot is only applicable to index tensor.');
  let C = n;
  if (tensor.numel() === 0) {
    if (C <= 0) throw new RuntimeError('Can not infer total number of classes from empty tensor.');
  } else {
    const min = Number(tensor.min().item());
    if (min < 0) throw new RuntimeError('Class values must be non-negative.');
    const max = Number(tensor.max().item());
    if (C === -1) C = max + 1;
    else if (max >= C) throw new RuntimeError('Class values must be smaller than num_classes.');
  }
  return tensor.unsqueeze(-1).eq(arange(C, { device: tensor.device })).long();
}
