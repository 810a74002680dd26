/**
 * The framework-neutral parts of `Embedding` (PyTorch's `sparse.py`, which OneFlow copied):
 * the `padding_idx` range check and wrap-around, the `_weight` shape check and `extra_repr`.
 * Initialisation, `sparse` and keyword handling differ between frameworks and stay with them.
 */
import { AssertionError } from '../errors.js';
import type { Tensor } from '../tensor/tensor.js';

/** `padding_idx` checked against `num_embeddings` (AssertionError) and made non-negative; null stays null. */
export function embeddingPaddingIdx(padding_idx: number | null, num_embeddings: number): number | null {
  if (padding_idx === null) return null;
  if (padding_idx > 0) {
    if (!(padding_idx < num_embeddings)) throw new AssertionError('Padding_idx must be within num_embeddings');
  } else if (padding_idx < 0) {
    if (!(padding_idx >= -num_embeddings)) throw new AssertionError('Padding_idx must be within num_embeddings');
    return num_embeddings + padding_idx;
  }
  return padding_idx;
}

/** The `_weight` given to `Embedding` must be `[num_embeddings, embedding_dim]` (AssertionError otherwise). */
export function checkEmbeddingWeight(w: Tensor, num_embeddings: number, embedding_dim: number): void {
  if (w.shape.length !== 2 || w.shape[0] !== num_embeddings || w.shape[1] !== embedding_dim) {
    throw new AssertionError('Shape of weight does not match num_embeddings and embedding_dim');
  }
}

/** The attributes `embeddingExtraRepr` prints. */
export interface EmbeddingLike {
  num_embeddings: number;
  embedding_dim: number;
  padding_idx: number | null;
  max_norm: number | null;
  norm_type: number;
  scale_grad_by_freq: boolean;
  sparse: boolean;
}

/** `Embedding.extra_repr()`: the sizes, then each argument that differs from its default; `pyFloat` spells floats. */
export function embeddingExtraRepr(m: EmbeddingLike, pyFloat: (v: number) => string): string {
  let s = `${m.num_embeddings}, ${m.embedding_dim}`;
  if (m.padding_idx !== null) s += `, padding_idx=${m.padding_idx}`;
  if (m.max_norm !== null) s += `, max_norm=${pyFloat(m.max_norm)}`;
  if (m.norm_type !== 2) s += `, norm_type=${pyFloat(m.norm_type)}`;
  if (m.scale_grad_by_freq) s += ', scale_grad_by_freq=True';
  if (m.sparse) s += ', sparse=True';
  return s;
}
