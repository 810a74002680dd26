/**
 * Exponential and logarithmic `torch.*` functions beyond `torch.exp`/`torch.log`: `torch.exp2`,
 * `torch.logit`, `torch.xlogy`, `torch.logaddexp` and `torch.logaddexp2`.
 */
import { no_grad, promoteOperands, record, RuntimeError, save, scalarTypeName, sumToShape, type Tensor, type TensorOrScalar, where } from '@nncompat/core';
import { type OutOption, positionalOptions, rejectOut, scalarOperand } from './args.js';
import type { ScalarOrTensor } from './binary.js';

/**
 * `torch.exp2(input)`: `2 ** input`.
 *
 * @example
 * torch.exp2(torch.tensor([0.0, 3.0])); // tensor([1., 8.])
 */
export function exp2(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('exp2', opts);
  return input.exp2();
}

/** Keyword arguments of `torch.logit` (`eps` is positional-or-keyword). */
export interface LogitOptions extends OutOption {
  eps?: number | null;
}

/**
 * `torch.logit(input, eps=None)`: `log(p / (1 - p))`, with `p` clamped to [eps, 1 - eps] when
 * `eps` is given.
 *
 * @example
 * torch.logit(probs, 1e-6);
 */
export function logit(input: Tensor, eps?: number | null, opts?: LogitOptions): Tensor;
export function logit(input: Tensor, opts: LogitOptions): Tensor;
export function logit(input: Tensor, ...rest: unknown[]): Tensor {
  const o = positionalOptions<LogitOptions>('logit', ['eps'], rest);
  return input.logit(o.eps ?? null);
}

/**
 * `torch.xlogy(input, other)`: `input * log(other)`, 0 where `input` is 0 (unless `other` is NaN).
 * Either argument may be a Python scalar, as PyTorch's Scalar overloads allow.
 *
 * @example
 * torch.xlogy(p, q);
 * torch.xlogy(2, x);
 */
export function xlogy(input: ScalarOrTensor, other: ScalarOrTensor, opts: OutOption = {}): Tensor {
  rejectOut('xlogy', opts);
  if (typeof input === 'number' || typeof input === 'boolean') {
    if (typeof other === 'number' || typeof other === 'boolean') throw new TypeError("xlogy(): argument 'input' (position 1) must be Tensor, not a number");
    return scalarOperand(input, other).xlogy(other);
  }
  return input.xlogy(other as TensorOrScalar);
}

/**
 * `torch.logaddexp(input, other)`: `log(exp(input) + exp(other))` without overflow (floating dtypes).
 *
 * @example
 * torch.logaddexp(logp, logq);
 */
export function logaddexp(input: Tensor, other: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('logaddexp', opts);
  return input.logaddexp(other);
}

/**
 * `torch.logaddexp2(input, other)`: `log2(2 ** input + 2 ** other)`, computed as ATen does
 * (`max + log1p(exp2(-|a - b|)) / ln 2`, and `a` itself where both are the same infinity), with
 * PyTorch's derivative `grad / (1 + 2 ** (other - input))` recorded rather than the composition's.
 *
 * @example
 * torch.logaddexp2(torch.tensor([1.0]), torch.tensor([1.0])); // tensor([2.])
 */
export function logaddexp2(input: Tensor, other: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('logaddexp2', opts);
  const { dtype, tensors } = promoteOperands([input, other], input);
  if (!dtype.is_floating_point) throw new RuntimeError(`"logaddexp2_cpu" not implemented for '${scalarTypeName(dtype)}'`);
  const y = no_grad(() => {
    const a = tensors[0]!;
    const b = tensors[1]!;
    const finite = a.maximum(b).add(a.sub(b).abs().neg().exp2().log1p().mul(1 / Math.LN2));
    return where(a.eq(b).logical_and(a.isinf()), a, finite);
  });
  const [sa, sb] = [save(input), save(other)];
  record('Logaddexp2Backward0', [input, other], [y], ([g]) => {
    const a = sa.unpack();
    const b = sb.unpack();
    return [sumToShape(g!.div(b.sub(a).exp2().add(1)), input.shape), sumToShape(g!.div(a.sub(b).exp2().add(1)), other.shape)];
  }, [sa, sb]);
  return y;
}
