/**
 * Python-style argument binding for layer constructors: the positional arguments of PyTorch's
 * signature, optionally followed (or replaced from any point on) by one keyword-options object.
 * `new nn.Conv2d(3, 8, 3, 1, { padding: 1 })` binds like `nn.Conv2d(3, 8, 3, 1, padding=1)`.
 */
import type { DType, DTypeName } from '@nncompat/core';
import { isOptions } from './format.js';

/** Factory keyword arguments (`device=None, dtype=None`). */
export interface Factory {
  device?: string | null;
  dtype?: DType | DTypeName | null;
}

/**
 * The typed rest-parameter list: any prefix of the positional types `P`, then optionally the
 * keyword object `O`.
 */
export type WithKw<P extends unknown[], O> = P extends [infer H, ...infer T] ? [] | [O] | [H, ...WithKw<T, O>] : [] | [O];

/**
 * Binds `args` (positionals then an optional trailing options object) to `names`, raising
 * Python's TypeErrors for too many positionals or an argument given twice.
 */
export function bindArgs<O extends object>(where: string, names: readonly (keyof O & string)[], args: readonly unknown[]): Partial<O> {
  let pos = args;
  let kw: Record<string, unknown> = {};
  if (args.length > 0 && isOptions(args[args.length - 1])) {
    kw = args[args.length - 1] as Record<string, unknown>;
    pos = args.slice(0, -1);
  }
  if (pos.length > names.length) {
    throw new TypeError(`${where}() takes at most ${names.length} optional positional arguments but ${pos.length} were given`);
  }
  const out: Record<string, unknown> = {};
  pos.forEach((v, i) => (out[names[i]!] = v));
  for (const [k, v] of Object.entries(kw)) {
    if (v === undefined) continue;
    if (!(names as readonly string[]).includes(k)) throw new TypeError(`${where}() got an unexpected keyword argument '${k}'`);
    if (k in out) throw new TypeError(`${where}() got multiple values for argument '${k}'`);
    out[k] = v;
  }
  return out as Partial<O>;
}

/** `{device, dtype}` of bound options, for `torch.empty(..., **factory_kwargs)`. */
export function factoryOf(o: Factory): { device: string | null; dtype: DType | DTypeName | null } {
  return { device: o.device ?? null, dtype: o.dtype ?? null };
}
