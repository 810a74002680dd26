/**
 * OneFlow's `Dropout` (dropout.py), `Embedding` (sparse.py) and `Flatten` (flatten.py), OneFlow 1.0.
 */
import {
  AssertionError, checkEmbeddingWeight, embeddingExtraRepr, embeddingPaddingIdx, no_grad, rand, ValueError, type DType,
} from '@nncompat/core';
import { functional as F } from '../functional/index.js';
import { asFlow, type Tensor } from '../tensor/tensor.js';
import { Module } from './module.js';
import { Parameter } from './parameter.js';
import { pyBool, pyFloat } from './py-format.js';

/**
 * `oneflow.nn.Dropout(p=0.5, inplace=False, generator=None)`: zeroes entries with probability `p`
 * while training and scales the rest by `1/(1-p)`; the identity in eval mode.
 *
 * @example
 * ```ts
 * String(new flow.nn.Dropout(0.1)); // 'Dropout(p=0.1, inplace=False)'
 * ```
 */
export class Dropout extends Module {
  static override __module__ = 'oneflow.nn.modules.dropout';
  declare p: number;
  declare inplace: boolean;
  declare generator: null;

  constructor(p = 0.5, inplace = false) {
    super();
    if (p < 0 || p > 1) throw new ValueError(`dropout probability has to be between 0 and 1, but got ${p}`);
    this.p = p;
    this.inplace = inplace;
    this.generator = null;
  }

  override forward(x: Tensor): Tensor {
    return F.dropout(x, { p: this.p, training: this.training, inplace: this.inplace }) as Tensor;
  }

  override extra_repr(): string {
    return `p=${pyFloat(this.p)}, inplace=${pyBool(this.inplace)}`;
  }
}

/** Options of `Embedding` after the two sizes. */
export interface EmbeddingOptions {
  padding_idx?: number | null;
  max_norm?: number | null;
  norm_type?: number;
  scale_grad_by_freq?: boolean;
  sparse?: false;
  _weight?: Tensor | null;
  dtype?: DType | null;
}

/**
 * `oneflow.nn.Embedding(num_embeddings, embedding_dim, padding_idx=None, max_norm=None,
 * norm_type=2.0, scale_grad_by_freq=False, sparse=False, _weight=None)`: weight drawn from
 * N(0, 1), the `padding_idx` row zeroed; OneFlow refuses `sparse=True`.
 *
 * @example
 * ```ts
 * const emb = new flow.nn.Embedding(10, 3, { padding_idx: 0 });
 * emb(flow.tensor([[0, 2]])).shape; // [1, 2, 3]
 * ```
 */
export class Embedding extends Module {
  static override __module__ = 'oneflow.nn.modules.sparse';
  declare num_embeddings: number;
  declare embedding_dim: number;
  declare padding_idx: number | null;
  declare max_norm: number | null;
  declare norm_type: number;
  declare scale_grad_by_freq: boolean;
  declare weight: Parameter;
  declare sparse: boolean;

  constructor(num_embeddings: number, embedding_dim: number, opts: EmbeddingOptions = {}) {
    super();
    this.num_embeddings = num_embeddings;
    this.embedding_dim = embedding_dim;
    this.padding_idx = embeddingPaddingIdx(opts.padding_idx ?? null, num_embeddings);
    this.max_norm = opts.max_norm ?? null;
    this.norm_type = opts.norm_type ?? 2.0;
    this.scale_grad_by_freq = opts.scale_grad_by_freq ?? false;
    if ((opts.sparse as boolean | undefined) === true) throw new AssertionError('Not support sparse=True yet!');
    const w = opts._weight ?? null;
    if (w === null) {
      this.weight = new Parameter(asFlow(rand([num_embeddings, embedding_dim], opts.dtype ? { dtype: opts.dtype } : {})));
      this.reset_parameters();
    } else {
      checkEmbeddingWeight(w, num_embeddings, embedding_dim);
      this.weight = new Parameter(w);
    }
    this.sparse = false;
  }

  /** `normal_(weight)` and the padding row zeroed. */
  reset_parameters(): void {
    no_grad(() => {
      this.weight.normal_(0, 1);
      if (this.padding_idx !== null) this.weight.select(0, this.padding_idx).fill_(0);
    });
  }

  override forward(indices: Tensor): Tensor {
    return F.embedding(indices, this.weight, {
      padding_idx: this.padding_idx, max_norm: this.max_norm, norm_type: this.norm_type, scale_grad_by_freq: this.scale_grad_by_freq,
    }) as Tensor;
  }

  override extra_repr(): string {
    return embeddingExtraRepr(this, pyFloat);
  }
}

/**
 * `oneflow.nn.Flatten(start_dim=1, end_dim=-1)`.
 *
 * @example
 * ```ts
 * new flow.nn.Flatten()(flow.zeros(2, 3, 4)).shape; // [2, 12]
 * ```
 */
export class Flatten extends Module {
  static override __module__ = 'oneflow.nn.modules.flatten';
  declare start_dim: number;
  declare end_dim: number;
  constructor(start_dim = 1, end_dim = -1) {
    super();
    this.start_dim = start_dim;
    this.end_dim = end_dim;
  }
  override forward(x: Tensor): Tensor {
    return asFlow(x.flatten(this.start_dim, this.end_dim)) as Tensor;
  }
  override extra_repr(): string {
    return `start_dim=${this.start_dim}, end_dim=${this.end_dim}`;
  }
}
