/**
 * Python call semantics for the functional API: PyTorch's positional-or-keyword parameters may be
 * given positionally, in PyTorch's order, and any of them (plus keyword-only ones) as one trailing
 * options object (DESIGN.md §4). A value of the wrong type, an options object in the middle, a
 * name given twice or an unknown keyword throws a TypeError instead of being silently ignored,
 * which a plain-JS caller would otherwise never notice.
 */
import { DType, Generator, Tensor } from '@nncompat/core';

/**
 * The trailing arguments after a function's required ones: positional values for the parameters
 * `P` in order (each may be `undefined` to keep its default), optionally ending in the options
 * object `O`. Only the last argument may be the options object.
 */
export type PyArgs<P extends readonly unknown[], O> = P extends readonly [infer H, ...infer R]
  ? [arg?: H | O] | [H | undefined, ...PyArgs<R, O>]
  : [opts?: O];

/**
 * Like {@link PyArgs}, but the options object `O` must be given (possibly after positional
 * values): used by overloads whose return type depends on a keyword such as `return_indices`.
 */
export type PyArgsWith<P extends readonly unknown[], O> = P extends readonly [infer H, ...infer R]
  ? [opts: O] | [H | undefined, ...PyArgsWith<R, O>]
  : [opts: O];

/** Every positional slot of `P`, each of which may be `undefined` (its default). */
export type Slots<P extends readonly unknown[]> = { [K in keyof P]: P[K] | undefined };

/** One parameter: its Python name, the type named in errors, and the check of a value. */
export interface Param {
  readonly name: string;
  readonly type: string;
  readonly ok: (v: unknown) => boolean;
}

const isNum = (v: unknown): v is number => typeof v === 'number';
const isInt = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v);
const isIntList = (v: unknown): boolean => isInt(v) || (Array.isArray(v) && v.every(isInt));

/** Builders of parameter checks, named after ATen's argument types (as its errors name them). */
export const p = {
  /** `float` / `Scalar`: any JS number (a boolean is an argument-order slip in JS, so it is refused). */
  float: (name: string): Param => ({ name, type: 'float', ok: isNum }),
  optFloat: (name: string): Param => ({ name, type: 'float', ok: (v) => v === null || isNum(v) }),
  int: (name: string): Param => ({ name, type: 'int', ok: isInt }),
  optInt: (name: string): Param => ({ name, type: 'int', ok: (v) => v === null || isInt(v) }),
  bool: (name: string): Param => ({ name, type: 'bool', ok: (v) => typeof v === 'boolean' }),
  optBool: (name: string): Param => ({ name, type: 'bool', ok: (v) => v === null || typeof v === 'boolean' }),
  tensor: (name: string): Param => ({ name, type: 'Tensor', ok: (v) => v instanceof Tensor }),
  optTensor: (name: string): Param => ({ name, type: 'Tensor', ok: (v) => v === null || v instanceof Tensor }),
  /** A string (a value outside the allowed ones is left to the function's own error). */
  str: (name: string): Param => ({ name, type: 'str', ok: (v) => typeof v === 'string' }),
  /** `int[]` that also takes a single int, as ATen's `IntArrayRef[N]` does. */
  ints: (name: string): Param => ({ name, type: 'tuple of ints', ok: isIntList }),
  /** `int[]` that must be a list (`F.pad`'s `pad`). */
  intList: (name: string): Param => ({ name, type: 'tuple of ints', ok: (v) => Array.isArray(v) && v.every(isInt) }),
  optInts: (name: string): Param => ({ name, type: 'tuple of ints', ok: (v) => v === null || isIntList(v) }),
  /** A float or a list of floats (`scale_factor`). */
  optFloats: (name: string): Param => ({ name, type: 'tuple of floats', ok: (v) => v === null || isNum(v) || (Array.isArray(v) && v.every(isNum)) }),
  /** Conv padding: ints or `'valid'` / `'same'`. */
  padding: (name: string): Param => ({ name, type: 'tuple of ints', ok: (v) => isIntList(v) || v === 'valid' || v === 'same' }),
  optGenerator: (name: string): Param => ({ name, type: 'torch.Generator', ok: (v) => v === null || v instanceof Generator }),
  /** A dtype given as a name or a DType object (checked by `toDType`). */
  optDtype: (name: string): Param => ({ name, type: 'torch.dtype', ok: (v) => v === null || typeof v === 'string' || v instanceof DType }),
};

/** A plain `{...}` object: the options object (a Tensor, array, Generator or dtype is a value). */
export function isOptions(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The Python type name of a JS value, as PyTorch's argument errors print it. */
export function pyTypeName(v: unknown): string {
  if (v === null || v === undefined) return 'NoneType';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'str';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'function') return 'function';
  if (Array.isArray(v)) return 'list';
  if (v instanceof Tensor) return 'Tensor';
  if (isOptions(v)) return 'dict';
  return (v as object).constructor?.name ?? 'object';
}

/**
 * Checks one required argument (those before the trailing ones), with ATen's wording.
 *
 * @example
 * checkArg('max_pool2d', p.ints('kernel_size'), 2, kernel_size);
 */
export function checkArg(fn: string, param: Param, position: number, v: unknown): void {
  if (v === undefined) throw new TypeError(`${fn}() missing 1 required positional argument: '${param.name}'`);
  if (!param.ok(v)) throw new TypeError(`${fn}(): argument '${param.name}' (position ${position}) must be ${param.type}, not ${pyTypeName(v)}`);
}

/**
 * Binds the trailing arguments of `fn` to `params` (positional-or-keyword, in PyTorch's order)
 * and `kwOnly` (keyword-only). `first` is the count of required arguments before them, so that
 * positions in messages count as Python's do (1-based, `input` first). Options whose value is
 * `undefined` count as omitted.
 *
 * @example
 * const o = bindArgs<SoftplusOptions>('softplus', 1, [p.float('beta'), p.float('threshold')], [2, 20]);
 * // { beta: 2, threshold: 20 }
 */
export function bindArgs<O extends object>(fn: string, first: number, params: readonly Param[], args: readonly unknown[], kwOnly: readonly Param[] = []): O {
  const last = args.length - 1;
  const kw = last >= 0 && isOptions(args[last]) ? args[last] : null;
  const positional = kw ? args.slice(0, last) : args;
  if (positional.length > params.length) {
    throw new TypeError(`${fn}() takes at most ${first + params.length} positional arguments but ${first + positional.length} were given`);
  }
  const out: Record<string, unknown> = {};
  positional.forEach((v, i) => {
    if (v === undefined) return;
    const prm = params[i]!;
    if (isOptions(v)) {
      throw new TypeError(`${fn}(): argument '${prm.name}' (position ${first + i + 1}) must be ${prm.type}, not dict (keyword arguments go in one options object after the positional ones)`);
    }
    if (!prm.ok(v)) throw new TypeError(`${fn}(): argument '${prm.name}' (position ${first + i + 1}) must be ${prm.type}, not ${pyTypeName(v)}`);
    out[prm.name] = v;
  });
  if (kw) {
    for (const [k, v] of Object.entries(kw)) {
      if (v === undefined) continue;
      const prm = params.find((q) => q.name === k) ?? kwOnly.find((q) => q.name === k);
      if (!prm) throw new TypeError(`${fn}() got an unexpected keyword argument '${k}'`);
      if (k in out) throw new TypeError(`${fn}() got multiple values for argument '${k}'`);
      if (!prm.ok(v)) throw new TypeError(`${fn}(): argument '${k}' must be ${prm.type}, not ${pyTypeName(v)}`);
      out[k] = v;
    }
  }
  return out as O;
}
