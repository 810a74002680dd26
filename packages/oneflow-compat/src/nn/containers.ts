/**
 * OneFlow's containers (python/oneflow/nn/utils/container.py, `get_seq` / `get_list` /
 * `get_dict` / `get_para_list` / `get_para_dict` applied to `Module`). They differ from
 * PyTorch 2.x: ParameterDict/ParameterList values must be Parameters (no tensor wrapping, no
 * plain values), ParameterDict has only `clear/pop/keys/items/values/update`, its `update`
 * sorts plain mappings by key, and calling either raises "... should not be called.".
 */
import {
  appendNumbered, deleteOrKeyError, getOrKeyError, insertShifting, NotImplementedError, OrderedDict, RAW, renumberStore, RuntimeError,
  ValueError,
} from '@nncompat/core';
import { Slice } from '@nncompat/torch-compat';
import { keyError, pyTypeName } from '../python.js';
import { absIndex, isIterable, pairOf, parameterLine, pyLen } from './container-common.js';
import { Module } from './module.js';
import type { Parameter } from './parameter.js';

/**
 * `oneflow.nn.Sequential(*modules)` or `Sequential(OrderedDict)`.
 *
 * @example
 * ```ts
 * const net = new flow.nn.Sequential(new flow.nn.Linear(4, 8), new flow.nn.ReLU());
 * net(flow.randn(1, 4));
 * ```
 */
export class Sequential extends Module {
  static override __module__ = 'oneflow.nn.modules.container';
  [index: number]: Module;

  constructor(...args: (Module | OrderedDict<string, Module>)[]) {
    super();
    if (args.length === 1 && args[0] instanceof OrderedDict) for (const [k, m] of args[0]) this.add_module(k, m);
    else args.forEach((m, i) => this.add_module(String(i), m as Module));
  }

  /** `seq[idx]` or `seq[slice]` (a new Sequential of the same class). */
  __getitem__(idx: number): Module;
  __getitem__(idx: Slice): Sequential;
  __getitem__(idx: number | Slice): Module | Sequential {
    const entries = [...this._modules.entries()] as [string, Module][];
    if (idx instanceof Slice) return new (this.constructor as typeof Sequential)(new OrderedDict(idx.positions(entries.length).map((i) => entries[i]!)));
    return entries[absIndex(idx, entries.length)]![1];
  }
  /** `seq[idx] = module`. */
  __setitem__(idx: number, module: Module): void {
    const keys = [...this._modules.keys()];
    this.__setattr__(keys[absIndex(idx, keys.length)]!, module);
  }
  /** `del seq[idx]` (OneFlow's Sequential does not renumber). */
  __delitem__(idx: number | Slice): void {
    const keys = [...this._modules.keys()];
    if (idx instanceof Slice) for (const i of idx.positions(keys.length)) this.__delattr__(keys[i]!);
    else this.__delattr__(keys[absIndex(idx, keys.length)]!);
  }
  /** `len(seq)`. */
  __len__(): number {
    return this._modules.size;
  }
  /** `iter(seq)`: the modules. */
  *[Symbol.iterator](): Iterator<Module> {
    for (const m of this._modules.values()) yield m as Module;
  }
  /** `forward(input)`: each module's output feeds the next. */
  override forward(input: unknown): unknown {
    let x = input;
    for (const m of this) x = (m as unknown as (a: unknown) => unknown)(x);
    return x;
  }
}

/**
 * `oneflow.nn.ModuleList(modules=None)`.
 *
 * @example
 * ```ts
 * const layers = new flow.nn.ModuleList([new flow.nn.Linear(2, 2)]);
 * layers.append(new flow.nn.Linear(2, 2)).__len__(); // 2
 * ```
 */
export class ModuleList extends Module {
  static override __module__ = 'oneflow.nn.modules.container';
  [index: number]: Module;

  constructor(modules: Iterable<Module> | null = null) {
    super();
    if (modules !== null && modules !== undefined) this.extend(modules);
  }

