/** `torch.nn.utils.clip_grad_norm_` and `clip_grad_value_` (PyTorch 2.1, single-tensor path). */
import { no_grad, RuntimeError, stack, type Tensor, Tensor as TensorClass, tensor } from '@nncompat/core';
import { vectorNorm } from '../../functional/vector_norm.js';
import { pyFloatRepr } from '../../python.js';

/** One tensor or an iterable of them (parameters whose `.grad` is used). */
export type TensorOrTensors = Tensor | Iterable<Tensor>;

function gradsOf(parameters: TensorOrTensors): Tensor[] {
  const ps = parameters instanceof TensorClass ? [parameters] : [...parameters];
  return ps.filter((p) => p.grad !== null).map((p) => p.grad!);
}

/** Options of `clip_grad_norm_`. */
export interface ClipGradNormOptions {
  norm_type?: number;
  error_if_nonfinite?: boolean;
  foreach?: boolean | null;
}

/**
 * `torch.nn.utils.clip_grad_norm_(parameters, max_norm, norm_type=2.0,
 * error_if_nonfinite=False, foreach=None)`: scales all gradients in place so that their joint
 * norm is at most `max_norm`; returns the total norm (before clipping) as a tensor.
 *
 * @example
 * loss.backward();
 * const total = clip_grad_norm_(model.parameters(), 1.0);
 */
export function clip_grad_norm_(parameters: TensorOrTensors, max_norm: number, norm_type: number | ClipGradNormOptions = 2.0, error_if_nonfinite = false): Tensor {
  const o: ClipGradNormOptions = typeof norm_type === 'number' ? { norm_type, error_if_nonfinite } : norm_type;
  const p = o.norm_type ?? 2.0;
  const grads = gradsOf(parameters);
  if (grads.length === 0) return tensor(0.0);
  return no_grad(() => {
    const norms = grads.map((g) => vectorNorm(g.detach(), p, null, false));
    const total = p === Infinity ? (norms.length === 1 ? norms[0]! : stack(norms).max()) : vectorNorm(stack(norms), p, null, false);
    if (o.error_if_nonfinite && !Number.isFinite(Number(total.item()))) {
      throw new RuntimeError(`The total norm of order ${pyFloatRepr(p)} for gradients from \`parameters\` is non-finite, so it cannot be clipped. To disable this error and scale the gradients by the non-finite norm anyway, set \`error_if_nonfinite=False\``);
    }
    const coef = total.add(1e-6).reciprocal().mul(max_norm).clamp(null, 1.0);
    for (const g of grads) g.mul_(coef.to(g.dtype));
    return total;
  });
}

/**
 * `torch.nn.utils.clip_grad_value_(parameters, clip_value, foreach=None)`: clamps every
 * gradient to `[-clip_value, clip_value]` in place.
 *
 * @example
 * clip_grad_value_(model.parameters(), 0.5);
 */
export function clip_grad_value_(parameters: TensorOrTensors, clip_value: number): void {
  no_grad(() => {
    for (const g of gradsOf(parameters)) g.clamp_(-clip_value, clip_value);
  });
}
