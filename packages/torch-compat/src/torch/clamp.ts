/**
 * `torch.clamp` / `torch.clip` / `torch.clamp_min` / `torch.clamp_max`, with PyTorch's two
 * overloads: number bounds (the Tensor method) and tensor bounds (composed here with `where`).
 */
import { RuntimeError, Tensor, where } from '@nncompat/core';
import { type OutOption, rejectOut, scalarOperand } from './args.js';

/** A bound: a number, a tensor (broadcast against input), or none. */
export type ClampBound = number | Tensor | null | undefined;

/** Bounds given as keywords: `torch.clamp(x, { min: 0 })`. */
export interface ClampOptions extends OutOption {
  min?: number | Tensor | null;
  max?: number | Tensor | null;
}

/**
 * Tensor bounds: `min(max(x, lo), hi)` written with `where`, so the gradient goes to `input`
 * where `lo <= x <= hi` and to the bound that is active elsewhere (ATen's clamp.Tensor
 * backward), and NaN in `input` stays NaN.
 */
function clampTensor(input: Tensor, lo: Tensor | null, hi: Tensor | null): Tensor {
  let y = input;
  if (lo) y = where(y.lt(lo), lo, y);
  if (hi) y = where(y.gt(hi), hi, y);
  return y;
}

function clampImpl(fn: string, input: Tensor, min: ClampBound | ClampOptions, max: ClampBound): Tensor {
  let lo: ClampBound;
  let hi: ClampBound;
  if (min !== null && min !== undefined && typeof min === 'object' && !(min instanceof Tensor)) {
    rejectOut(fn, min);
    lo = min.min;
    hi = min.max;
  } else {
    lo = min;
    hi = max;
  }
  lo ??= null;
  hi ??= null;
  if (lo === null && hi === null) throw new RuntimeError(`torch.clamp: At least one of 'min' or 'max' must not be None`);
  if (!(lo instanceof Tensor) && !(hi instanceof Tensor)) return input.clamp(lo, hi);
  const t = (b: number | Tensor | null): Tensor | null => (b === null ? null : b instanceof Tensor ? b : scalarOperand(b, input));
  return clampTensor(input, t(lo), t(hi));
}

/**
 * `torch.clamp(input, min=None, max=None)`: bounds are numbers or tensors (broadcast), given
 * positionally or as `{ min, max }`. Integer tensors with float bounds give the default float
 * dtype, as in PyTorch.
 *
 * @example
 * torch.clamp(x, -1, 1);
 * torch.clamp(x, { min: 0 });
 * torch.clamp(x, lowerTensor, upperTensor);
 */
export function clamp(input: Tensor, min?: ClampBound | ClampOptions, max?: ClampBound, opts: OutOption = {}): Tensor {
  rejectOut('clamp', opts);
  return clampImpl('clamp', input, min, max);
}

/**
 * `torch.clip`: PyTorch's alias of `torch.clamp`.
 *
 * @example
 * torch.clip(x, 0, 6);
 */
export function clip(input: Tensor, min?: ClampBound | ClampOptions, max?: ClampBound, opts: OutOption = {}): Tensor {
  rejectOut('clip', opts);
  return clampImpl('clip', input, min, max);
}

/**
 * `torch.clamp_min(input, min)`: `torch.clamp(input, min=min)`.
 *
 * @example
 * torch.clamp_min(x, 0);
 */
export function clamp_min(input: Tensor, min: number | Tensor, opts: OutOption = {}): Tensor {
  rejectOut('clamp_min', opts);
  return clampImpl('clamp_min', input, min, null);
}

/**
 * `torch.clamp_max(input, max)`: `torch.clamp(input, max=max)`.
 *
 * @example
 * torch.clamp_max(x, 1);
 */
export function clamp_max(input: Tensor, max: number | Tensor, opts: OutOption = {}): Tensor {
  rejectOut('clamp_max', opts);
  return clampImpl('clamp_max', input, null, max);
}
