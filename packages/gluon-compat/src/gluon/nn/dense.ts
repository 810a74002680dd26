/** `gluon.nn.Dense` (python/mxnet/gluon/nn/basic_layers.py, MXNet 1.9). */
import type { InitializerSpec } from '../../initializer/registry.js';
import type { DTypeLike } from '../../ndarray/dtype.js';
import type { ActType } from '../../ndarray/ops.js';
import type { NDArray } from '../../ndarray/ndarray.js';
import type { BlockOptions } from '../block.js';
import { HybridBlock, type F } from '../hybrid-block.js';
import type { Parameter } from '../parameter.js';
import { Activation } from './activation.js';

/** Keyword arguments of `Dense`. */
export interface DenseOptions extends BlockOptions {
  activation?: ActType | null;
  use_bias?: boolean;
  flatten?: boolean;
  dtype?: DTypeLike;
  weight_initializer?: InitializerSpec | null;
  bias_initializer?: InitializerSpec | null;
  /** Input size; 0 (default) defers it to the first forward. */
  in_units?: number;
}

/**
 * `Dense(units, activation=None, use_bias=True, flatten=True, dtype='float32',
 * weight_initializer=None, bias_initializer='zeros', in_units=0)`:
 * `activation(dot(x, weight.T) + bias)` with `weight` of shape `(units, in_units)`.
 *
 * @example
 * ```ts
 * const fc = new mx.gluon.nn.Dense(10, { activation: 'relu' }); // in_units inferred later
 * fc.initialize();
 * fc(mx.nd.ones([2, 5])).shape; // [2, 10]
 * ```
 */
export class Dense extends HybridBlock {
  static override __module__ = 'mxnet.gluon.nn.basic_layers';
  declare _flatten: boolean;
  declare _units: number;
  declare _in_units: number;
  declare weight: Parameter;
  declare bias: Parameter | null;
  declare act: Activation | null;

  constructor(units: number, opts: DenseOptions = {}) {
    if (!Number.isInteger(units) || units <= 0) throw new TypeError(`Dense: 'units' must be a positive integer, got ${String(units)}`);
    const { activation = null, use_bias = true, flatten = true, dtype = 'float32', weight_initializer = null, bias_initializer = 'zeros', in_units = 0 } = opts;
    super({ prefix: opts.prefix, params: opts.params });
    this._flatten = flatten;
    this.name_scope(() => {
      this._units = units;
      this._in_units = in_units;
      this.weight = this.params.get('weight', { shape: [units, in_units], init: weight_initializer, dtype, allow_deferred_init: true });
      this.bias = use_bias ? this.params.get('bias', { shape: [units], init: bias_initializer, dtype, allow_deferred_init: true }) : null;
      this.act = activation !== null ? new Activation(activation, { prefix: `${activation}_` }) : null;
    });
  }

  /** `in_units` from the input: all but the first axis with `flatten`, else the last axis. */
  override infer_shape(x: NDArray): void {
    const inUnits = this._flatten ? x.shape.slice(1).reduce((a, b) => a * b, 1) : x.shape[x.shape.length - 1]!;
    this.weight.shape = [this._units, inUnits];
  }

  override hybrid_forward(F: F, x: NDArray, p: { weight: NDArray; bias?: NDArray }): NDArray {
    const out = F.FullyConnected(x, p.weight, p.bias ?? null, { no_bias: p.bias === undefined, num_hidden: this._units, flatten: this._flatten, name: 'fwd' });
    return this.act !== null ? this.act(out) : out;
  }

  /** `Dense(5 -> 10, linear)`; `None` for an in_units not known yet. */
  override __repr__(): string {
    const shape = this.weight.shape!;
    return `${this._get_name()}(${shape[1] ? shape[1] : 'None'} -> ${shape[0]}, ${this.act ? this.act.__repr__() : 'linear'})`;
  }
}
