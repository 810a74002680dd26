/**
 * Reduction `torch.*` functions: `torch.sum(input, dim, keepdim, {dtype})`, `torch.max` with its
 * three overloads, `torch.var(input, dim, {correction, keepdim})`, … Python's
 * positional-or-keyword `dim`/`keepdim` may also be given in the trailing options object
 * (`torch.sum(x, { dim: 1, keepdim: true })`), as `F.softmax(x, { dim })` takes them.
 */
import { type DimArg, type DType, type DTypeName, RuntimeError, Tensor, toDType } from '@nncompat/core';
import { type OutOption, rejectOut } from './args.js';

/** PyTorch's `(values, indices)` namedtuple (`torch.return_types.max`): destructurable, with named fields. */
export interface ValuesIndices extends Iterable<Tensor> {
  readonly 0: Tensor;
  readonly 1: Tensor;
  readonly length: 2;
  readonly values: Tensor;
  readonly indices: Tensor;
}

/** Keyword arguments of `torch.sum` / `torch.mean` / `torch.prod`. */
export interface ReduceOptions extends OutOption {
  dim?: DimArg;
  keepdim?: boolean;
  dtype?: DType | DTypeName | null;
}

/** Keyword arguments of `torch.max(input, dim, keepdim)` / `torch.min`. */
export interface DimOptions extends OutOption {
  dim?: number;
  keepdim?: boolean;
}

/** Keyword arguments of `torch.amax` / `torch.argmax` / `torch.all` / `torch.logsumexp` … */
export interface KeepdimOptions<D> extends OutOption {
  dim?: D;
  keepdim?: boolean;
}

/** Keyword arguments of `torch.var` / `torch.std` (2.1: `correction` keyword-only, default 1). */
export interface VarOptions extends OutOption {
  dim?: DimArg;
  correction?: number;
  unbiased?: boolean;
  keepdim?: boolean;
}

function isOptions(v: unknown): v is object {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Tensor);
}

/** Merges `(dim | options, keepdim, options)` into one record; positional values win. */
function args<O extends { dim?: unknown; keepdim?: boolean }>(fn: string, dimOrOpts: unknown, keepdim: boolean | undefined, opts: O | undefined): O {
  const o = (isOptions(dimOrOpts) ? { ...(dimOrOpts as O) } : { ...(opts ?? ({} as O)), dim: dimOrOpts ?? (opts as O | undefined)?.dim }) as O;
  if (keepdim !== undefined) o.keepdim = keepdim;
  rejectOut(fn, o);
  return o;
}

/**
 * `torch.sum(input, dim=None, keepdim=False, *, dtype=None)`: integer and bool inputs sum to
 * int64; `dtype` casts the input first.
 *
 * @example
 * torch.sum(x);                      // all elements
 * torch.sum(x, 1, true);             // keep the reduced dim
 * torch.sum(x, [0, 2]);
 * torch.sum(x, { dtype: torch.float64 });
 */
export function sum(input: Tensor, dim?: DimArg | ReduceOptions, keepdim?: boolean, opts?: ReduceOptions): Tensor {
  const o = args('sum', dim, keepdim, opts);
  return input.sum(o.dim, o.keepdim ?? false, o.dtype ? { dtype: o.dtype } : undefined);
}

/**
 * `torch.mean(input, dim=None, keepdim=False, *, dtype=None)`: floating inputs only (or a
 * floating `dtype`), as in PyTorch.
 *
 * @example
 * torch.mean(x, -1, true);
 * torch.mean(torch.arange(4), { dtype: torch.float32 }); // tensor(1.5000)
 */
export function mean(input: Tensor, dim?: DimArg | ReduceOptions, keepdim?: boolean, opts?: ReduceOptions): Tensor {
  const o = args('mean', dim, keepdim, opts);
  return input.mean(o.dim, o.keepdim ?? false, o.dtype ? { dtype: o.dtype } : undefined);
}

/**
 * `torch.prod(input, dim=None, keepdim=False, *, dtype=None)`: one dim or all (integer and
 * bool inputs give int64; `dtype` casts the input first, as ATen does).
 *
 * @example
 * torch.prod(x);
 * torch.prod(x, 1, true);
 */
export function prod(input: Tensor, dim?: number | null | ReduceOptions, keepdim?: boolean, opts?: ReduceOptions): Tensor {
  const o = args('prod', dim, keepdim, opts);
  const x = o.dtype ? input.to(toDType(o.dtype)) : input;
  const d = o.dim;
  if (Array.isArray(d)) throw new TypeError("prod(): argument 'dim' must be int, not tuple");
  return x.prod((d ?? null) as number | null, o.keepdim ?? false);
}

