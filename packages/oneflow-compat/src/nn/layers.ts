/**
 * The layers OneFlow defines like PyTorch (same math, same defaults, same init), computed with
 * torch-compat's functional ops; only their Python module paths differ (used by pickles).
 */
import { no_grad, rand, type DType } from '@nncompat/core';
import * as F from '@nncompat/torch-compat/nn/functional';
import { asFlow, type Tensor } from '../tensor/tensor.js';
import { Module } from './module.js';
import { Parameter } from './parameter.js';

/** `uniform_(t, -bound, bound)` on core's generator. */
function uniformInit(t: Parameter, bound: number): void {
  no_grad(() => {
    t.copy_(rand(t.shape, { dtype: t.dtype }).mul(2 * bound).sub(bound));
  });
}

/**
 * `oneflow.nn.Linear(in_features, out_features, bias=True, device=None, dtype=None)`:
 * `y = x Wᵀ + b`, weight initialised with `kaiming_uniform_(a=sqrt(5))` (bound `1/sqrt(fan_in)`).
 *
 * @example
 * ```ts
 * const fc = new flow.nn.Linear(4, 2);
 * fc(flow.randn(3, 4)).shape; // [3, 2]
 * ```
 */
export class Linear extends Module {
  static override __module__ = 'oneflow.nn.modules.linear';
  declare in_features: number;
  declare out_features: number;
  declare weight: Parameter;
  declare bias: Parameter | null;
  declare use_fused_matmul_bias: boolean;

  constructor(in_features: number, out_features: number, bias: boolean | { bias?: boolean; device?: string | null; dtype?: DType | null } = true) {
    super();
    const o = typeof bias === 'object' ? bias : { bias };
    const dtype = o.dtype ?? undefined;
    this.in_features = in_features;
    this.out_features = out_features;
    this.weight = new Parameter(asFlow(rand([out_features, in_features], dtype ? { dtype } : {})));
    this.bias = (o.bias ?? true) ? new Parameter(asFlow(rand([out_features], dtype ? { dtype } : {}))) : null;
    this.use_fused_matmul_bias = false;
    this.reset_parameters();
  }

  /** `reset_parameters()`: kaiming-uniform weight (a=√5 gives bound 1/√fan_in) and uniform bias. */
  reset_parameters(): void {
    const bound = this.in_features > 0 ? 1 / Math.sqrt(this.in_features) : 0;
    uniformInit(this.weight, bound);
    if (this.bias !== null) uniformInit(this.bias, bound);
  }

  override forward(x: Tensor): Tensor {
    return F.linear(x, this.weight, this.bias) as Tensor;
  }

  override extra_repr(): string {
    return `in_features=${this.in_features}, out_features=${this.out_features}, bias=${this.bias !== null ? 'True' : 'False'}`;
  }
}

/**
 * `oneflow.nn.Identity()`.
 *
 * @example
 * ```ts
 * new flow.nn.Identity()(x) === x; // true
 * ```
 */
export class Identity extends Module {
  static override __module__ = 'oneflow.nn.modules.linear';
  override forward(x: Tensor): Tensor {
    return x;
  }
}

/**
 * `oneflow.nn.ReLU(inplace=False)`.
 *
 * @example
 * ```ts
 * new flow.nn.ReLU()(flow.tensor([-1, 2])); // tensor([0, 2], dtype=oneflow.int64)
 * ```
 */
export class ReLU extends Module {
  static override __module__ = 'oneflow.nn.modules.activation';
  declare inplace: boolean;
  constructor(inplace = false) {
    super();
    this.inplace = inplace;
  }
  override forward(x: Tensor): Tensor {
    return F.relu(x, { inplace: this.inplace }) as Tensor;
  }
  override extra_repr(): string {
    return this.inplace ? 'inplace=True' : '';
  }
}

/**
 * `oneflow.nn.Sigmoid()`.
 *
 * @example
 * ```ts
 * new flow.nn.Sigmoid()(flow.zeros(1)); // tensor([0.5000], dtype=oneflow.float32)
 * ```
 */
export class Sigmoid extends Module {
  static override __module__ = 'oneflow.nn.modules.activation';
  override forward(x: Tensor): Tensor {
    return F.sigmoid(x) as Tensor;
  }
}

/**
 * `oneflow.nn.Tanh()`.
 *
 * @example
 * ```ts
 * new flow.nn.Tanh()(flow.zeros(1)); // tensor([0.], dtype=oneflow.float32)
 * ```
 */
export class Tanh extends Module {
  static override __module__ = 'oneflow.nn.modules.activation';
  override forward(x: Tensor): Tensor {
    return F.tanh(x) as Tensor;
  }
}
