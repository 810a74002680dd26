/**
 * Activations in the `torch` namespace: `torch.relu`, `torch.sigmoid`, `torch.tanh`,
 * `torch.softmax(input, dim, dtype=None)`, `torch.log_softmax` (and the in-place relu_/sigmoid_/
 * tanh_ in inplace.ts). Unlike `F.softmax`, `dim` is required and `dtype` may be positional.
 */
import { DType, type DTypeName, type Tensor, toDType } from '@nncompat/core';
import { type OutOption, rejectOut } from './args.js';

/**
 * `torch.relu(input)`: `max(x, 0)`.
 *
 * @example
 * torch.relu(x);
 */
export function relu(input: Tensor): Tensor {
  return input.relu();
}

/**
 * `torch.sigmoid(input)`: `1 / (1 + e^-x)`.
 *
 * @example
 * torch.sigmoid(logits);
 */
export function sigmoid(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('sigmoid', opts);
  return input.sigmoid();
}

/**
 * `torch.tanh(input)`.
 *
 * @example
 * torch.tanh(x);
 */
export function tanh(input: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('tanh', opts);
  return input.tanh();
}

/** `dim` and `dtype` of `torch.softmax` / `torch.log_softmax` given as keywords. */
export interface SoftmaxArgs {
  dim: number;
  dtype?: DType | DTypeName | null;
}

/** `dtype`, positional or as a keyword (`torch.softmax(x, 1, { dtype })`). */
export type SoftmaxDtype = DType | DTypeName | null | { dtype?: DType | DTypeName | null };

function softmaxArgs(dim: number | SoftmaxArgs, dtype: SoftmaxDtype | undefined): SoftmaxArgs {
  const d = dtype !== null && typeof dtype === 'object' && !(dtype instanceof DType) ? dtype.dtype : dtype;
  return typeof dim === 'number' ? { dim, dtype: d } : { dim: dim.dim, dtype: d ?? dim.dtype };
}

/**
 * `torch.softmax(input, dim, dtype=None)`: with `dtype`, the input is cast first (then the
 * result has that dtype), as ATen does.
 *
 * @example
 * torch.softmax(x, -1);
 * torch.softmax(x, 1, torch.float64);
 * torch.softmax(x, 1, { dtype: 'float64' });
 * torch.softmax(x, { dim: 1, dtype: 'float64' });
 */
export function softmax(input: Tensor, dim: number | SoftmaxArgs, dtype?: SoftmaxDtype): Tensor {
  const o = softmaxArgs(dim, dtype);
  return (o.dtype ? input.to(toDType(o.dtype)) : input).softmax(o.dim);
}

/**
 * `torch.log_softmax(input, dim, dtype=None)`.
 *
 * @example
 * torch.log_softmax(logits, 1);
 */
export function log_softmax(input: Tensor, dim: number | SoftmaxArgs, dtype?: SoftmaxDtype): Tensor {
  const o = softmaxArgs(dim, dtype);
  return (o.dtype ? input.to(toDType(o.dtype)) : input).log_softmax(o.dim);
}
