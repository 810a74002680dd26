/**
 * `mx.gluon.ParameterDict(prefix='', shared=None)` (python/mxnet/gluon/parameter.py, MXNet
 * 1.9): an ordered dict of parameters whose `get` prepends the prefix, looks into `shared`,
 * creates on a miss and checks/merges attributes on a hit.
 */
import { AssertionError, KeyError, ValueError, type HostArray } from '@nncompat/core';
import type { Context } from '../context/context.js';
import { Initializer } from '../initializer/initializer.js';
import { Uniform } from '../initializer/initializers.js';
import { array, type NestedNumbers } from '../ndarray/creation.js';
import { sameDtype, type DTypeLike } from '../ndarray/dtype.js';
import { load as ndLoad, save as ndSave } from '../ndarray/io.js';
import { NDArray } from '../ndarray/ndarray.js';
import { briefPrintList, indent, pyTuple } from '../util/pyfmt.js';
import { Constant } from './constant.js';
import { Parameter, type ContextLike, type ParameterOptions } from './parameter.js';

const NAMING_URL = 'https://mxnet.io/api/python/docs/tutorials/packages/gluon/blocks/naming.html';

/** Keyword arguments of `ParameterDict.initialize`. */
export interface ParameterDictInitializeOptions {
  init?: Initializer;
  ctx?: ContextLike | null;
  verbose?: boolean;
  force_reinit?: boolean;
}

/** Keyword arguments of `ParameterDict.load` / `load_dict`. */
export interface ParameterDictLoadOptions {
  ctx?: ContextLike | null;
  allow_missing?: boolean;
  ignore_extra?: boolean;
  restore_prefix?: string;
  cast_dtype?: boolean;
  dtype_source?: 'current' | 'saved';
  /** `load_dict` only: the file name used in messages. */
  filename?: string | null;
}

/** What `load_dict` accepts: a dict (`Map` or plain object) of name → NDArray, or name/array pairs. */
export type ParamDictLike = ReadonlyMap<string, NDArray> | Readonly<Record<string, NDArray>> | readonly (readonly [string, NDArray])[];

function isCtxArg(x: unknown): x is ContextLike | null | undefined {
  return x == null || Array.isArray(x) || (typeof x === 'object' && 'device_typeid' in (x as object));
}

function pyStr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (Array.isArray(v)) return pyTuple(v as number[]);
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (v instanceof Initializer) return `<mxnet.initializer.${v.constructor.name} object>`;
  return String(v);
}

function pyEq(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  if (a instanceof Initializer) return a.__eq__(b);
  return a === b;
}

/**
 * An ordered, prefixed dictionary of parameters.
 *
 * @example
 * ```ts
 * const params = new mx.gluon.ParameterDict('net_');
 * params.get('weight', { shape: [2, 3] });
 * params.initialize({ ctx: mx.cpu() });
 * [...params.keys()]; // ['net_weight']
 * ```
 */
export class ParameterDict implements Iterable<string> {
  /** @internal */ readonly _prefix: string;
  /** @internal */ readonly _params = new Map<string, Parameter>();
  /** @internal */ readonly _shared: ParameterDict | null;

  constructor(prefix = '', shared: ParameterDict | null = null) {
    this._prefix = prefix;
    this._shared = shared;
  }

  /** MXNet's repr: `prefix (` then each parameter indented, then `)`. */
  toString(): string {
    const name = this._prefix ? `${this._prefix} ` : '';
    const content = [...this.values()].map((v) => indent(`  ${v}`, 2)).join('\n');
    return `${name}(\n${content}\n)`;
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }

  /** `d[key]`; `KeyError` when absent. */
  __getitem__(key: string): Parameter {
    const p = this._params.get(key);
    if (!p) throw new KeyError(key);
    return p;
  }
  /** `key in d`. */
  __contains__(key: string): boolean {
    return this._params.has(key);
  }
  /** `iter(d)`: the names. */
  [Symbol.iterator](): Iterator<string> {
    return this._params.keys();
  }
  /** `d.items()`. */
  items(): IterableIterator<[string, Parameter]> {
    return this._params.entries();
  }
  /** `d.keys()`. */
  keys(): IterableIterator<string> {
    return this._params.keys();
  }
  /** `d.values()`. */
  values(): IterableIterator<Parameter> {
    return this._params.values();
  }

  /** The prefix prepended to names created with `get`. */
  get prefix(): string {
    return this._prefix;
  }

  /** @internal Looks up `name` here, then in `shared` (adopting the shared parameter). */
  _get_impl(name: string): Parameter | null {
    const own = this._params.get(name);
    if (own) return own;
    const shared = this._shared?._params.get(name);
    if (shared) {
      this._params.set(name, shared);
      return shared;
    }
    return null;
  }

