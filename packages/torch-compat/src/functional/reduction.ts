/** The `reduction=` argument shared by the loss functions, and size formatting for messages. */
import { type Tensor, ValueError } from '@nncompat/core';

/** PyTorch's loss reductions. */
export type Reduction = 'none' | 'mean' | 'sum';

/**
 * Applies `reduction` to an element-wise loss, with `_Reduction.get_enum`'s error for an
 * unknown value.
 *
 * @example
 * applyReduction(x.sub(y).abs(), 'mean');
 */
export function applyReduction(loss: Tensor, reduction: string): Tensor {
  checkReduction(reduction);
  if (reduction === 'none') return loss;
  return reduction === 'sum' ? loss.sum() : loss.mean();
}

/** Throws `ValueError: <r> is not a valid value for reduction` unless r is none/mean/sum. */
export function checkReduction(reduction: string): asserts reduction is Reduction {
  if (reduction !== 'none' && reduction !== 'mean' && reduction !== 'sum') {
    throw new ValueError(`${reduction} is not a valid value for reduction`);
  }
}

/** `torch.Size([2, 3])` as PyTorch prints a shape inside messages. */
export function sizeStr(shape: readonly number[]): string {
  return `torch.Size([${shape.join(', ')}])`;
}

/** `[2, 3]` as ATen prints a shape (IntArrayRef). */
export function shapeStr(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** Whether two shapes are equal. */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}
