/**
 * `torch.norm(input, p='fro', dim=None, keepdim=False, out=None, dtype=None)`: PyTorch's
 * (deprecated but common) vector-norm entry point, on the Tensor method.
 */
import { type DimArg, type DType, type DTypeName, NotImplementedError, type Tensor } from '@nncompat/core';
import { positionalOptions } from './args.js';

/** `torch.norm`'s arguments given as keywords (all positional-or-keyword in PyTorch). */
export interface NormOptions {
  p?: number | 'fro' | 'nuc' | null;
  dim?: DimArg;
  keepdim?: boolean;
  dtype?: DType | DTypeName | null;
  /** Not supported: only `null`/`undefined` is accepted. */
  out?: null;
}

/**
 * `torch.norm(input, p='fro', dim=None, keepdim=False, out=None, dtype=None)`: the vector p-norm
 * over `dim` (all elements when None). `'fro'` is the 2-norm over the given dims; `Infinity` /
 * `-Infinity` the max / min of |x|; 0 counts nonzeros. Gradients are 0 where the norm is 0, as
 * PyTorch's. The matrix nuclear norm (`'nuc'`) is not supported.
 *
 * @example
 * torch.norm(x);                        // Frobenius norm of all elements
 * torch.norm(x, 1, 1, true);
 * torch.norm(x, { dim: -1, p: Infinity });
 */
export function norm(input: Tensor, p?: number | 'fro' | 'nuc' | null, dim?: DimArg, keepdim?: boolean, opts?: NormOptions): Tensor;
export function norm(input: Tensor, ...rest: [...(number | string | readonly number[] | boolean | null)[], NormOptions]): Tensor;
export function norm(input: Tensor, ...rest: unknown[]): Tensor {
  const o = positionalOptions<NormOptions>('norm', ['p', 'dim', 'keepdim'], rest);
  if (o.p === 'nuc') throw new NotImplementedError("torch.norm(p='nuc'): the nuclear norm is not supported");
  return input.norm(o.p ?? 'fro', o.dim ?? null, o.keepdim ?? false, o.dtype ? { dtype: o.dtype } : undefined);
}
