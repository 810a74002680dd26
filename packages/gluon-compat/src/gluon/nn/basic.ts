/** `gluon.nn.Embedding`, `Dropout`, `Flatten` (python/mxnet/gluon/nn/basic_layers.py, MXNet 1.9). */
import type { InitializerSpec } from '../../initializer/registry.js';
import type { NDArray } from '../../ndarray/ndarray.js';
import { pyFloat, pyTuple } from '../../util/pyfmt.js';
import type { BlockOptions } from '../block.js';
import { HybridBlock, type F } from '../hybrid-block.js';
import type { Parameter } from '../parameter.js';

/** Keyword arguments of `Embedding`. */
export interface EmbeddingOptions extends BlockOptions {
  dtype?: 'float32' | 'float64' | 'float16';
  weight_initializer?: InitializerSpec | null;
  sparse_grad?: boolean;
}

/**
 * `Embedding(input_dim, output_dim, dtype='float32', weight_initializer=None, sparse_grad=False)`:
 * looks up rows of `weight` `(input_dim, output_dim)`. `sparse_grad` is kept as the
 * parameter's `grad_stype` tag; gradients are dense here.
 *
 * @example
 * ```ts
 * const emb = new mx.gluon.nn.Embedding(10, 4);
 * emb.initialize();
 * emb(mx.nd.array([1, 2])).shape; // [2, 4]
 * ```
 */
export class Embedding extends HybridBlock {
  static override __module__ = 'mxnet.gluon.nn.basic_layers';
  declare _kwargs: { input_dim: number; output_dim: number; dtype: string; sparse_grad: boolean };
  declare weight: Parameter;

  constructor(input_dim: number, output_dim: number, opts: EmbeddingOptions = {}) {
    super({ prefix: opts.prefix, params: opts.params });
    const dtype = opts.dtype ?? 'float32';
    const sparse_grad = opts.sparse_grad ?? false;
    this._kwargs = { input_dim, output_dim, dtype, sparse_grad };
    this.weight = this.params.get('weight', {
      shape: [input_dim, output_dim], init: opts.weight_initializer ?? null, dtype, allow_deferred_init: true, grad_stype: sparse_grad ? 'row_sparse' : 'default',
    });
  }

  override hybrid_forward(F: F, x: NDArray, p: { weight: NDArray }): NDArray {
    return F.Embedding(x, p.weight, { ...this._kwargs, name: 'fwd' });
  }

  /** `Embedding(10 -> 4, float32)`. */
  override __repr__(): string {
    const k = this._kwargs;
    return `${this._get_name()}(${k.input_dim} -> ${k.output_dim}, ${k.dtype})`;
  }
}

/** Keyword arguments of `Dropout`. */
export interface DropoutLayerOptions extends BlockOptions {
  axes?: readonly number[];
}

/**
 * `Dropout(rate, axes=())`: active only in training mode (inside `autograd.record()`).
 *
 * @example
 * ```ts
 * const drop = new mx.gluon.nn.Dropout(0.5);
 * drop(mx.nd.ones([4])); // identity outside autograd.record()
 * ```
 */
export class Dropout extends HybridBlock {
  static override __module__ = 'mxnet.gluon.nn.basic_layers';
  declare _rate: number;
  declare _axes: readonly number[];

  constructor(rate: number, opts: DropoutLayerOptions = {}) {
    super({ prefix: opts.prefix, params: opts.params });
    this._rate = rate;
    this._axes = Object.freeze([...(opts.axes ?? [])]);
  }

  override hybrid_forward(F: F, x: NDArray): NDArray {
    if (this._rate > 0) return F.Dropout(x, { p: this._rate, axes: this._axes, name: 'fwd', cudnn_off: false });
    return F.identity(x);
  }

  /** `Dropout(p = 0.5, axes=())`. */
  override __repr__(): string {
    const p = Number.isInteger(this._rate) ? String(this._rate) : pyFloat(this._rate);
    return `${this._get_name()}(p = ${p}, axes=${pyTuple(this._axes)})`;
  }
}

/**
 * `Flatten()`: `(N, x1, …, xn)` → `(N, x1·…·xn)`.
 *
 * @example
 * ```ts
 * new mx.gluon.nn.Flatten()(mx.nd.ones([2, 3, 4])).shape; // [2, 12]
 * ```
 */
export class Flatten extends HybridBlock {
  static override __module__ = 'mxnet.gluon.nn.basic_layers';

  constructor(opts: BlockOptions = {}) {
    super(opts);
  }

  override hybrid_forward(F: F, x: NDArray): NDArray {
    return F.flatten(x);
  }

  /** `Flatten`. */
  override __repr__(): string {
    return this._get_name();
  }
}
