/**
 * Activation functions of `torch.nn.functional`, composed from core ops so that autograd (and
 * every backend) works. `inplace: true` writes the result into the input, as PyTorch does.
 */
import { type DType, type DTypeName, hardtanh as coreHardtanh, type Tensor, toDType } from '@nncompat/core';
import { bindArgs, p, type PyArgs } from './pyargs.js';
import { warnOnce } from './warn.js';

/** Runs `f` out of place, or writes its result into `input` when `inplace`. */
function maybeInplace(input: Tensor, inplace: boolean | undefined, f: (x: Tensor) => Tensor): Tensor {
  return inplace ? input._writeInPlace(f, []) : f(input);
}

/** Options of the activations that only take `inplace`. */
export interface InplaceOptions {
  inplace?: boolean;
}

const INPLACE = [p.bool('inplace')];

/**
 * `F.relu(input, inplace=False)`.
 *
 * @example
 * F.relu(torch.tensor([-1, 2])); // tensor([0, 2])
 * F.relu(x, true);                // same as F.relu(x, { inplace: true })
 */
export function relu(input: Tensor, ...args: PyArgs<[inplace: boolean], InplaceOptions>): Tensor {
  const o = bindArgs<InplaceOptions>('relu', 1, INPLACE, args);
  return maybeInplace(input, o.inplace, (x) => x.relu());
}

/** Options of `hardtanh`. */
export interface HardtanhOptions extends InplaceOptions {
  min_val?: number;
  max_val?: number;
}

/**
 * `F.hardtanh(input, min_val=-1., max_val=1., inplace=False)`, with ATen's gradient (0 on
 * both boundaries; see core's `hardtanh`).
 *
 * @example
 * F.hardtanh(x, -0.5, 0.5);
 * F.hardtanh(x, { min_val: -0.5, max_val: 0.5 });
 */
export function hardtanh(input: Tensor, ...args: PyArgs<[min_val: number, max_val: number, inplace: boolean], HardtanhOptions>): Tensor {
  const o = bindArgs<HardtanhOptions>('hardtanh', 1, [p.float('min_val'), p.float('max_val'), p.bool('inplace')], args);
  const lo = o.min_val ?? -1;
  const hi = o.max_val ?? 1;
  return maybeInplace(input, o.inplace, (x) => coreHardtanh(x, lo, hi));
}

/**
 * `F.relu6(input, inplace=False)`: `hardtanh(input, 0, 6)`.
 *
 * @example
 * F.relu6(x);
 * F.relu6(x, { inplace: true });
 */
export function relu6(input: Tensor, ...args: PyArgs<[inplace: boolean], InplaceOptions>): Tensor {
  const o = bindArgs<InplaceOptions>('relu6', 1, INPLACE, args);
  return maybeInplace(input, o.inplace, (x) => coreHardtanh(x, 0, 6));
}

/** Options of `leaky_relu`. */
export interface LeakyReluOptions extends InplaceOptions {
  negative_slope?: number;
}

/**
 * `F.leaky_relu(input, negative_slope=0.01, inplace=False)`.
 *
 * @example
 * F.leaky_relu(x, 0.2);
 * F.leaky_relu(x, { negative_slope: 0.2, inplace: true });
 */