function extremum(fn: 'max' | 'min', input: Tensor, a: unknown, keepdim: boolean | undefined, opts: DimOptions | undefined): Tensor | ValuesIndices {
  if (a instanceof Tensor) {
    rejectOut(fn, opts);
    return input[fn](a);
  }
  const o = args(fn, a, keepdim, opts);
  if (o.dim === undefined || o.dim === null) {
    if (keepdim !== undefined || o.keepdim !== undefined) throw new TypeError(`${fn}() received an invalid combination of arguments - got (Tensor, keepdim=bool), but expected a dim`);
    return input[fn]();
  }
  return input[fn](o.dim, o.keepdim ?? false);
}

/**
 * `torch.max`: `torch.max(input)` the largest element; `torch.max(input, dim, keepdim=False)`
 * a `(values, indices)` namedtuple; `torch.max(input, other)` the elementwise maximum.
 *
 * @example
 * torch.max(x);                              // tensor(3.)
 * const [values, indices] = torch.max(x, 1); // or .values / .indices
 * torch.max(x, { dim: 0, keepdim: true }).values;
 * torch.max(a, b);                           // torch.maximum(a, b)
 */
export function max(input: Tensor): Tensor;
export function max(input: Tensor, dim: number, keepdim?: boolean, opts?: DimOptions): ValuesIndices;
export function max(input: Tensor, opts: DimOptions & { dim: number }): ValuesIndices;
export function max(input: Tensor, other: Tensor, opts?: OutOption): Tensor;
export function max(input: Tensor, a?: number | Tensor | DimOptions, keepdim?: boolean | OutOption, opts?: DimOptions): Tensor | ValuesIndices {
  return extremum('max', input, a, typeof keepdim === 'boolean' ? keepdim : undefined, isOptions(keepdim) ? keepdim : opts);
}

/**
 * `torch.min`: `torch.min(input)`, `torch.min(input, dim, keepdim=False)` → `(values, indices)`,
 * or `torch.min(input, other)` (elementwise).
 *
 * @example
 * torch.min(x);
 * const { values, indices } = torch.min(x, -1);
 * torch.min(a, b);
 */
export function min(input: Tensor): Tensor;
export function min(input: Tensor, dim: number, keepdim?: boolean, opts?: DimOptions): ValuesIndices;
export function min(input: Tensor, opts: DimOptions & { dim: number }): ValuesIndices;
export function min(input: Tensor, other: Tensor, opts?: OutOption): Tensor;
export function min(input: Tensor, a?: number | Tensor | DimOptions, keepdim?: boolean | OutOption, opts?: DimOptions): Tensor | ValuesIndices {
  return extremum('min', input, a, typeof keepdim === 'boolean' ? keepdim : undefined, isOptions(keepdim) ? keepdim : opts);
}

/**
 * `torch.amax(input, dim=(), keepdim=False)`: the maximum over one or several dims (all when
 * empty); the gradient is shared evenly between tied maxima.
 *
 * @example
 * torch.amax(x, [1, 2], true);
 */
export function amax(input: Tensor, dim?: DimArg | KeepdimOptions<DimArg>, keepdim?: boolean, opts?: KeepdimOptions<DimArg>): Tensor {
  const o = args('amax', dim, keepdim, opts);
  return input.amax(o.dim ?? null, o.keepdim ?? false);
}

/**
 * `torch.amin(input, dim=(), keepdim=False)`.
 *
 * @example
 * torch.amin(x, -1);
 */
export function amin(input: Tensor, dim?: DimArg | KeepdimOptions<DimArg>, keepdim?: boolean, opts?: KeepdimOptions<DimArg>): Tensor {
  const o = args('amin', dim, keepdim, opts);
  return input.amin(o.dim ?? null, o.keepdim ?? false);
}

/**
 * `torch.argmax(input, dim=None, keepdim=False)`: int64 index of the first maximum (of the
 * flattened input when `dim` is None).
 *
 * @example
 * torch.argmax(logits, 1);
 */
export function argmax(input: Tensor, dim?: number | null | KeepdimOptions<number | null>, keepdim?: boolean, opts?: KeepdimOptions<number | null>): Tensor {
  const o = args('argmax', dim, keepdim, opts);
  return input.argmax(o.dim ?? null, o.keepdim ?? false);
}

/**
 * `torch.argmin(input, dim=None, keepdim=False)`.
 *
 * @example
 * torch.argmin(x, 0, true);
 */
