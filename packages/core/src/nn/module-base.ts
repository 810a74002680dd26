/**
 * Framework-neutral module machinery: the ordered stores, the callable instance (a Proxy
 * around a function object, so `model(x)` works and `this.fc = …` — including TypeScript class
 * fields, which are defined with [[Define]] semantics after `super()` returns — is routed
 * through `__setattr__`), and the tree walks. `torch.nn.Module` and `oneflow.nn.Module` extend
 * it and add their `__setattr__` rules, hooks and state-dict logic.
 */
import { AttributeError, NotImplementedError } from '../errors.js';
import type { Tensor } from '../tensor/tensor.js';
import { AttrStore } from './attr-store.js';
import type { Parameter } from './parameter.js';
import { type MemberWalkOptions, walkMembers, walkModules } from './walk.js';

/** Key of the raw (un-proxied) object behind a module; `module[RAW]` bypasses every trap. */
export const RAW: unique symbol = Symbol.for('nncompat.module.raw');
/**
 * Key of the proxy (the module as users see it) on the raw object: `module[SELF]` is the
 * proxy whether read from the proxy or from the raw object, so code running with the raw
 * object as `this` (the call fast path) can hand the proxy to `forward`.
 */
export const SELF: unique symbol = Symbol.for('nncompat.module.proxy');
const PROXY = SELF;

type Raw = Record<PropertyKey, unknown> & { [PROXY]: ModuleBase };

const HANDLER: ProxyHandler<Raw> = {
  set(target, key, value) {
    if (typeof key === 'symbol') return Reflect.set(target, key, value);
    target[PROXY].__setattr__(key, value);
    return true;
  },
  defineProperty(target, key, desc) {
    if (typeof key === 'symbol' || !('value' in desc)) return Reflect.defineProperty(target, key, desc);
    // A TypeScript field declaration without initializer (`fc!: Linear`) defines `undefined`
    // after super(); it must not wipe a member a base constructor already registered.
    if (desc.value === undefined && isRegistered(target, key)) return true;
    target[PROXY].__setattr__(key, desc.value);
    return true;
  },
  deleteProperty(target, key) {
    if (typeof key === 'symbol') return Reflect.deleteProperty(target, key);
    target[PROXY].__delattr__(key);
    return true;
  },
};

function isRegistered(target: Raw, key: string): boolean {
  const m = target as unknown as ModuleBase;
  return m._parameters.has(key) || m._buffers.has(key) || m._modules.has(key);
}

/** Options of `named_parameters` / `named_buffers`. */
export type NamedMembersOptions = MemberWalkOptions;
/** Options of `named_modules`. */
export interface NamedModulesOptions {
  memo?: Set<ModuleBase> | null;
  prefix?: string;
  remove_duplicate?: boolean;
}

/** The call signature every module has: its `forward`'s. */
export interface ModuleBase {
  (...args: Parameters<this['forward']>): ReturnType<this['forward']>;
}

/**
 * Base of every module class. Instances are callable and their attribute assignments are
 * routed through `__setattr__`.
 *
 * @example
 * ```ts
 * class Double extends ModuleBase {
 *   override forward(x: number) { return 2 * x; }
 * }
 * new Double()(21); // 42
 * ```
 */
export class ModuleBase {
  /** Parameters by name, in registration order (`None` entries are kept as null). */
  declare _parameters: AttrStore<Parameter | null>;
  /** Buffers by name, in registration order. */
  declare _buffers: AttrStore<Tensor | null>;
  /** Names of buffers left out of the state dict. */
  declare _non_persistent_buffers_set: Set<string>;
  /** Child modules by name, in registration order. */
  declare _modules: AttrStore<ModuleBase | null>;
  declare [RAW]: Record<PropertyKey, unknown>;
  declare [SELF]: this;

  constructor() {
    // The instance is a function so it can be called; its prototype is the subclass's, and
    // the Proxy only traps writes (reads are plain property reads, fast in forward()).
    // Calls run `_call_impl` with the raw object as `this`: its reads of hook dicts are
    // plain property loads instead of Proxy [[Get]]s (the per-call overhead budget is tight).
    const fn = (...args: unknown[]): unknown => (raw._call_impl as (...a: unknown[]) => unknown).apply(raw, args);
    const raw = fn as unknown as Raw;
    delete (raw as { length?: number }).length;
    delete (raw as { name?: string }).name;
    Object.setPrototypeOf(raw, new.target.prototype);
    const proxy = new Proxy(raw, HANDLER) as unknown as ModuleBase;
    Object.defineProperty(raw, PROXY, { value: proxy });
    Object.defineProperty(raw, RAW, { value: raw });
    raw._parameters = new AttrStore(raw);
    raw._buffers = new AttrStore(raw);
    raw._non_persistent_buffers_set = new Set<string>();
    raw._modules = new AttrStore(raw);
    return proxy;
  }