  /** `ml[idx]` or `ml[slice]`. */
  __getitem__(idx: number): Module;
  __getitem__(idx: Slice): ModuleList;
  __getitem__(idx: number | Slice): Module | ModuleList {
    const values = [...this._modules.values()] as Module[];
    if (idx instanceof Slice) return new (this.constructor as typeof ModuleList)(idx.positions(values.length).map((i) => values[i]!));
    return this._modules.get(String(absIndex(idx, this._modules.size))) as Module;
  }
  /** `ml[idx] = module`. */
  __setitem__(idx: number, module: Module): void {
    this.__setattr__(String(absIndex(idx, this._modules.size)), module);
  }
  /** `del ml[idx]`; the rest is renumbered. */
  __delitem__(idx: number | Slice): void {
    if (idx instanceof Slice) for (const k of idx.positions(this._modules.size)) this.__delattr__(String(k));
    else this.__delattr__(String(absIndex(idx, this._modules.size)));
    renumberStore(this._modules);
  }
  /** `len(ml)`. */
  __len__(): number {
    return this._modules.size;
  }
  *[Symbol.iterator](): Iterator<Module> {
    for (const m of this._modules.values()) yield m as Module;
  }
  /** `ml += modules`. */
  __iadd__(modules: Iterable<Module>): this {
    return this.extend(modules);
  }
  /** `insert(index, module)` (OneFlow shifts entries without a range check). */
  insert(index: number, module: Module): void {
    insertShifting(this._modules, index, module);
  }
  /** `append(module)`. */
  append(module: Module): this {
    this.add_module(String(this._modules.size), module);
    return this;
  }
  /** `extend(modules)`. */
  extend(modules: Iterable<Module>): this {
    if (!isIterable(modules)) throw new TypeError(`ModuleList.extend should be called with an iterable, but got ${pyTypeName(modules)}`);
    appendNumbered(this._modules.size, modules, (k, m) => this.add_module(k, m));
    return this;
  }
  /** ModuleList has no forward. */
  override forward(): never {
    throw new NotImplementedError();
  }
}

/**
 * `oneflow.nn.ModuleDict(modules=None)`.
 *
 * @example
 * ```ts
 * const heads = new flow.nn.ModuleDict({ cls: new flow.nn.Linear(4, 2) });
 * heads.__getitem__('cls');
 * ```
 */
export class ModuleDict extends Module {
  static override __module__ = 'oneflow.nn.modules.container';

  constructor(modules: Map<string, Module> | Record<string, Module> | Iterable<readonly [string, Module]> | null = null) {
    super();
    if (modules !== null && modules !== undefined) this.update(modules);
  }
  /** `md[key]`. */
  __getitem__(key: string): Module {
    return getOrKeyError(this._modules, key, keyError) as Module;
  }
  /** `md[key] = module`. */
  __setitem__(key: string, module: Module): void {
    this.add_module(key, module);
  }
  /** `del md[key]`. */
  __delitem__(key: string): void {
    deleteOrKeyError(this._modules, key, keyError);
  }
  __len__(): number {
    return this._modules.size;
  }
  [Symbol.iterator](): Iterator<string> {
    return this._modules.keys();
  }
  __contains__(key: string): boolean {
    return this._modules.has(key);
  }
  /** `clear()`. */
  clear(): void {
    this._modules.clear();
  }
  /** `pop(key)`. */
  pop(key: string): Module {
    const v = this.__getitem__(key);
    this.__delitem__(key);
    return v;
  }
  keys(): IterableIterator<string> {
    return this._modules.keys();
  }
  items(): IterableIterator<[string, Module]> {
    return this._modules.entries() as IterableIterator<[string, Module]>;
  }
  values(): IterableIterator<Module> {
    return this._modules.values() as IterableIterator<Module>;
  }
  /** `update(modules)`: mappings in their own order (OneFlow does not sort here), else pairs. */
  update(modules: Map<string, Module> | Record<string, Module> | Iterable<readonly [string, Module]>): void {
    if (!isIterable(modules)) {
      throw new TypeError(`ModuleDict.update should be called with an iterable of key/value pairs, but got ${pyTypeName(modules)}`);
    }
    if (modules instanceof ModuleDict) {
      for (const [k, m] of [...modules.items()]) this.__setitem__(k, m);
    } else if (modules instanceof Map) {
      for (const [k, m] of modules.entries()) this.__setitem__(k, m);
    } else if (Object.getPrototypeOf(modules) === Object.prototype) {
      for (const [k, m] of Object.entries(modules)) this.__setitem__(k, m as Module);
    } else {
      let j = 0;
      for (const m of modules as Iterable<unknown>) {
        if (!isIterable(m)) throw new TypeError(`ModuleDict update sequence element #${j} should be Iterable; is${pyTypeName(m)}`);
        const n = pyLen(m);
        if (n !== 2) throw new ValueError(`ModuleDict update sequence element #${j} has length ${n}; 2 is required`);
        const [k, v] = pairOf(m);
        this.__setitem__(k as string, v as Module);
        j++;
      }
    }
  }
}