export function argmin(input: Tensor, dim?: number | null | KeepdimOptions<number | null>, keepdim?: boolean, opts?: KeepdimOptions<number | null>): Tensor {
  const o = args('argmin', dim, keepdim, opts);
  return input.argmin(o.dim ?? null, o.keepdim ?? false);
}

/**
 * `torch.all(input)` / `torch.all(input, dim, keepdim=False)`: bool, true where every element
 * is nonzero.
 *
 * @example
 * torch.all(mask);
 * torch.all(x.gt(0), 1);
 */
export function all(input: Tensor, dim?: number | null | KeepdimOptions<number | null>, keepdim?: boolean, opts?: KeepdimOptions<number | null>): Tensor {
  const o = args('all', dim, keepdim, opts);
  return input.all(o.dim ?? null, o.keepdim ?? false);
}

/**
 * `torch.any(input)` / `torch.any(input, dim, keepdim=False)`: bool, true where some element is
 * nonzero.
 *
 * @example
 * torch.any(torch.isnan(x));
 */
export function any(input: Tensor, dim?: number | null | KeepdimOptions<number | null>, keepdim?: boolean, opts?: KeepdimOptions<number | null>): Tensor {
  const o = args('any', dim, keepdim, opts);
  return input.any(o.dim ?? null, o.keepdim ?? false);
}

/**
 * `torch.logsumexp(input, dim, keepdim=False)`: `log(sum(exp(x)))` computed stably (integer
 * inputs give the default float dtype).
 *
 * @example
 * torch.logsumexp(scores, -1);
 */
export function logsumexp(input: Tensor, dim: DimArg | KeepdimOptions<DimArg>, keepdim?: boolean, opts?: KeepdimOptions<DimArg>): Tensor {
  const o = args('logsumexp', dim, keepdim, opts);
  if (o.dim === undefined) throw new TypeError("logsumexp() missing 1 required positional arguments: \"dim\"");
  return input.logsumexp(o.dim, o.keepdim ?? false);
}

/** `(dim | unbiased | options, unbiased | options, keepdim)` → the method's arguments. */
function varArgs(fn: string, a: unknown, b: unknown, keepdim: boolean | undefined): [DimArg, VarOptions] {
  if (typeof a === 'boolean') return [null, { unbiased: a }]; // torch.var(input, unbiased)
  const o: VarOptions = isOptions(a) ? { ...(a as VarOptions) } : isOptions(b) ? { ...(b as VarOptions) } : {};
  rejectOut(fn, o);
  const dim = isOptions(a) ? o.dim : (a as DimArg);
  if (typeof b === 'boolean') o.unbiased = b;
  if (keepdim !== undefined) o.keepdim = keepdim;
  if (o.correction !== undefined && o.unbiased !== undefined) throw new RuntimeError(`${fn}: can't specify both unbiased and correction`);
  return [dim ?? null, o];
}
function variance(fn: 'var' | 'std', input: Tensor, a: unknown, b: unknown, keepdim: boolean | undefined): Tensor {
  const [dim, o] = varArgs(fn, a, b, keepdim);
  const correction = o.correction ?? (o.unbiased === false ? 0 : 1);
  return input[fn](dim, { correction, keepdim: o.keepdim ?? false });
}

/**
 * `torch.var`: `torch.var(input, dim=None, *, correction=1, keepdim=False)` (2.1), the older
 * `torch.var(input, dim, unbiased=True, keepdim=False)` and `torch.var(input, unbiased)`.
 *
 * @example
 * torch.var(x);                               // unbiased, all elements
 * torch.var(x, 1, { correction: 0, keepdim: true });
 * torch.var(x, 0, false);                     // biased
 */
function var_(input: Tensor, unbiased: boolean): Tensor;
function var_(input: Tensor, dim?: DimArg | VarOptions, unbiasedOrOpts?: boolean | VarOptions, keepdim?: boolean): Tensor;
function var_(input: Tensor, a?: DimArg | boolean | VarOptions, b?: boolean | VarOptions, keepdim?: boolean): Tensor {
  return variance('var', input, a, b, keepdim);
}
export { var_ as var };

/**
 * `torch.std`: the square root of `torch.var`, with the same overloads.
 *
 * @example
 * torch.std(x, -1, { keepdim: true });
 * torch.std(x, false); // biased, all elements
 */
export function std(input: Tensor, unbiased: boolean): Tensor;
export function std(input: Tensor, dim?: DimArg | VarOptions, unbiasedOrOpts?: boolean | VarOptions, keepdim?: boolean): Tensor;
export function std(input: Tensor, a?: DimArg | boolean | VarOptions, b?: boolean | VarOptions, keepdim?: boolean): Tensor {
  return variance('std', input, a, b, keepdim);
}
