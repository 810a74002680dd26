/** `torch.nn.Linear` and `torch.nn.LazyLinear` (`y = x Wᵀ + b`). */
import { type DType, type DTypeName, empty, no_grad, Parameter, RAW, type RemovableHandle, RuntimeError, type Tensor } from '@nncompat/core';
import { linear as linearFn } from '../../functional/linear.js';
import { calculateFanInAndFanOut, kaimingUniform, uniform } from '../init/basic.js';
import { is_lazy, UninitializedParameter } from '../parameter.js';
import type { LoadStateDictPreHookFn } from './hook-types.js';
import { Module } from './module.js';

/** Factory keyword arguments (`device=None, dtype=None`). */
export interface FactoryKwargs {
  device?: string | null;
  dtype?: DType | DTypeName | null;
}

/**
 * Applies `y = x Wᵀ + b` (`torch.nn.Linear(in_features, out_features, bias=True, device=None, dtype=None)`).
 * Weights start as `kaiming_uniform_(a=√5)`, bias as `U(-1/√in, 1/√in)`, drawn from the
 * PyTorch-exact default generator.
 *
 * @example
 * ```ts
 * torch.manual_seed(0);
 * const fc = new nn.Linear(20, 30);
 * fc(torch.randn(128, 20)).shape; // [128, 30]
 * ```
 */
export class Linear extends Module {
  static override __module__ = 'torch.nn.modules.linear';
  declare in_features: number;
  declare out_features: number;
  declare weight: Parameter;
  declare bias: Parameter | null;

  constructor(in_features: number, out_features: number, bias: boolean | (FactoryKwargs & { bias?: boolean }) = true, opts: FactoryKwargs = {}) {
    super();
    const o = typeof bias === 'object' ? bias : opts;
    const withBias = typeof bias === 'object' ? (bias.bias ?? true) : bias;
    const factory = { device: o.device ?? null, dtype: o.dtype ?? null };
    this.in_features = in_features;
    this.out_features = out_features;
    this.weight = new Parameter(empty([out_features, in_features], factory));
    if (withBias) this.bias = new Parameter(empty([out_features], factory));
    else this.register_parameter('bias', null);
    this.reset_parameters();
  }

  /** Re-draws weight and bias as PyTorch's `reset_parameters` does. */
  reset_parameters(): void {
    kaimingUniform(this.weight, Math.sqrt(5));
    if (this.bias !== null) {
      const [fanIn] = calculateFanInAndFanOut(this.weight);
      const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
      uniform(this.bias, -bound, bound);
    }
  }

  override forward(input: Tensor): Tensor {
    // PyTorch's Linear.forward is F.linear: 2-D input with bias is one addmm (AddmmBackward0).
    return linearFn(input, this.weight, this.bias);
  }

  override extra_repr(): string {
    return `in_features=${this.in_features}, out_features=${this.out_features}, bias=${this.bias !== null ? 'True' : 'False'}`;
  }
}

/**
 * `torch.nn.LazyLinear(out_features, bias=True)`: `in_features` is inferred from the first
 * input; until then weight and bias are `UninitializedParameter`s. After the first call the
 * module becomes a `Linear`.
 *
 * @example
 * ```ts
 * const fc = new nn.LazyLinear(10);
 * fc(torch.randn(2, 5));
 * String(fc); // 'Linear(in_features=5, out_features=10, bias=True)'
 * ```
 */
export class LazyLinear extends Linear {
  static override __module__ = 'torch.nn.modules.linear';
  /** The class the module becomes once initialized. */
  static cls_to_become: typeof Module | null = Linear;

  constructor(out_features: number, bias: boolean | (FactoryKwargs & { bias?: boolean }) = true, opts: FactoryKwargs = {}) {
    super(0, 0, false);
    const o = typeof bias === 'object' ? bias : opts;
    const withBias = typeof bias === 'object' ? (bias.bias ?? true) : bias;
    this.weight = new UninitializedParameter({ device: o.device ?? null, dtype: o.dtype ?? null });
    this.out_features = out_features;
    if (withBias) this.bias = new UninitializedParameter({ device: o.device ?? null, dtype: o.dtype ?? null });
    // LazyModuleMixin: infer shapes before the first forward; materialize on load.
    const init: RemovableHandle = this.register_forward_pre_hook((m: Module, args: unknown[]) => {
      (m as LazyLinear).initialize_parameters(args[0] as Tensor);
      if ((m as LazyLinear).has_uninitialized_params()) throw new RuntimeError(`module ${m._get_name()} has not been fully initialized`);
      init.remove();
      load.remove();
      const cls = (m.constructor as typeof LazyLinear).cls_to_become;
      if (cls) Object.setPrototypeOf(m[RAW], cls.prototype);
      return undefined;
    });
    const lazyLoad: LoadStateDictPreHookFn = (state_dict, prefix) => {
      for (const [name, p] of [...this._parameters, ...this._buffers]) {
        const key = prefix + name;
        if (state_dict.has(key) && p !== null && is_lazy(p)) {
          const input = state_dict.get(key) as Tensor;
          if (!is_lazy(input)) no_grad(() => (p as UninitializedParameter).materialize(input.shape));
        }
      }
    };
    const load = this._register_load_state_dict_pre_hook(lazyLoad);
  }

  /** Whether some parameter or buffer is still uninitialized. */
  has_uninitialized_params(): boolean {
    for (const p of [...this._parameters.values(), ...this._buffers.values()]) if (is_lazy(p)) return true;
    return false;
  }

  override reset_parameters(): void {
    if (!this.has_uninitialized_params() && this.in_features !== 0) super.reset_parameters();
  }

  /** Materializes weight `[out, in]` and bias `[out]` from the input's last dimension. */
  initialize_parameters(input: Tensor): void {
    if (!this.has_uninitialized_params()) return;
    no_grad(() => {
      this.in_features = input.shape[input.shape.length - 1]!;
      (this.weight as unknown as UninitializedParameter).materialize([this.out_features, this.in_features]);
      if (this.bias !== null) (this.bias as unknown as UninitializedParameter).materialize([this.out_features]);
      this.reset_parameters();
    });
  }

  /** Lazy parameters are saved as they are (not detached), as LazyModuleMixin does. */
  override _save_to_state_dict(destination: Map<string, unknown>, prefix: string, keep_vars: boolean): void {
    for (const [name, p] of this._parameters) if (p !== null) destination.set(prefix + name, is_lazy(p) || keep_vars ? p : p.detach());
    for (const [name, b] of this._buffers) {
      if (b !== null && !this._non_persistent_buffers_set.has(name)) destination.set(prefix + name, is_lazy(b) || keep_vars ? b : b.detach());
    }
  }
}
