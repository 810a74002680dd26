/**
 * Argument helpers shared by the `torch.*` function forms: the `out=` rejection and Python
 * scalars as operands.
 */
import { bool, getDefaultDtype, int64, NotImplementedError, scalarTensor, Tensor } from '@nncompat/core';

/**
 * Throws NotImplementedError when a caller passes `out` (PyTorch's preallocated result): every
 * function here returns a new tensor, and silently ignoring `out` would leave the caller's
 * buffer stale. Same error class the package uses for other accepted-but-unsupported
 * arguments (`F.embedding(sparse=True)`, `F.interpolate(antialias=True)`).
 *
 * @example
 * rejectOut('sum', opts); // throws when opts.out is set
 */
export function rejectOut(fn: string, opts: object | null | undefined): void {
  if (opts && (opts as { out?: unknown }).out !== undefined && (opts as { out?: unknown }).out !== null) {
    throw new NotImplementedError(`torch.${fn}: the out= argument is not supported (use the returned tensor)`);
  }
}

/**
 * A Python scalar as a 0-dim tensor on `like`'s device, typed as PyTorch types a wrapped
 * number (bool, int64 for integers, the default dtype for floats; a floating `like`'s dtype
 * when `like` is floating). 0-dim tensors lose type
 * promotion to dimensioned tensors of the same category, exactly as Python scalars do, so
 * `torch.pow(2, t)` takes `t`'s dtype.
 *
 * @example
 * scalarOperand(2, t).pow(t); // torch.pow(2, t)
 */
export function scalarOperand(v: number | boolean, like: Tensor): Tensor {
  if (typeof v === 'boolean') return scalarTensor(v ? 1 : 0, bool, like.backend);
  // Against a floating tensor any number takes that tensor's dtype (the promoted dtype anyway);
  // holding it there also keeps gradients through it (log(base) of torch.pow) in that precision.
  if (like.dtype.is_floating_point) return scalarTensor(v, like.dtype, like.backend);
  return scalarTensor(v, Number.isInteger(v) ? int64 : getDefaultDtype(), like.backend);
}

/**
 * PyTorch's keyword-only `out=`, in every options object of the `torch.*` function forms:
 * typed `null` because preallocated outputs are not supported (a non-null value throws).
 */
export interface OutOption {
  /** Not supported: only `null`/`undefined` is accepted. */
  out?: null;
}

/**
 * Splits Python-style trailing arguments: positional values up to the first plain options
 * object (PyTorch keywords, the project's kwargs convention), which may follow any number of
 * them. Positional values override the same keys given as keywords.
 *
 * @example
 * const o = positionalOptions('sort', ['dim', 'descending'], [0, { stable: true }]); // { dim: 0, stable: true }
 */
export function positionalOptions<O extends object>(fn: string, names: readonly (keyof O & string)[], rest: readonly unknown[]): O {
  const at = rest.findIndex((v) => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Tensor));
  const o = { ...((at >= 0 ? rest[at] : {}) as O) } as Record<string, unknown>;
  const positional = at >= 0 ? rest.slice(0, at) : rest;
  if (positional.length > names.length) throw new TypeError(`${fn}() takes at most ${names.length + 1} positional arguments but ${positional.length + 1} were given`);
  positional.forEach((v, i) => {
    if (v !== undefined) o[names[i]!] = v;
  });
  rejectOut(fn, o);
  return o as O;
}
