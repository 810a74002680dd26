/** `torch.nn.Embedding` (PyTorch 2.1 signature, incl. `_weight` / `_freeze` and `from_pretrained`). */
import {
  AssertionError, checkEmbeddingWeight, embeddingExtraRepr, embeddingPaddingIdx, empty, no_grad, Parameter, type Tensor,
} from '@nncompat/core';
import * as F from '../../functional/index.js';
import { normal_ } from '../../init/index.js';
import { bindArgs, type Factory, factoryOf, type WithKw } from './layers-util/args.js';
import { pyFloat } from './layers-util/format.js';
import { Module } from './module.js';

/** Keyword arguments of `nn.Embedding`. */
export interface EmbeddingKw extends Factory {
  padding_idx?: number | null;
  max_norm?: number | null;
  norm_type?: number;
  scale_grad_by_freq?: boolean;
  sparse?: boolean;
  _weight?: Tensor | null;
  _freeze?: boolean;
}

/** Keyword arguments of `nn.Embedding.from_pretrained`. */
export interface FromPretrainedKw {
  freeze?: boolean;
  padding_idx?: number | null;
  max_norm?: number | null;
  norm_type?: number;
  scale_grad_by_freq?: boolean;
  sparse?: boolean;
}

type EmbPositional = [padding_idx: number | null, max_norm: number | null, norm_type: number, scale_grad_by_freq: boolean, sparse: boolean, _weight: Tensor | null, _freeze: boolean];

/**
 * `nn.Embedding(num_embeddings, embedding_dim, padding_idx=None, max_norm=None, norm_type=2.0,
 * scale_grad_by_freq=False, sparse=False, _weight=None, _freeze=False, device=None,
 * dtype=None)`: weight from `N(0, 1)`, the `padding_idx` row zeroed and left out of gradients.
 *
 * @example
 * ```ts
 * const emb = new nn.Embedding(10, 3, { padding_idx: 0 });
 * emb(torch.tensor([[0, 2, 0, 5]])).shape; // [1, 4, 3]
 * ```
 */
export class Embedding extends Module {
  static override __module__ = 'torch.nn.modules.sparse';
  declare num_embeddings: number;
  declare embedding_dim: number;
  declare padding_idx: number | null;
  declare max_norm: number | null;
  declare norm_type: number;
  declare scale_grad_by_freq: boolean;
  declare sparse: boolean;
  declare weight: Parameter;

  constructor(num_embeddings: number, embedding_dim: number, ...args: WithKw<EmbPositional, EmbeddingKw>) {
    super();
    const o = bindArgs<EmbeddingKw>(
      'Embedding.__init__', ['padding_idx', 'max_norm', 'norm_type', 'scale_grad_by_freq', 'sparse', '_weight', '_freeze', 'device', 'dtype'], args,
    );
    const factory = factoryOf(o);
    this.num_embeddings = num_embeddings;
    this.embedding_dim = embedding_dim;
    this.padding_idx = embeddingPaddingIdx(o.padding_idx ?? null, num_embeddings);
    this.max_norm = o.max_norm ?? null;
    this.norm_type = o.norm_type ?? 2;
    this.scale_grad_by_freq = o.scale_grad_by_freq ?? false;
    this.sparse = o.sparse ?? false;
    const w = o._weight ?? null;
    if (w === null) {
      this.weight = new Parameter(empty([num_embeddings, embedding_dim], factory), !(o._freeze ?? false));
      this.reset_parameters();
    } else {
      checkEmbeddingWeight(w, num_embeddings, embedding_dim);
      this.weight = new Parameter(w, !(o._freeze ?? false));
    }
  }

  /** `reset_parameters()`: `normal_(weight)` then the padding row set to 0. */
  reset_parameters(): void {
    normal_(this.weight);
    this._fill_padding_idx_with_zero();
  }

  /** `_fill_padding_idx_with_zero()`. */
  _fill_padding_idx_with_zero(): void {
    if (this.padding_idx !== null) no_grad(() => this.weight.select(0, this.padding_idx!).fill_(0));
  }

  override forward(input: Tensor): Tensor {
    return F.embedding(input, this.weight, {
      padding_idx: this.padding_idx, max_norm: this.max_norm, norm_type: this.norm_type, scale_grad_by_freq: this.scale_grad_by_freq, sparse: this.sparse,
    });
  }

  override extra_repr(): string {
    return embeddingExtraRepr(this, pyFloat);
  }

  /**
   * `Embedding.from_pretrained(embeddings, freeze=True, padding_idx=None, max_norm=None,
   * norm_type=2.0, scale_grad_by_freq=False, sparse=False)`: wraps the 2-D `embeddings` (not
   * copied) as the weight.
   *
   * @example
   * ```ts
   * const emb = nn.Embedding.from_pretrained(torch.tensor([[1, 2.3, 3], [4, 5.1, 6.3]]));
   * emb(torch.tensor([1])); // [[4, 5.1, 6.3]]
   * ```
   */
  static from_pretrained(embeddings: Tensor, opts: FromPretrainedKw = {}): Embedding {
    if (embeddings.dim() !== 2) throw new AssertionError('Embeddings parameter is expected to be 2-dimensional');
    const [rows, cols] = embeddings.shape as [number, number];
    return new Embedding(rows, cols, {
      _weight: embeddings, _freeze: opts.freeze ?? true, padding_idx: opts.padding_idx ?? null, max_norm: opts.max_norm ?? null,
      norm_type: opts.norm_type ?? 2, scale_grad_by_freq: opts.scale_grad_by_freq ?? false, sparse: opts.sparse ?? false,
    });
  }
}