/** Parameter containers raise when called (OneFlow's `__call__`). */
function notCallable(name: string): never {
  throw new RuntimeError(`${name} should not be called.`);
}

/**
 * `oneflow.nn.ParameterList(parameters=None)`: values must be Parameters (or None).
 *
 * @example
 * ```ts
 * const pl = new flow.nn.ParameterList([new flow.nn.Parameter(flow.randn(10, 10))]);
 * String(pl); // 'ParameterList(\n    (0): Parameter containing: [<class \'oneflow.nn.Parameter\'> of size 10x10]\n)'
 * ```
 */
export class ParameterList extends Module {
  static override __module__ = 'oneflow.nn.modules.container';
  declare _initialized: boolean;
  [index: number]: Parameter;

  constructor(parameters: Iterable<Parameter> | null = null) {
    super();
    this[RAW]._initialized = true;
    if (parameters !== null && parameters !== undefined) this.extend(parameters);
  }
  override _call_impl(): never {
    return notCallable('ParameterList');
  }
  /** `pl[idx]` or `pl[slice]`. */
  __getitem__(idx: number): Parameter;
  __getitem__(idx: Slice): ParameterList;
  __getitem__(idx: number | Slice): Parameter | ParameterList {
    const values = [...this._parameters.values()] as Parameter[];
    if (idx instanceof Slice) return new (this.constructor as typeof ParameterList)(idx.positions(values.length).map((i) => values[i]!));
    return this._parameters.get(String(absIndex(idx, this._parameters.size))) as Parameter;
  }
  /** `pl[idx] = param`. */
  __setitem__(idx: number, param: Parameter): void {
    this.register_parameter(String(absIndex(idx, this._parameters.size)), param);
  }
  __len__(): number {
    return this._parameters.size;
  }
  *[Symbol.iterator](): Iterator<Parameter> {
    for (const p of this._parameters.values()) yield p as Parameter;
  }
  /** `pl += parameters`. */
  __iadd__(parameters: Iterable<Parameter>): this {
    return this.extend(parameters);
  }
  /** `append(parameter)`. */
  append(parameter: Parameter): this {
    this.register_parameter(String(this._parameters.size), parameter);
    return this;
  }
  /** `extend(parameters)`. */
  extend(parameters: Iterable<Parameter>): this {
    if (!isIterable(parameters)) throw new TypeError(`ParameterList.extend should be called with an iterable, but got ${pyTypeName(parameters)}`);
    appendNumbered(this._parameters.size, parameters, (k, p) => this.register_parameter(k, p));
    return this;
  }
  override extra_repr(): string {
    return [...this._parameters].map(([k, p]) => `  (${k}): ${parameterLine(p)}`).join('\n');
  }
}

/** What `ParameterDict` accepts. */
export type ParameterDictInput =
  | ParameterDict | Map<string, Parameter> | Record<string, Parameter> | Iterable<readonly [string, Parameter]>;

