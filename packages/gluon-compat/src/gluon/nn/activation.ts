/** `gluon.nn.Activation` (python/mxnet/gluon/nn/activations.py, MXNet 1.9). */
import type { ActType } from '../../ndarray/ops.js';
import type { NDArray } from '../../ndarray/ndarray.js';
import type { BlockOptions } from '../block.js';
import { HybridBlock, type F } from '../hybrid-block.js';

// `_alias()` runs inside the base constructor, before `_act_type` can be set (Python sets it
// before calling super().__init__); the pending name bridges that gap.
let pendingAct: string | null = null;

/**
 * `Activation(activation)`: applies `relu`, `sigmoid`, `tanh`, `softrelu` or `softsign`. Its
 * default prefix is the activation's name (`relu0_`).
 *
 * @example
 * ```ts
 * new mx.gluon.nn.Activation('relu')(mx.nd.array([-1, 2])).asnumpy(); // [0, 2]
 * ```
 */
export class Activation extends HybridBlock {
  static override __module__ = 'mxnet.gluon.nn.activations';
  declare _act_type: ActType;

  constructor(activation: ActType, opts: BlockOptions = {}) {
    pendingAct = activation;
    try {
      super(opts);
    } finally {
      pendingAct = null;
    }
    this._act_type = activation;
  }

  override _alias(): string {
    return pendingAct ?? this._act_type;
  }

  override hybrid_forward(F: F, x: NDArray): NDArray {
    return F.Activation(x, { act_type: this._act_type, name: 'fwd' });
  }

  override __repr__(): string {
    return `${this._get_name()}(${this._act_type})`;
  }
}