export function leaky_relu(input: Tensor, ...args: PyArgs<[negative_slope: number, inplace: boolean], LeakyReluOptions>): Tensor {
  const o = bindArgs<LeakyReluOptions>('leaky_relu', 1, [p.float('negative_slope'), p.bool('inplace')], args);
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
 * F.elu(x, 1.5);
 * F.elu(x, { alpha: 1.5 });
 */
export function elu(input: Tensor, ...args: PyArgs<[alpha: number, inplace: boolean], EluOptions>): Tensor {
  const opts = bindArgs<EluOptions>('elu', 1, [p.float('alpha'), p.bool('inplace')], args);
  const alpha = opts.alpha ?? 1;
  // clamp before expm1 keeps the unused branch finite, so its zero gradient stays zero (no inf*0).
  return maybeInplace(input, opts.inplace, (x) => x.relu().add(x.clamp(null, 0).expm1().mul(alpha)));
}

/** Options of `gelu`. */
export interface GeluOptions {
  approximate?: 'none' | 'tanh';
}

/**
 * `F.gelu(input, *, approximate='none')`: exact (erf) or tanh-approximated GELU. `approximate`
 * is keyword-only in PyTorch 2.1 (`gelu(Tensor self, *, str approximate='none')`), so
 * `F.gelu(x, 'tanh')` throws as it does there.
 *
 * @example
 * F.gelu(x, { approximate: 'tanh' });
 */
export function gelu(input: Tensor, ...args: PyArgs<[], GeluOptions>): Tensor {
  const opts = bindArgs<GeluOptions>('gelu', 1, [], args, [p.str('approximate')]);
  return input.gelu({ approximate: opts.approximate ?? 'none' });
}

/**
 * `F.silu(input, inplace=False)`: `x * sigmoid(x)`.
 *
 * @example
 * F.silu(x);
 * F.silu(x, true); // F.silu(x, { inplace: true })
 */
export function silu(input: Tensor, ...args: PyArgs<[inplace: boolean], InplaceOptions>): Tensor {
  const opts = bindArgs<InplaceOptions>('silu', 1, INPLACE, args);
  return maybeInplace(input, opts.inplace, (x) => x.silu());
}

/**
 * `F.mish(input, inplace=False)`: `x * tanh(softplus(x))`.
 *
 * @example
 * F.mish(x);
 * F.mish(x, { inplace: true });
 */
export function mish(input: Tensor, ...args: PyArgs<[inplace: boolean], InplaceOptions>): Tensor {
  const opts = bindArgs<InplaceOptions>('mish', 1, INPLACE, args);
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
 * F.softplus(x, 2, 20);
 * F.softplus(x, { beta: 2 });
 */
export function softplus(input: Tensor, ...args: PyArgs<[beta: number, threshold: number], SoftplusOptions>): Tensor {
  const opts = bindArgs<SoftplusOptions>('softplus', 1, [p.float('beta'), p.float('threshold')], args);
  return input.softplus(opts.beta ?? 1, opts.threshold ?? 20);
}

/**
 * `F.sigmoid(input)`.
 *
 * @example
 * F.sigmoid(x);
 */
export function sigmoid(input: Tensor, ...args: []): Tensor {
  bindArgs('sigmoid', 1, [], args);
  return input.sigmoid();
}

/**
 * `F.tanh(input)`.
 *
 * @example
 * F.tanh(x);
 */
export function tanh(input: Tensor, ...args: []): Tensor {
  bindArgs('tanh', 1, [], args);
  return input.tanh();
}

/** Options of `softmax` / `log_softmax`. */
export interface SoftmaxOptions {
  dim?: number | null;
  /** Only sets the Python warning's stack level in PyTorch; accepted and unused. */
  _stacklevel?: number;
  dtype?: DType | DTypeName | null;
}

/** Positional parameters of softmax / log_softmax after `input`, in PyTorch's order. */
type SoftmaxPositional = [dim: number | null, _stacklevel: number, dtype: DType | DTypeName | null];
const SOFTMAX_PARAMS = [p.optInt('dim'), p.int('_stacklevel'), p.optDtype('dtype')];

/** `_get_softmax_dim`: the legacy implicit dim (0 for 0-, 1- and 3-dim inputs, else 1). */
function softmaxDim(name: string, input: Tensor, dim: number | null | undefined): number {
  if (dim !== null && dim !== undefined) return dim;
  warnOnce(
    `Implicit dimension choice for ${name} has been deprecated. Change the call to include dim=X as an argument.`,
  );
  const n = input.dim();
  return n === 0 || n === 1 || n === 3 ? 0 : 1;
}

/**
 * `F.softmax(input, dim=None, _stacklevel=3, dtype=None)`.
 *
 * @example
 * F.softmax(x, 1);
 * F.softmax(x, -1, 3, 'float64');
 * F.softmax(x, { dim: -1, dtype: 'float64' });
 */
export function softmax(input: Tensor, ...args: PyArgs<SoftmaxPositional, SoftmaxOptions>): Tensor {
  const o = bindArgs<SoftmaxOptions>('softmax', 1, SOFTMAX_PARAMS, args);
  const d = softmaxDim('softmax', input, o.dim);
  const x = o.dtype ? input.to(toDType(o.dtype)) : input;
  return x.softmax(d);
}

/**
 * `F.log_softmax(input, dim=None, _stacklevel=3, dtype=None)`.
 *
 * @example
 * F.log_softmax(logits, 1);
 * F.log_softmax(logits, { dim: 1, dtype: 'float64' });
 */
export function log_softmax(input: Tensor, ...args: PyArgs<SoftmaxPositional, SoftmaxOptions>): Tensor {
  const o = bindArgs<SoftmaxOptions>('log_softmax', 1, SOFTMAX_PARAMS, args);
  const d = softmaxDim('log_softmax', input, o.dim);
  const x = o.dtype ? input.to(toDType(o.dtype)) : input;
  return x.log_softmax(d);
}