  /**
   * `get(name, **kwargs)`: the parameter `prefix + name`, created with `kwargs` if missing. On a
   * hit, each given attribute must match the stored one; shapes merge unknown (0) dimensions.
   *
   * @example
   * ```ts
   * params.get('w', { shape: [10, 0], allow_deferred_init: true });
   * params.get('w', { shape: [10, 5] }).shape; // [10, 5]
   * ```
   */
  get(name: string, kwargs: ParameterOptions = {}): Parameter {
    const full = this.prefix + name;
    let param = this._get_impl(full);
    if (param === null) {
      param = new Parameter(full, kwargs);
      this._params.set(full, param);
      return param;
    }
    const attrs = param as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(kwargs)) {
      if (v === undefined) continue;
      if (k in param && attrs[k] !== null && attrs[k] !== undefined) {
        const existing = attrs[k];
        if (k === 'shape') {
          if (typeof v === 'number') throw new TypeError("object of type 'int' has no len()");
          const want = v as readonly number[];
          const have = existing as readonly number[];
          if (want.length === have.length) {
            const inferred: number[] = [];
            let matched = true;
            for (let i = 0; i < want.length; i++) {
              const dim1 = want[i]!, dim2 = have[i]!;
              if (dim1 !== dim2 && dim1 > 0 && dim2 > 0) {
                matched = false;
                break;
              } else if (dim1 === dim2) inferred.push(dim1);
              else if (dim1 === 0 || dim1 === -1) inferred.push(dim2);
              else inferred.push(dim1);
            }
            if (matched) {
              param._shape = Object.freeze(inferred);
              continue;
            }
          }
        } else if (k === 'dtype' && sameDtype(v as DTypeLike, existing as DTypeLike)) {
          continue;
        }
        if (!(v === null || pyEq(v, existing))) {
          throw new AssertionError(
            `Cannot retrieve Parameter '${full}' because desired attribute does not match with stored for attribute '${k}': desired '${pyStr(v)}' vs stored '${pyStr(attrs[k])}'.`,
          );
        }
      } else {
        // Python's setattr: known attributes go through their setters; others become plain attributes.
        attrs[k] = v;
      }
    }
    return param;
  }

  /**
   * `get_constant(name, value=None)`: the Constant `prefix + name`, created from `value` if
   * missing; a given `value` must equal the stored one.
   */
  get_constant(name: string, value: NDArray | HostArray | NestedNumbers | null = null): Constant {
    const full = this.prefix + name;
    let param = this._get_impl(full);
    if (param === null) {
      if (value === null) {
        const msg = `No constant named '${full}'. Please specify value if you want to create a new constant.`;
        throw new KeyError(msg, `"${msg}"`);
      }
      param = new Constant(full, value);
      this._params.set(full, param);
    } else if (value !== null) {
      if (!(param instanceof Constant)) throw new AssertionError(`Parameter '${full}' already exists but it is not a constant.`);
      const v = value instanceof NDArray ? value : array(value);
      const a = param.value.astype('float64').asnumpy();
      const b = v.astype('float64').asnumpy();
      const sameShape = pyEq([...(param.shape ?? [])], [...v.shape]);
      if (!(sameShape && a.every((x, i) => x === b[i]))) {
        throw new AssertionError(`Constant '${full}' already exists but it's value doesn't match new value`);
      }
    }
    return param as Constant;
  }

  /** `update(other)`: copies all of `other`'s parameters; the same name must be the same object. */
  update(other: ParameterDict): void {
    for (const [k, v] of other.items()) {
      const mine = this._params.get(k);
      if (mine !== undefined && mine !== v) {
        throw new AssertionError(`Cannot update self with other because they have different Parameters with the same name '${k}'`);
      }
    }
    for (const [k, v] of other.items()) this._params.set(k, v);
  }

  /**
   * `initialize(init=Uniform(), ctx=None, verbose=False, force_reinit=False)`: initialises every
   * parameter; a parameter's own `init` wins over `init`. Positional or as one options object.
   */
  initialize(init?: Initializer | ParameterDictInitializeOptions, ctx?: ContextLike | null, verbose = false, force_reinit = false): void {
    if (init !== undefined && !(init instanceof Initializer)) {
      const o = init;
      return this.initialize(o.init ?? new Uniform(), o.ctx ?? null, o.verbose ?? false, o.force_reinit ?? false);
    }
    const chosen = init ?? new Uniform();
    if (verbose) chosen.set_verbosity(verbose);
    for (const v of this.values()) v.initialize(null, ctx ?? null, chosen, force_reinit);
  }

  /** `zero_grad()`: zeroes every gradient buffer. */
  zero_grad(): void {
    for (const p of this.values()) {
      if (p.grad_req === 'null' || p._grad === null) continue;
      for (const g of p.list_grad()) g.__setitem__(':', 0);
    }
  }

  /** `reset_ctx(ctx)`: moves every parameter to the given context(s). */
  reset_ctx(ctx: ContextLike | null): void {
    for (const p of this.values()) p.reset_ctx(ctx);
  }

  /** `list_ctx()`: every context some parameter is initialised on (first-seen order). */
  list_ctx(): Context[] {
    const s = new Set<Context>();
    for (const p of this.values()) for (const c of p.list_ctx()) s.add(c);
    return [...s];
  }

  /** `setattr(name, value)`: sets an attribute on every parameter (`'grad_req'`, `'lr_mult'`, …). */
  setattr(name: string, value: unknown): void {
    for (const p of this.values()) (p as unknown as Record<string, unknown>)[name] = value;
  }

  /** `save(filename, strip_prefix='')`: writes every parameter (averaged over contexts) to a `.params` file. */
  save(filename: string, strip_prefix = ''): void {
    const arg_dict = new Map<string, NDArray>();
    for (const param of this.values()) {
      const weight = param._reduce();
      if (!param.name.startsWith(strip_prefix)) {
        throw new ValueError(
          `Prefix '${strip_prefix}' is to be striped before saving, but Parameter's name '${param.name}' does not start with '${strip_prefix}'. ` +
            "this may be due to your Block shares parameters from other Blocks or you forgot to use 'with name_scope()' when creating child blocks. " +
            `For more info on naming, please see ${NAMING_URL}`,
        );
      }
      arg_dict.set(param.name.slice(strip_prefix.length), weight);
    }
    ndSave(filename, arg_dict);
  }

  /**
   * `load(filename, ctx=None, allow_missing=False, ignore_extra=False, restore_prefix='',
   * cast_dtype=False, dtype_source='current')`: `filename` may also be the file's bytes.
   *
   * @example
   * ```ts
   * params.load('net.params', mx.cpu(), { allow_missing: true });
   * ```
   */
  load(filename: string | Uint8Array, ctx?: ContextLike | null | ParameterDictLoadOptions, options: ParameterDictLoadOptions = {}): void {
    const o: ParameterDictLoadOptions = isCtxArg(ctx) ? { ...options, ctx: ctx ?? options.ctx ?? null } : { ...(ctx as ParameterDictLoadOptions) };
    const restore_prefix = o.restore_prefix ?? '';
    if (restore_prefix) {
      for (const name of this.keys()) {
        if (!name.startsWith(restore_prefix)) {
          throw new AssertionError(
            `restore_prefix is '${restore_prefix}' but Parameters name '${name}' does not start with '${restore_prefix}'. For more info on naming, please see ${NAMING_URL}`,
          );
        }
      }
    }
    const loaded = ndLoad(filename);
    const fname = typeof filename === 'string' ? filename : '<bytes>';
    if (Array.isArray(loaded)) {
      // Python unpacks each item as a (name, array) pair and fails on a bare NDArray.
      if (loaded.length) throw new TypeError('cannot unpack non-iterable NDArray object');
      return this.load_dict([], { ...o, filename: fname });
    }
    this.load_dict(loaded, { ...o, filename: fname });
  }

  /**
   * `load_dict(param_dict, ctx=None, allow_missing=False, ignore_extra=False, restore_prefix='',
   * filename=None, cast_dtype=False, dtype_source='current')`: `arg:`/`aux:` prefixes of a dict's
   * keys are dropped, `restore_prefix` is prepended.
   */
  load_dict(param_dict: ParamDictLike, ctx?: ContextLike | null | ParameterDictLoadOptions, options: ParameterDictLoadOptions = {}): void {
    const o: ParameterDictLoadOptions = isCtxArg(ctx) ? { ...options, ctx: ctx ?? options.ctx ?? null } : { ...(ctx as ParameterDictLoadOptions) };
    const restore_prefix = o.restore_prefix ?? '';
    const lprefix = restore_prefix.length;
    let loaded: [string, NDArray][];
    if (param_dict instanceof Map) loaded = [...param_dict.entries()].map(([k, v]) => [stripArgAux(k), v]);
    else if (Array.isArray(param_dict)) loaded = param_dict.map(([k, v]) => [k, v]);
    else loaded = Object.entries(param_dict as Record<string, NDArray>).map(([k, v]) => [stripArgAux(k), v]);
    const arg_dict = new Map(loaded.map(([k, v]) => [restore_prefix + k, v]));
    const error_str = o.filename ? `file: ${o.filename}` : 'param_dict';
    if (!o.allow_missing) {
      for (const name of this.keys()) {
        if (!arg_dict.has(name)) {
          throw new AssertionError(
            `Parameter '${name.slice(lprefix)}' is missing in ${error_str}, which contains parameters: ${briefPrintList([...arg_dict.keys()])}. ` +
              `Please make sure source and target networks have the same prefix.For more info on naming, please see ${NAMING_URL}`,
          );
        }
      }
    }
    for (const [name, value] of arg_dict) {
      if (!this._params.has(name)) {
        if (!o.ignore_extra) {
          throw new AssertionError(
            `Parameter '${name.slice(lprefix)}' loaded from ${error_str} is not present in ParameterDict, choices are: ${briefPrintList([...this._params.keys()])}. ` +
              `Set ignore_extra to True to ignore. Please make sure source and target networks have the same prefix.For more info on naming, please see ${NAMING_URL}`,
          );
        }
        continue;
      }
      this.__getitem__(name)._load_init(value, o.ctx ?? null, o.cast_dtype ?? false, o.dtype_source ?? 'current');
    }
  }
}

function stripArgAux(k: string): string {
  return k.startsWith('arg:') || k.startsWith('aux:') ? k.slice(4) : k;
}
