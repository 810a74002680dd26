/**
 * `torch.atleast_1d` / `atleast_2d` / `atleast_3d`: views with leading (and, for 3-D, trailing)
 * unit dims added. One tensor gives a tensor; several tensors (or one array) give an array, as
 * PyTorch returns a tuple.
 */
import { Tensor } from '@nncompat/core';

type Many = (Tensor | readonly Tensor[])[];

function apply(args: Many, f: (t: Tensor) => Tensor): Tensor | Tensor[] {
  if (args.length === 1 && args[0] instanceof Tensor) return f(args[0]);
  const list = args.length === 1 ? (args[0] as readonly Tensor[]) : (args as Tensor[]);
  return list.map(f);
}

/** One tensor as `atleast_1d` shapes it: a 0-dim tensor becomes [1]. */
export function toAtLeast1d(t: Tensor): Tensor {
  return t.dim() === 0 ? t.reshape([1]) : t;
}
/** A 0-dim tensor becomes [1, 1], a 1-D one [1, n]. */
export function toAtLeast2d(t: Tensor): Tensor {
  if (t.dim() === 0) return t.reshape([1, 1]);
  return t.dim() === 1 ? t.unsqueeze(0) : t;
}
/** 0-dim → [1, 1, 1], [n] → [1, n, 1], [m, n] → [m, n, 1] (NumPy's rule). */
export function toAtLeast3d(t: Tensor): Tensor {
  if (t.dim() === 0) return t.reshape([1, 1, 1]);
  if (t.dim() === 1) return t.unsqueeze(0).unsqueeze(-1);
  return t.dim() === 2 ? t.unsqueeze(-1) : t;
}

/**
 * `torch.atleast_1d(*tensors)`: 0-dim tensors become 1-D.
 *
 * @example
 * torch.atleast_1d(torch.tensor(1.0)).shape;   // [1]
 * const [a, b] = torch.atleast_1d(x, y);
 */
export function atleast_1d(input: Tensor): Tensor;
export function atleast_1d(...tensors: Many): Tensor[];
export function atleast_1d(...tensors: Many): Tensor | Tensor[] {
  return apply(tensors, toAtLeast1d);
}

/**
 * `torch.atleast_2d(*tensors)`: 0-dim and 1-D tensors become 2-D (a row).
 *
 * @example
 * torch.atleast_2d(torch.tensor([1, 2])).shape; // [1, 2]
 */
export function atleast_2d(input: Tensor): Tensor;
export function atleast_2d(...tensors: Many): Tensor[];
export function atleast_2d(...tensors: Many): Tensor | Tensor[] {
  return apply(tensors, toAtLeast2d);
}

/**
 * `torch.atleast_3d(*tensors)`: tensors with fewer than 3 dims become 3-D.
 *
 * @example
 * torch.atleast_3d(torch.ones(2, 3)).shape;    // [2, 3, 1]
 */
export function atleast_3d(input: Tensor): Tensor;
export function atleast_3d(...tensors: Many): Tensor[];
export function atleast_3d(...tensors: Many): Tensor | Tensor[] {
  return apply(tensors, toAtLeast3d);
}
