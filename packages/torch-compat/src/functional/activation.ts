/**
 * Activation functions of `torch.nn.functional`, composed from core ops so that autograd (and
 * every backend) works. `inplace: true` writes the result into the input, as PyTorch does.
 */
import { type DType, type DTypeName, type Tensor, toDType } from '@nncompat/core';
import { warnOnce } from './warn.js';

/** Runs `f` out of place, or writes its result into `input` when `inplace`. */
function maybeInplace(input: Tensor, inplace: boolean | undefined, f: (x: Tensor) => Tensor): Tensor {
  return inplace ? input._writeInPlace(f, []) : f(input);
}

/** Options of the activations that only take `inplace`. */
export interface InplaceOptions {
  inplace?: boolean;
}

/**
 * `F.relu(input, inplace=False)`.
 *
 * @example
 * F.relu(torch.tensor([-1, 2])); // tensor([0, 2])
 */
export function relu(input: Tensor, opts: InplaceOptions = {}): Tensor {
  return maybeInplace(input, opts.inplace, (x) => x.relu());
}

/** Options of `hardtanh`. */
export interface HardtanhOptions extends InplaceOptions {
  min_val?: number;
  max_val?: number;
}

/**
 * `F.hardtanh(input, min_val=-1., max_val=1., inplace=False)`.
 *
 * @example
 * F.hardtanh(x, { min_val: -0.5, max_val: 0.5 });
 */
export function hardtanh(input: Tensor, opts: HardtanhOptions = {}): Tensor {
  const lo = opts.min_val ?? -1;
  const hi = opts.max_val ?? 1;
  return maybeInplace(input, opts.inplace, (x) => x.clamp(lo, hi));
}

/**
 * `F.relu6(input, inplace=False)`: `hardtanh(input, 0, 6)`.
 *
 * @example
 * F.relu6(x);
 */
export function relu6(input: Tensor, opts: InplaceOptions = {}): Tensor {
  return hardtanh(input, { min_val: 0, max_val: 6, inplace: opts.inplace });
}

/** Options of `leaky_relu`. */
export interface LeakyReluOptions extends InplaceOptions {
  negative_slope?: number;
}

/**
 * `F.leaky_relu(input, negative_slope=0.01, inplace=False)`; the slope may also be given
 * positionally.
 *
 * @example
 * F.leaky_relu(x, 0.2);
 */
export function leaky_relu(input: Tensor, negative_slope: number | LeakyReluOptions = {}, inplace = false): Tensor {
  const o: LeakyReluOptions = typeof negative_slope === 'number' ? { negative_slope, inplace } : negative_slope;
  const slope = o.negative_slope ?? 0.01;
  return maybeInplace(input, o.inplace, (x) => x.leaky_relu(slope));
}

/** Options of `elu`. */
export interface EluOptions extends InplaceOptions {
  alpha?: number;
}

/**
 * `F.elu(input, alpha=1.0, inplace=False)`: `x` where `x > 0`, else `alpha * (exp(x) - 1)`.
 *
 * @example
 * F.elu(x, { alpha: 1.5 });
 */
export function elu(input: Tensor, opts: EluOptions = {}): Tensor {
  const alpha = opts.alpha ?? 1;
  // clamp before expm1 keeps the unused branch finite, so its zero gradient stays zero (no inf*0).
  return maybeInplace(input, opts.inplace, (x) => x.relu().add(x.clamp(null, 0).expm1().mul(alpha)));
}

/** Options of `gelu`. */
export interface GeluOptions {
  approximate?: 'none' | 'tanh';
}

/**
 * `F.gelu(input, approximate='none')`: exact (erf) or tanh-approximated GELU.
 *
 * @example
 * F.gelu(x, { approximate: 'tanh' });
 */
export function gelu(input: Tensor, opts: GeluOptions = {}): Tensor {
  return input.gelu({ approximate: opts.approximate ?? 'none' });
}

/**
 * `F.silu(input, inplace=False)`: `x * sigmoid(x)`.
 *
 * @example
 * F.silu(x);
 */
export function silu(input: Tensor, opts: InplaceOptions = {}): Tensor {
  return maybeInplace(input, opts.inplace, (x) => x.silu());
}

/**
 * `F.mish(input, inplace=False)`: `x * tanh(softplus(x))`.
 *
 * @example
 * F.mish(x);
 */
export function mish(input: Tensor, opts: InplaceOptions = {}): Tensor {
  return maybeInplace(input, opts.inplace, (x) => x.mul(x.softplus().tanh()));
}

/** Options of `softplus`. */
export interface SoftplusOptions {
  beta?: number;
  threshold?: number;
}

/**
 * `F.softplus(input, beta=1, threshold=20)`: `log(1 + exp(beta x)) / beta`, linear above the
 * threshold.
 *
 * @example
 * F.softplus(x, { beta: 2 });
 */
export function softplus(input: Tensor, opts: SoftplusOptions = {}): Tensor {
  return input.softplus(opts.beta ?? 1, opts.threshold ?? 20);
}

/**
 * `F.sigmoid(input)`.
 *
 * @example
 * F.sigmoid(x);
 */
export function sigmoid(input: Tensor): Tensor {
  return input.sigmoid();
}

/**
 * `F.tanh(input)`.
 *
 * @example
 * F.tanh(x);
 */
export function tanh(input: Tensor): Tensor {
  return input.tanh();
}

/** Options of `softmax` / `log_softmax`. */
export interface SoftmaxOptions {
  dim?: number | null;
  dtype?: DType | DTypeName | null;
}

/** `_get_softmax_dim`: the legacy implicit dim (0 for 0-, 1- and 3-dim inputs, else 1). */
function softmaxDim(name: string, input: Tensor, dim: number | null | undefined): number {
  if (dim !== null && dim !== undefined) return dim;
  warnOnce(
    `Implicit dimension choice for ${name} has been deprecated. Change the call to include dim=X as an argument.`,
  );
  const n = input.dim();
  return n === 0 || n === 1 || n === 3 ? 0 : 1;
}

function softmaxArgs(dim: number | SoftmaxOptions | null | undefined): SoftmaxOptions {
  return typeof dim === 'number' || dim === null || dim === undefined ? { dim } : dim;
}

/**
 * `F.softmax(input, dim=None, dtype=None)`; `dim` may be given positionally.
 *
 * @example
 * F.softmax(x, 1);
 * F.softmax(x, { dim: -1, dtype: 'float64' });
 */
export function softmax(input: Tensor, dim?: number | SoftmaxOptions | null): Tensor {
  const o = softmaxArgs(dim);
  const d = softmaxDim('softmax', input, o.dim);
  const x = o.dtype ? input.to(toDType(o.dtype)) : input;
  return x.softmax(d);
}

/**
 * `F.log_softmax(input, dim=None, dtype=None)`.
 *
 * @example
 * F.log_softmax(logits, 1);
 */
export function log_softmax(input: Tensor, dim?: number | SoftmaxOptions | null): Tensor {
  const o = softmaxArgs(dim);
  const d = softmaxDim('log_softmax', input, o.dim);
  const x = o.dtype ? input.to(toDType(o.dtype)) : input;
  return x.log_softmax(d);
}

