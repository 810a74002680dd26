/** Matrix products as `torch.*` functions: matmul, mm, bmm, addmm, dot, mv. */
import type { Tensor } from '@nncompat/core';
import { type OutOption, rejectOut } from './args.js';

/** Keyword-only arguments of `torch.addmm`. */
export interface AddmmOptions extends OutOption {
  beta?: number;
  alpha?: number;
}

/**
 * `torch.matmul(input, other)`: 1-D, 2-D and batched products with broadcast batch dims.
 *
 * @example
 * torch.matmul(q, k.transpose(-2, -1));
 */
export function matmul(input: Tensor, other: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('matmul', opts);
  return input.matmul(other);
}

/**
 * `torch.mm(input, mat2)`: 2-D matrix product (no broadcasting).
 *
 * @example
 * torch.mm(a, b);
 */
export function mm(input: Tensor, mat2: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('mm', opts);
  return input.mm(mat2);
}

/**
 * `torch.bmm(input, mat2)`: batched product of 3-D tensors with equal batch sizes.
 *
 * @example
 * torch.bmm(a, b); // [B, n, m] @ [B, m, p]
 */
export function bmm(input: Tensor, mat2: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('bmm', opts);
  return input.bmm(mat2);
}

/**
 * `torch.addmm(input, mat1, mat2, *, beta=1, alpha=1)`: `beta * input + alpha * (mat1 @ mat2)`
 * (what `F.linear` runs; grad_fn `AddmmBackward0`).
 *
 * @example
 * torch.addmm(bias, x, weight.t());
 */
export function addmm(input: Tensor, mat1: Tensor, mat2: Tensor, opts: AddmmOptions = {}): Tensor {
  rejectOut('addmm', opts);
  return input.addmm(mat1, mat2, { beta: opts.beta ?? 1, alpha: opts.alpha ?? 1 });
}

/**
 * `torch.dot(input, other)`: inner product of two 1-D tensors.
 *
 * @example
 * torch.dot(torch.tensor([2, 3]), torch.tensor([2, 1])); // tensor(7)
 */
export function dot(input: Tensor, other: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('dot', opts);
  return input.dot(other);
}

/**
 * `torch.mv(input, vec)`: matrix-vector product.
 *
 * @example
 * torch.mv(m, v);
 */
export function mv(input: Tensor, vec: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('mv', opts);
  return input.mv(vec);
}
