/**
 * `mx.gluon.Block` (python/mxnet/gluon/block.py, MXNet 1.9): prefixes and name scopes, a
 * per-block `ParameterDict`, children registered by attribute assignment, structural
 * save/load, forward hooks. Built on core's `ModuleBase` (callable instances whose attribute
 * assignments go through `__setattr__`; children live in its `_modules` store, which is
 * `_children` here, so core's tree walks see Gluon blocks too).
 */
import { AssertionError, AttributeError, ModuleBase, NotImplementedError, RAW, SELF, ValueError } from '@nncompat/core';
import type { ContextLike } from './parameter.js';
import { Parameter } from './parameter.js';
import { ParameterDict } from './parameter-dict.js';
import { Initializer } from '../initializer/initializer.js';
import { Uniform } from '../initializer/initializers.js';
import type { DTypeLike } from '../ndarray/dtype.js';
import { load as ndLoad, save as ndSave } from '../ndarray/io.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { NameManager, Prefix } from '../name/name.js';
import { briefPrintList, indent } from '../util/pyfmt.js';
import { warn } from '../util/warnings.js';
import { HookHandle, pyTypeRepr, type HookDict } from './utils.js';

/** Keyword arguments every block takes. */
export interface BlockOptions {
  /** Name space of this block's parameters and children (default: `<alias><n>_`). */
  prefix?: string | null;
  /** A `ParameterDict` whose parameters this block shares. */
  params?: ParameterDict | null;
}

/** Keyword arguments of `Block.initialize`. */
export interface BlockInitializeOptions {
  init?: Initializer;
  ctx?: ContextLike | null;
  verbose?: boolean;
  force_reinit?: boolean;
}

/** Keyword arguments of `Block.load_parameters`. */
export interface LoadParametersOptions {
  ctx?: ContextLike | null;
  allow_missing?: boolean;
  ignore_extra?: boolean;
  cast_dtype?: boolean;
  dtype_source?: 'current' | 'saved';
}

/** Options of `Block.hybridize` (accepted and recorded; execution stays imperative). */
export interface HybridizeOptions {
  backend?: string | null;
  clear?: boolean;
  static_alloc?: boolean;
  static_shape?: boolean;
  inline_limit?: number;
  forward_bulk_size?: number | null;
  backward_bulk_size?: number | null;
}

/** `hook(block, input)`, run before `forward`. */
export type ForwardPreHook = (block: Block, input: readonly unknown[]) => void;
/** `hook(block, input, output)`, run after `forward`. */
export type ForwardHook = (block: Block, input: readonly unknown[], output: unknown) => void;


/** `_BlockScope`: the block whose `name_scope` is active names the blocks created inside it. */
export class BlockScope {
  /** @internal The innermost active scope. */
  static _current: BlockScope | null = null;
  /** @internal */ readonly _block: Block;
  /** @internal */ readonly _counter = new Map<string, number>();

  constructor(block: Block) {
    this._block = block;
  }

  /** @internal `_BlockScope.create(prefix, params, hint)`: the prefix and ParameterDict of a new block. */
  static create(prefix: string | null, params: ParameterDict | null, hint: string): [string, ParameterDict] {
    const current = BlockScope._current;
    if (current === null) {
      const p = prefix ?? `${NameManager.current.get(null, hint)}_`;
      return [p, params === null ? new ParameterDict(p) : new ParameterDict(params.prefix, params)];
    }
    let p = prefix;
    if (p === null) {
      const count = current._counter.get(hint) ?? 0;
      p = `${hint}${count}_`;
      current._counter.set(hint, count + 1);
    }
    let dict: ParameterDict;
    if (params === null) {
      const parent = current._block.params;
      dict = new ParameterDict(parent.prefix + p, parent._shared);
    } else {
      dict = new ParameterDict(params.prefix, params);
    }
    return [current._block.prefix + p, dict];
  }

  /** `with scope:` — runs `fn` with this block's scope (and name prefix) active. */
  with<T>(fn: () => T): T {
    if (this._block._empty_prefix) return fn();
    const old = BlockScope._current;
    BlockScope._current = this;
    try {
      return new Prefix(this._block.prefix).with(fn);
    } finally {
      BlockScope._current = old;
    }
  }
}

/** The block as users see it (the proxy), also when `this` is the raw object of a call. */
function selfOf(b: Block): Block {
  return (b[SELF] ?? b) as Block;
}

function isBlock(v: unknown): v is Block {
  return v instanceof Block;
}