/** Python's `sorted()` of str keys: by code point. */
function byCodePoint(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

/**
 * `oneflow.nn.ParameterDict(parameters=None)` exactly as OneFlow 1.0 has it.
 *
 * @example
 * ```ts
 * const pd = new flow.nn.ParameterDict({ left: new flow.nn.Parameter(flow.randn(5, 10)) });
 * pd.__getitem__('left').shape; // [5, 10]
 * ```
 */
export class ParameterDict extends Module {
  static override __module__ = 'oneflow.nn.modules.container';
  declare _initialized: boolean;
  /** Items are mirrored as attributes (`pd.left`, `pd['left']`), as `getattr(pd, key)` works in OneFlow. */
  [key: string]: unknown;

  constructor(parameters: ParameterDictInput | null = null) {
    super();
    this[RAW]._initialized = true;
    if (parameters !== null && parameters !== undefined) this.update(parameters);
  }
  override _call_impl(): never {
    return notCallable('ParameterDict');
  }
  /** `pd[key]`: KeyError when absent. */
  __getitem__(key: string): Parameter {
    return getOrKeyError(this._parameters, key, keyError) as Parameter;
  }
  /** `pd[key] = parameter`: `register_parameter` (a Parameter or None, else TypeError). */
  __setitem__(key: string, parameter: Parameter | null): void {
    this.register_parameter(key, parameter);
  }
  /** `del pd[key]`. */
  __delitem__(key: string): void {
    deleteOrKeyError(this._parameters, key, keyError);
  }
  __len__(): number {
    return this._parameters.size;
  }
  [Symbol.iterator](): Iterator<string> {
    return this._parameters.keys();
  }
  __contains__(key: string): boolean {
    return this._parameters.has(key);
  }
  /** `clear()`. */
  clear(): void {
    this._parameters.clear();
  }
  /** `pop(key)`. */
  pop(key: string): Parameter {
    const v = this.__getitem__(key);
    this.__delitem__(key);
    return v;
  }
  keys(): IterableIterator<string> {
    return this._parameters.keys();
  }
  items(): IterableIterator<[string, Parameter]> {
    return this._parameters.entries() as IterableIterator<[string, Parameter]>;
  }
  values(): IterableIterator<Parameter> {
    return this._parameters.values() as IterableIterator<Parameter>;
  }
  /**
   * `update(parameters)`: an `OrderedDict` or ParameterDict in its order, any other mapping
   * (a `Map`, a plain object: Python's `dict`) in sorted key order, else an iterable of pairs.
   */
  update(parameters: ParameterDictInput): void {
    if (!isIterable(parameters)) {
      throw new TypeError(`ParametersDict.update should be called with an iterable of key/value pairs, but got ${pyTypeName(parameters)}`);
    }
    if (parameters instanceof ParameterDict) {
      for (const [k, p] of [...parameters.items()]) this.__setitem__(k, p);
    } else if (parameters instanceof OrderedDict) {
      for (const [k, p] of (parameters as Map<string, Parameter>).entries()) this.__setitem__(k, p);
    } else if (parameters instanceof Map || Object.getPrototypeOf(parameters) === Object.prototype) {
      const entries = parameters instanceof Map ? [...parameters.entries()] : Object.entries(parameters);
      entries.sort(([a], [b]) => byCodePoint(String(a), String(b)));
      for (const [k, p] of entries) this.__setitem__(k as string, p as Parameter);
    } else {
      let j = 0;
      for (const p of parameters as Iterable<unknown>) {
        if (!isIterable(p)) throw new TypeError(`ParameterDict update sequence element #${j} should be Iterable; is${pyTypeName(p)}`);
        const n = pyLen(p);
        if (n !== 2) throw new ValueError(`ParameterDict update sequence element #${j} has length ${n}; 2 is required`);
        const [k, v] = pairOf(p);
        this.__setitem__(k as string, v as Parameter);
        j++;
      }
    }
  }
  override extra_repr(): string {
    return [...this._parameters].map(([k, p]) => `  (${k}): ${parameterLine(p)}`).join('\n');
  }
}

