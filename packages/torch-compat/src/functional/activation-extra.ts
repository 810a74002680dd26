/**
 * More activations of `torch.nn.functional` (selu, celu, logsigmoid, softmin, softsign,
 * hardswish, hardsigmoid, softshrink, hardshrink, tanhshrink, threshold, glu, prelu). Each is
 * composed from core ops so that autograd works on every backend; where ATen's backward has
 * its own boundary rule (hardswish at ±3, the shrink thresholds, threshold's `<=`), the
 * composition uses `where` on the same comparisons so the gradients agree at the boundaries.
 */
import { type DType, type DTypeName, hardtanh as coreHardtanh, RuntimeError, type Tensor, toDType, where } from '@nncompat/core';
import { bindArgs, checkArg, p, type PyArgs } from './pyargs.js';
import type { InplaceOptions, SoftmaxOptions } from './activation.js';
import { warnOnce } from './warn.js';

const INPLACE = [p.bool('inplace')];

function maybeInplace(input: Tensor, inplace: boolean | undefined, f: (x: Tensor) => Tensor): Tensor {
  return inplace ? input._writeInPlace(f, []) : f(input);
}

/** ELU's shape `scale * (max(0,x) + min(0, alpha * expm1(x * inScale)))`, as ATen's elu kernel. */
function eluLike(x: Tensor, alpha: number, scale: number, inScale: number): Tensor {
  // clamp before expm1 keeps the unused branch finite, so its zero gradient stays zero.
  const neg = x.clamp(null, 0).mul(inScale).expm1().mul(alpha);
  const y = x.relu().add(neg);
  return scale === 1 ? y : y.mul(scale);
}

const SELU_ALPHA = 1.6732632423543772848170429916717;
const SELU_SCALE = 1.0507009873554804934193349852946;

/**
 * `F.selu(input, inplace=False)`: `scale * elu(x, alpha)` with the self-normalising constants.
 *
 * @example
 * F.selu(x);
 */
export function selu(input: Tensor, ...args: PyArgs<[inplace: boolean], InplaceOptions>): Tensor {
  const o = bindArgs<InplaceOptions>('selu', 1, INPLACE, args);
  return maybeInplace(input, o.inplace, (x) => eluLike(x, SELU_ALPHA, SELU_SCALE, 1));
}

/** Options of `celu`. */
export interface CeluOptions extends InplaceOptions {
  alpha?: number;
}

/**
 * `F.celu(input, alpha=1., inplace=False)`: `max(0,x) + min(0, alpha * (exp(x/alpha) - 1))`.
 *
 * @example
 * F.celu(x, 0.5);
 */
export function celu(input: Tensor, ...args: PyArgs<[alpha: number, inplace: boolean], CeluOptions>): Tensor {
  const o = bindArgs<CeluOptions>('celu', 1, [p.float('alpha'), p.bool('inplace')], args);
  const alpha = o.alpha ?? 1;
  if (alpha === 0) throw new RuntimeError('ZeroDivisionError: alpha cannot be 0 for CELU');
  return maybeInplace(input, o.inplace, (x) => eluLike(x, alpha, 1, 1 / alpha));
}

/**
 * `F.logsigmoid(input)`: `-softplus(-x)`, whose gradient is `sigmoid(-x)` as ATen's.
 *
 * @example
 * F.logsigmoid(x);
 */
export function logsigmoid(input: Tensor, ...args: []): Tensor {
  bindArgs('log_sigmoid', 1, [], args);
  return input.neg().softplus(1, 20).neg();
}

/**
 * `F.softmin(input, dim=None, _stacklevel=3, dtype=None)`: `softmax(-input, dim)`.
 *
 * @example
 * F.softmin(x, 1);
 */
export function softmin(
  input: Tensor,
  ...args: PyArgs<[dim: number | null, _stacklevel: number, dtype: DType | DTypeName | null], SoftmaxOptions>
): Tensor {
  const o = bindArgs<SoftmaxOptions>('softmin', 1, [p.optInt('dim'), p.int('_stacklevel'), p.optDtype('dtype')], args);
  let d = o.dim;
  if (d === null || d === undefined) {
    warnOnce('Implicit dimension choice for softmin has been deprecated. Change the call to include dim=X as an argument.');
    const n = input.dim();
    d = n === 0 || n === 1 || n === 3 ? 0 : 1;
  }
  const x = o.dtype ? input.to(toDType(o.dtype)) : input;
  return x.neg().softmax(d);
}

/**
 * `F.softsign(input)`: `input / (input.abs() + 1)` (PyTorch's own composition).
 *
 * @example
 * F.softsign(x);
 */
export function softsign(input: Tensor, ...args: []): Tensor {
  bindArgs('softsign', 1, [], args);
  return input.div(input.abs().add(1));
}

/**
 * `F.tanhshrink(input)`: `input - input.tanh()`.
 *
 * @example
 * F.tanhshrink(x);
 */
export function tanhshrink(input: Tensor, ...args: []): Tensor {
  bindArgs('tanhshrink', 1, [], args);
  return input.sub(input.tanh());
}

/**
 * `F.hardswish(input, inplace=False)`: `x * relu6(x + 3) / 6`. The gradient is ATen's
 * vectorised CPU kernel's: 0 below -3, `x/3 + 1/2` on [-3, 3) (so -0.5 at -3) and 1 from 3 on.
 * Its scalar loop (tail elements, or a broadcast gradient such as `sum().backward()`'s) says
 * 1.5 at exactly 3; contiguous gradients in full 8-element chunks get 1, which this follows.
 *
 * @example
 * F.hardswish(x);
 */