/**
 * Base class of every Gluon layer and model.
 *
 * @example
 * ```ts
 * class Model extends mx.gluon.Block {
 *   declare dense0: mx.gluon.nn.Dense;
 *   constructor(opts: mx.gluon.BlockOptions = {}) {
 *     super(opts);
 *     this.name_scope(() => { this.dense0 = new mx.gluon.nn.Dense(20); });
 *   }
 *   override forward(x: mx.nd.NDArray) { return mx.nd.relu(this.dense0(x)); }
 * }
 * const model = new Model();
 * model.initialize();
 * model(mx.nd.zeros([10, 10]));
 * ```
 */
export class Block extends ModuleBase {
  /** Python module shown in `<class '…'>` texts. */
  static __module__ = 'mxnet.gluon.block';
  declare _reg_params: Map<string, Parameter>;
  declare _empty_prefix: boolean;
  declare _prefix: string;
  declare _params: ParameterDict;
  declare _name: string;
  declare _scope: BlockScope;
  declare _forward_hooks: HookDict<ForwardHook>;
  declare _forward_pre_hooks: HookDict<ForwardPreHook>;

  constructor(opts: BlockOptions = {}) {
    super();
    const prefix = opts.prefix ?? null;
    this._reg_params = new Map();
    this._empty_prefix = prefix === '';
    const [p, params] = BlockScope.create(prefix, opts.params ?? null, this._alias());
    this._prefix = p;
    this._params = params;
    this._name = p.endsWith('_') ? p.slice(0, -1) : p;
    this._scope = new BlockScope(this);
    this._forward_hooks = new Map();
    this._forward_pre_hooks = new Map();
  }

  /** Children by name, in registration order (core's `_modules` store). */
  get _children(): Map<string, Block> {
    return this._modules as unknown as Map<string, Block>;
  }

  /** `__repr__`: the class name and each child held in an attribute, indented. */
  __repr__(): string {
    const raw = this[RAW];
    const modstr = Object.keys(raw)
      .filter((k) => isBlock(raw[k]))
      .map((k) => `  (${k}): ${indent((raw[k] as Block).__repr__(), 2)}`)
      .join('\n');
    return `${this._get_name()}(\n${modstr}\n)`;
  }
  override toString(): string {
    return this.__repr__();
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.__repr__();
  }

  /**
   * `__setattr__`: a Block value is registered as a child, a Parameter value in `_reg_params`;
   * an attribute holding a Block or Parameter cannot change to another type.
   */
  override __setattr__(name: string, value: unknown): void {
    const raw = this[RAW];
    if (name in raw) {
      const existing = raw[name];
      if (isBlock(existing) || existing instanceof Parameter) {
        // A TypeScript field declaration re-defines registered members as undefined: keep them.
        if (value === undefined) return;
        const sameType = value instanceof (existing.constructor as new (...a: never[]) => unknown);
        if (!sameType) {
          throw new TypeError(`Changing attribute type for ${name} from ${pyTypeRepr(existing)} to ${pyTypeRepr(value)}is not allowed.`);
        }
      }
    }
    if (isBlock(value)) {
      this.register_child(value, name);
    } else if (value instanceof Parameter) {
      if (this._reg_params.has(name)) {
        throw new AssertionError(
          `Overriding Parameter attribute ${name} is not allowed. If you want to share parameters between blocks, please set 'params' at Block construction instead.`,
        );
      }
      this._reg_params.set(name, value);
    }
    this._set_plain_attr(name, value);
  }

  /** The class name (kept through bundling by `keepNames`). */
  override _get_name(): string {
    return this.constructor.name;
  }

  /** @internal Warns about lists/dicts of blocks that were never registered. */
  _check_container_with_block(): void {
    const children = new Set(this._children.values());
    const find = (data: unknown): boolean => {
      if (Array.isArray(data)) return data.some(find);
      if (data instanceof Map) return [...data.values()].some(find);
      if (isBlock(data)) return !children.has(data);
      if (data !== null && typeof data === 'object' && Object.getPrototypeOf(data) === Object.prototype) return Object.values(data).some(find);
      return false;
    };
    const raw = this[RAW];
    for (const k of Object.keys(raw)) {
      const v = raw[k];
      const container = Array.isArray(v) || v instanceof Map || (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype);
      if (!container || k.startsWith('__') || k === '_children' || k === '_modules') continue;
      if (find(v)) {
        warn(
          `"${this._get_name()}.${k}" is an unregistered container with Blocks. Note that Blocks inside the list, tuple or dict will not be registered automatically. ` +
            'Make sure to register them using register_child() or switching to nn.Sequential/nn.HybridSequential instead. ',
        );
      }
    }
  }

