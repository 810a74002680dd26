/**
 * Broadcasting `torch.*` functions: `torch.broadcast_to`, `torch.broadcast_tensors` and
 * `torch.broadcast_shapes` (results are expanded views; PyTorch's rule and error texts).
 */
import { broadcastShapes, RuntimeError, type Tensor } from '@nncompat/core';
import { Size } from './size.js';

/**
 * `torch.broadcast_to(input, size)`: a view of `input` expanded to `size` (-1 keeps a dim).
 *
 * @example
 * torch.broadcast_to(torch.tensor([1, 2]), [3, 2]).shape; // [3, 2]
 */
export function broadcast_to(input: Tensor, size: readonly number[]): Tensor {
  return input.broadcast_to(size);
}

/**
 * `torch.broadcast_tensors(*tensors)`: every tensor expanded (as a view) to the common broadcast
 * shape. A single array argument is accepted too, as Python's `*` unpacking allows.
 *
 * @example
 * const [a, b] = torch.broadcast_tensors(x, y); // x: [3, 1], y: [4] → both [3, 4]
 */
export function broadcast_tensors(...tensors: (Tensor | readonly Tensor[])[]): Tensor[] {
  const list = tensors.length === 1 && Array.isArray(tensors[0]) ? (tensors[0] as readonly Tensor[]) : (tensors as Tensor[]);
  let shape: number[] = [];
  for (const t of list) shape = broadcastShapes(shape, t.shape);
  return list.map((t) => t.expand(shape));
}

/**
 * `torch.broadcast_shapes(*shapes)`: the broadcast shape of several shapes (each an int or a list
 * of ints) as a `torch.Size`, without creating tensors.
 *
 * @example
 * String(torch.broadcast_shapes([2, 1], [3])); // 'torch.Size([2, 3])'
 */
export function broadcast_shapes(...shapes: (number | readonly number[])[]): Size {
  // PyTorch 2.1's Python implementation: align from the right, 1 stretches, else a mismatch.
  const lists = shapes.map((s) => (typeof s === 'number' ? [s] : s));
  const n = Math.max(0, ...lists.map((s) => s.length));
  const result = new Array<number>(n).fill(1);
  for (const s of lists) {
    for (let i = 1; i <= s.length; i++) {
      const v = s[s.length - i]!;
      if (v < 0) throw new RuntimeError(`Trying to create tensor with negative dimension (${v}): (${v})`);
      if (v === 1 || v === result[n - i]) continue;
      if (result[n - i] !== 1) throw new RuntimeError('Shape mismatch: objects cannot be broadcast to a single shape');
      result[n - i] = v;
    }
  }
  return new Size(result);
}