export function hardswish(input: Tensor, ...args: PyArgs<[inplace: boolean], InplaceOptions>): Tensor {
  const o = bindArgs<InplaceOptions>('hardswish', 1, INPLACE, args);
  return maybeInplace(input, o.inplace, (x) => {
    const mid = x.mul(x.add(3)).div(6);
    return where(x.lt(-3), x.mul(0), where(x.lt(3), mid, x));
  });
}

/**
 * `F.hardsigmoid(input, inplace=False)`: `relu6(x + 3) / 6`, gradient `1/6` strictly inside
 * (-3, 3) as ATen's.
 *
 * @example
 * F.hardsigmoid(x);
 */
export function hardsigmoid(input: Tensor, ...args: PyArgs<[inplace: boolean], InplaceOptions>): Tensor {
  const o = bindArgs<InplaceOptions>('hardsigmoid', 1, INPLACE, args);
  return maybeInplace(input, o.inplace, (x) => coreHardtanh(x.add(3), 0, 6).div(6));
}

/** Options of `softshrink` / `hardshrink`. */
export interface ShrinkOptions {
  lambd?: number;
}

/**
 * `F.softshrink(input, lambd=0.5)`: `x - lambd` above `lambd`, `x + lambd` below `-lambd`,
 * else 0 (gradient 0 on the closed interval, as ATen's).
 *
 * @example
 * F.softshrink(x, 0.3);
 */
export function softshrink(input: Tensor, ...args: PyArgs<[lambd: number], ShrinkOptions>): Tensor {
  const l = bindArgs<ShrinkOptions>('softshrink', 1, [p.float('lambd')], args).lambd ?? 0.5;
  if (!(l >= 0)) throw new RuntimeError(`lambda must be greater or equal to 0, but found to be ${l}.`);
  // A literal 0 inside (and for NaN), as PyTorch 1.13's CPU kernel returns (not `x * 0`).
  return where(input.gt(l), input.sub(l), where(input.lt(-l), input.add(l), 0));
}

/**
 * `F.hardshrink(input, lambd=0.5)`: `x` outside `[-lambd, lambd]`, else 0.
 *
 * @example
 * F.hardshrink(x, 0.3);
 */
export function hardshrink(input: Tensor, ...args: PyArgs<[lambd: number], ShrinkOptions>): Tensor {
  const l = bindArgs<ShrinkOptions>('hardshrink', 1, [p.float('lambd')], args).lambd ?? 0.5;
  // The "inside" test (not "outside") keeps NaN as NaN, as ATen's kernel does.
  return where(input.ge(-l).logical_and(input.le(l)), 0, input);
}

/** Options of `threshold`. */
export interface ThresholdOptions extends InplaceOptions {
  threshold?: number;
  value?: number;
}

/**
 * `F.threshold(input, threshold, value, inplace=False)`: `value` where `x <= threshold`, else `x`.
 *
 * @example
 * F.threshold(x, 0.1, 20);
 */
export function threshold(input: Tensor, ...args: PyArgs<[threshold: number, value: number, inplace: boolean], ThresholdOptions>): Tensor {
  const o = bindArgs<ThresholdOptions>('_threshold', 1, [p.float('threshold'), p.float('value'), p.bool('inplace')], args);
  checkArg('_threshold', p.float('threshold'), 2, o.threshold);
  checkArg('_threshold', p.float('value'), 3, o.value);
  const th = o.threshold!;
  const v = o.value!;
  return maybeInplace(input, o.inplace, (x) => where(x.le(th), v, x));
}

/** Options of `glu`. */
export interface GluOptions {
  dim?: number;
}

/**
 * `F.glu(input, dim=-1)`: `a * sigmoid(b)` of the two halves of `input` along `dim`.
 *
 * @example
 * F.glu(x, 1);
 */
export function glu(input: Tensor, ...args: PyArgs<[dim: number], GluOptions>): Tensor {
  const dim = bindArgs<GluOptions>('glu', 1, [p.int('dim')], args).dim ?? -1;
  if (input.dim() === 0) throw new RuntimeError('glu does not support scalars because halving size must be even');
  const d = dim < 0 ? dim + input.dim() : dim;
  const n = input.shape[d]!;
  if (n % 2 !== 0) throw new RuntimeError(`Halving dimension must be even, but dimension ${d} is size ${n}`);
  const a = input.narrow(d, 0, n / 2);
  const b = input.narrow(d, n / 2, n / 2);
  return a.mul(b.sigmoid());
}

/**
 * `F.prelu(input, weight)`: `x` where `x > 0`, else `weight * x`, with one weight or one per
 * channel (dim 1), as ATen's `prelu`.
 *
 * @example
 * F.prelu(x, torch.tensor([0.25]));
 */
export function prelu(input: Tensor, weight: Tensor, ...args: []): Tensor {
  checkArg('prelu', p.tensor('weight'), 2, weight);
  bindArgs('prelu', 2, [], args);
  const wd = weight.dim();
  if (wd !== 0 && wd !== 1) throw new RuntimeError(`prelu: Expected \`weight\` to be a scalar or 1D tensor, but got: ndim = ${wd}`);
  const n = weight.numel();
  let w = weight;
  if (n === 1) {
    w = weight.reshape([]);
  } else {
    if (input.dim() === 0) throw new RuntimeError('Not allow zero-dim input tensor.');
    const c = input.dim() > 1 ? input.shape[1]! : 1;
    if (c !== n) {
      throw new RuntimeError(`Mismatch of parameter numbers and input channel size. Found parameter numbers = ${n} and channel size = ${c}.`);
    }
    w = weight.reshape([n, ...Array<number>(Math.max(input.dim() - 2, 0)).fill(1)]);
  }
  return where(input.gt(0), input, input.mul(w));
}