  /** @internal The hint for automatic prefixes: the lower-cased class name. */
  _alias(): string {
    return this.constructor.name.toLowerCase();
  }

  /** Prefix of this block (`dense0_`). */
  get prefix(): string {
    return this._prefix;
  }

  /** Name of this block: the prefix without its trailing `_`. */
  override get name(): string {
    return this._name;
  }

  /**
   * `with self.name_scope():` — blocks created inside `fn` get this block's prefix and
   * parameter dict as parents.
   */
  name_scope<T>(fn: () => T): T {
    return this._scope.with(fn);
  }

  /** This block's own parameters (not its children's). */
  get params(): ParameterDict {
    return this._params;
  }

  /**
   * `collect_params(select=None)`: this block's and its children's parameters, optionally only
   * names matched (from the start, as Python's `re.match`) by the regular expression `select`.
   *
   * @example
   * ```ts
   * net.collect_params('.*weight|.*bias');
   * ```
   */
  collect_params(select: string | null = null): ParameterDict {
    this._check_container_with_block();
    const ret = new ParameterDict(this._params.prefix);
    if (!select) {
      ret.update(this.params);
    } else {
      const pattern = new RegExp(`^(?:${select})`);
      const picked = new ParameterDict(this._params.prefix);
      for (const [name, value] of this.params.items()) if (pattern.test(name)) picked._params.set(name, value);
      ret.update(picked);
    }
    for (const cld of this._children.values()) ret.update(cld.collect_params(select));
    return ret;
  }

  /** @internal Structural names (`dense0.weight`) of every registered parameter, shared ones under each name. */
  _collect_params_with_prefix(prefix = ''): Map<string, Parameter> {
    const p = prefix ? `${prefix}.` : '';
    const ret = new Map<string, Parameter>();
    for (const [key, val] of this._reg_params) ret.set(p + key, val);
    for (const [name, child] of this._children) for (const [k, v] of child._collect_params_with_prefix(p + name)) ret.set(k, v);
    return ret;
  }

  /**
   * `save_parameters(filename, deduplicate=False)`: MXNet's `.params` file keyed by structural
   * names; with `deduplicate` a shared parameter is stored once.
   */
  save_parameters(filename: string, deduplicate = false): void {
    let params = this._collect_params_with_prefix();
    if (deduplicate) {
      // Python: reverse = {v: k}; params = {v: k for k, v in reverse.items()} — the last name
      // of each parameter, in the order parameters were first seen.
      const reverse = new Map<Parameter, string>();
      for (const [k, v] of params) reverse.set(v, k);
      params = new Map([...reverse].map(([v, k]) => [k, v]));
    }
    const arg_dict = new Map<string, NDArray>();
    for (const [key, val] of params) arg_dict.set(key, val._reduce());
    ndSave(filename, arg_dict);
  }

  /**
   * `load_parameters(filename, ctx=None, allow_missing=False, ignore_extra=False,
   * cast_dtype=False, dtype_source='current')`: loads a file written by `save_parameters`
   * (or, when no name has a `.`, a `ParameterDict.save` file with this block's prefix).
   *
   * @example
   * ```ts
   * net.load_parameters('net.params', mx.cpu(), { allow_missing: true });
   * ```
   */
  load_parameters(filename: string | Uint8Array, ctx?: ContextLike | null | LoadParametersOptions, options: LoadParametersOptions = {}): void {
    const isCtx = ctx == null || Array.isArray(ctx) || (typeof ctx === 'object' && 'device_typeid' in ctx);
    const o: LoadParametersOptions = isCtx ? { ...options, ctx: (ctx as ContextLike | null | undefined) ?? options.ctx ?? null } : { ...(ctx as LoadParametersOptions) };
    const allow_missing = o.allow_missing ?? false;
    const ignore_extra = o.ignore_extra ?? false;
    const cast_dtype = o.cast_dtype ?? false;
    const dtype_source = o.dtype_source ?? 'current';
    const fname = typeof filename === 'string' ? filename : '<bytes>';
    const loadedAny = ndLoad(filename);
    const params = this._collect_params_with_prefix();
    if ((Array.isArray(loadedAny) ? loadedAny.length === 0 : loadedAny.size === 0) && params.size === 0) return;
    if (Array.isArray(loadedAny)) throw new AttributeError("'list' object has no attribute 'keys'");
    const loaded = loadedAny;
    if (![...loaded.keys()].some((k) => k.includes('.'))) {
      this.collect_params().load(filename, {
        ctx: o.ctx ?? null, allow_missing, ignore_extra, restore_prefix: this.prefix, cast_dtype, dtype_source,
      });
      return;
    }
    if (!allow_missing) {
      const inv = new Map<Parameter, string[]>();
      for (const [k, v] of params) inv.set(v, [...(inv.get(v) ?? []), k]);
      for (const [name, param] of params) {
        if (!inv.get(param)!.some((p) => loaded.has(p))) {
          throw new AssertionError(
            `Parameter '${name}' is missing in file '${fname}', which contains parameters: ${briefPrintList([...loaded.keys()])}. ` +
              'Set allow_missing=True to ignore missing parameters.',
          );
        }
      }
    }
    for (const [name, arr] of loaded) {
      if (!ignore_extra && !params.has(name)) {
        throw new ValueError(
          `Parameter '${name}' loaded from file '${fname}' is not present in ParameterDict, which contains parameters ${briefPrintList([...this._params.keys()])}. ` +
            'Set ignore_extra=True to ignore. ',
        );
      }
      const p = params.get(name);
      if (p) p._load_init(arr, o.ctx ?? null, cast_dtype, dtype_source);
    }
  }