  /**
   * The computation; subclasses override it with their own signature, which then types the
   * module's call. The base is PyTorch's own `forward: Callable[..., Any]`: a value typed only
   * as a module (`for (const layer of layers) x = layer(x)`) stays callable, and every
   * subclass's call signature stays assignable to the base type (`unknown` parameters would
   * make `Linear` unassignable to `Module`, `never` would make a `Module` uncallable).
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  forward(...args: any[]): any {
    void args;
    throw new NotImplementedError(`Module [${this._get_name()}] is missing the required "forward" function`);
  }

  /**
   * What calling the module does; frameworks add hooks around `forward`. `this` may be the raw
   * object (see the constructor): use `this[SELF]` wherever the module itself is passed on.
   */
  _call_impl(...args: unknown[]): unknown {
    return (this.forward as (...a: unknown[]) => unknown).apply(this[SELF], args);
  }

  /** The class name, as `type(self).__name__`. */
  _get_name(): string {
    return this.constructor.name;
  }

  /** Attribute assignment (`this.x = v`); the base stores a plain attribute. */
  __setattr__(name: string, value: unknown): void {
    this._set_plain_attr(name, value);
  }

  /** Attribute deletion (`delete this.x`): removes a member or a plain attribute. */
  __delattr__(name: string): void {
    if (this._parameters.has(name)) this._parameters.delete(name);
    else if (this._buffers.has(name)) {
      this._buffers.delete(name);
      this._non_persistent_buffers_set.delete(name);
    } else if (this._modules.has(name)) this._modules.delete(name);
    else if (Object.prototype.hasOwnProperty.call(this[RAW], name)) delete this[RAW][name];
    else throw new AttributeError(`'${this._get_name()}' object has no attribute '${name}'`);
  }

  /** Lookup that raises like Python's attribute access when `name` is missing. */
  __getattr__(name: string): unknown {
    if (name in this[RAW]) return this[RAW][name];
    throw new AttributeError(`'${this._get_name()}' object has no attribute '${name}'`);
  }

  /** `object.__setattr__`: honours a setter on the class, else stores an own attribute. */
  _set_plain_attr(name: string, value: unknown): void {
    const raw = this[RAW];
    for (let p = Object.getPrototypeOf(raw); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
      const d = Object.getOwnPropertyDescriptor(p, name);
      if (d) {
        if (d.set) {
          d.set.call(this, value);
          return;
        }
        break;
      }
    }
    Object.defineProperty(raw, name, { value, writable: true, configurable: true, enumerable: true });
  }

  /** Removes `name` from the plain attributes (not from the stores). */
  _delete_plain_attr(name: string): void {
    const raw = this[RAW];
    if (Object.prototype.hasOwnProperty.call(raw, name) && !isRegistered(raw as Raw, name)) delete raw[name];
  }

  /** `named_modules(memo=None, prefix='', remove_duplicate=True)`. */
  named_modules(
    memo: Set<ModuleBase> | null | NamedModulesOptions = null,
    prefix = '',
    remove_duplicate = true,
  ): Generator<[string, ModuleBase]> {
    if (memo !== null && !(memo instanceof Set)) {
      return walkModules(this, memo);
    }
    return walkModules(this, { memo, prefix, remove_duplicate });
  }

  /** `modules()`: every module of the tree, pre-order, de-duplicated. */
  *modules(): Generator<ModuleBase> {
    for (const [, m] of this.named_modules()) yield m;
  }

  /** `named_children()`: direct children, de-duplicated. */
  *named_children(): Generator<[string, ModuleBase]> {
    const memo = new Set<ModuleBase>();
    for (const [name, m] of this._modules) {
      if (m !== null && !memo.has(m)) {
        memo.add(m);
        yield [name, m];
      }
    }
  }

  /** `children()`. */
  *children(): Generator<ModuleBase> {
    for (const [, m] of this.named_children()) yield m;
  }

  /** `named_parameters(prefix='', recurse=True, remove_duplicate=True)`. */
  named_parameters(prefix: string | NamedMembersOptions = '', recurse = true, remove_duplicate = true): Generator<[string, Parameter]> {
    const o = typeof prefix === 'object' ? prefix : { prefix, recurse, remove_duplicate };
    return walkMembers<Parameter>(this, (m) => m._parameters, o);
  }

  /** `parameters(recurse=True)`. */
  *parameters(recurse: boolean | { recurse?: boolean } = true): Generator<Parameter> {
    const r = typeof recurse === 'object' ? (recurse.recurse ?? true) : recurse;
    for (const [, p] of this.named_parameters('', r)) yield p;
  }

  /** `named_buffers(prefix='', recurse=True, remove_duplicate=True)`. */
  named_buffers(prefix: string | NamedMembersOptions = '', recurse = true, remove_duplicate = true): Generator<[string, Tensor]> {
    const o = typeof prefix === 'object' ? prefix : { prefix, recurse, remove_duplicate };
    return walkMembers<Tensor>(this, (m) => m._buffers, o);
  }

  /** `buffers(recurse=True)`. */
  *buffers(recurse: boolean | { recurse?: boolean } = true): Generator<Tensor> {
    const r = typeof recurse === 'object' ? (recurse.recurse ?? true) : recurse;
    for (const [, b] of this.named_buffers('', r)) yield b;
  }
}