  /** `register_child(block, name=None)`: registers `block` under `name` (default: its index). */
  register_child(block: Block, name: string | null = null): void {
    const key = name ?? String(this._children.size);
    this._modules.set(key, block);
  }

  /** `register_forward_pre_hook(hook)`: `hook(block, input)` runs before `forward`. */
  register_forward_pre_hook(hook: ForwardPreHook): HookHandle<ForwardPreHook> {
    const handle = new HookHandle<ForwardPreHook>();
    handle.attach(this._forward_pre_hooks, hook);
    return handle;
  }

  /** `register_forward_hook(hook)`: `hook(block, input, output)` runs after `forward`. */
  register_forward_hook(hook: ForwardHook): HookHandle<ForwardHook> {
    const handle = new HookHandle<ForwardHook>();
    handle.attach(this._forward_hooks, hook);
    return handle;
  }

  /** `apply(fn)`: calls `fn` on every descendant (children first), then on this block. */
  override apply(fn: (block: Block) => void): this {
    for (const cld of this._children.values()) cld.apply(fn);
    fn(selfOf(this));
    return this;
  }

  /**
   * `initialize(init=Uniform(), ctx=None, verbose=False, force_reinit=False)`: same as
   * `collect_params().initialize(...)`.
   */
  initialize(init?: Initializer | BlockInitializeOptions, ctx?: ContextLike | null, verbose = false, force_reinit = false): void {
    if (init !== undefined && !(init instanceof Initializer)) {
      const o = init;
      return this.initialize(o.init ?? new Uniform(), o.ctx ?? null, o.verbose ?? false, o.force_reinit ?? false);
    }
    this.collect_params().initialize(init ?? new Uniform(), ctx ?? null, verbose, force_reinit);
  }

  /** `hybridize(active=True, **kwargs)`: forwarded to the children. */
  hybridize(active = true, opts: HybridizeOptions = {}): void {
    for (const cld of this._children.values()) cld.hybridize(active, opts);
  }

  /** `cast(dtype)`: casts every parameter of this block and its children. */
  cast(dtype: DTypeLike): void {
    for (const child of this._children.values()) child.cast(dtype);
    for (const param of this.params.values()) param.cast(dtype);
  }

  /**
   * `zero_grad()`: zeroes the gradients of all parameters (MXNet 2.x's `Block.zero_grad`; in
   * 1.9 this is `collect_params().zero_grad()`, which it calls).
   */
  zero_grad(): void {
    this.collect_params().zero_grad();
  }

  /** `__call__`: forward pre-hooks, `forward`, forward hooks. */
  override _call_impl(...args: unknown[]): unknown {
    const self = selfOf(this);
    for (const hook of self._forward_pre_hooks.values()) hook(self, args);
    const out = (self.forward as (...a: unknown[]) => unknown).apply(self, args);
    for (const hook of self._forward_hooks.values()) hook(self, args, out);
    return out;
  }

  /** The computation with NDArrays; subclasses override it. */
  override forward(...args: never[]): unknown {
    void args;
    throw new NotImplementedError('');
  }
}
