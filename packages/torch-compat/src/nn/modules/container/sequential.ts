/** `torch.nn.Sequential`: modules called in order, each output feeding the next. */
import { AssertionError, IndexError, OrderedDict, renumberStore, ValueError } from '@nncompat/core';
import { pyTypeRepr } from '../../../python.js';
import { Slice } from '../../../slice.js';
import { Module } from '../module.js';
import { absIndex } from './common.js';

/**
 * A sequential container: `new nn.Sequential(a, b, c)` or `new nn.Sequential(new OrderedDict([...]))`.
 *
 * @example
 * ```ts
 * const net = new nn.Sequential(new nn.Linear(4, 8), new nn.Linear(8, 2));
 * net(torch.randn(1, 4)); net[0]; net.at(-1); net.__getitem__(slice(1, null));
 * ```
 */
export class Sequential extends Module {
  static override __module__ = 'torch.nn.modules.container';
  /** `x[i]` for non-negative integer `i` (items are attributes named '0', '1', …). */
  [index: number]: Module;

  constructor(...args: (Module | OrderedDict<string, Module>)[]) {
    super();
    if (args.length === 1 && args[0] instanceof OrderedDict) {
      for (const [key, m] of args[0]) this.add_module(key, m);
    } else {
      args.forEach((m, i) => this.add_module(String(i), m as Module));
    }
  }

  /** `net[idx]` (int, negative allowed) or `net[a:b]` (a new Sequential). */
  __getitem__(idx: number): Module;
  __getitem__(idx: Slice): Sequential;
  __getitem__(idx: number | Slice): Module | Sequential {
    const entries = [...this._modules.entries()] as [string, Module][];
    if (idx instanceof Slice) {
      return new (this.constructor as typeof Sequential)(new OrderedDict(idx.positions(entries.length).map((i) => entries[i]!)));
    }
    return entries[absIndex(idx, entries.length)]![1];
  }
  /** `net.at(i)`: JS spelling of `net[i]` accepting negative indices. */
  at(idx: number): Module {
    return this.__getitem__(idx);
  }
  /** `net[idx] = module`. */
  __setitem__(idx: number, module: Module): void {
    const keys = [...this._modules.keys()];
    this.__setattr__(keys[absIndex(idx, keys.length)]!, module);
  }
  /** `del net[idx]`; the rest is renumbered. */
  __delitem__(idx: number | Slice): void {
    const keys = [...this._modules.keys()];
    if (idx instanceof Slice) for (const i of idx.positions(keys.length)) this.__delattr__(keys[i]!);
    else this.__delattr__(keys[absIndex(idx, keys.length)]!);
    renumberStore(this._modules);
  }
  /** `len(net)`. */
  __len__(): number {
    return this._modules.size;
  }
  /** Number of modules (JS idiom). */
  override get length(): number {
    return this._modules.size;
  }
  /** `iter(net)`. */
  [Symbol.iterator](): Iterator<Module> {
    return this._modules.values() as Iterator<Module>;
  }
  /** `net + other`. */
  __add__(other: Sequential): Sequential {
    if (!(other instanceof Sequential)) {
      throw new ValueError(`add operator supports only objects of Sequential class, but ${pyTypeRepr(other)} is given.`);
    }
    const ret = new Sequential();
    for (const l of this) ret.append(l);
    for (const l of other) ret.append(l);
    return ret;
  }
  /** `net += other`. */
  __iadd__(other: Sequential): this {
    if (!(other instanceof Sequential)) {
      throw new ValueError(`add operator supports only objects of Sequential class, but ${pyTypeRepr(other)} is given.`);
    }
    const offset = this._modules.size;
    let i = 0;
    for (const m of other) this.add_module(String(offset + i++), m);
    return this;
  }
  /** `net * n`: the modules repeated n times (shared, not copied). */
  __mul__(other: number): Sequential {
    if (!Number.isInteger(other)) throw new TypeError(`unsupported operand type(s) for *: ${pyTypeRepr(this)} and ${pyTypeRepr(other)}`);
    if (other <= 0) throw new ValueError(`Non-positive multiplication factor ${other} for ${pyTypeRepr(this)}`);
    const combined = new Sequential();
    let offset = 0;
    for (let r = 0; r < other; r++) for (const m of this) combined.add_module(String(offset++), m);
    return combined;
  }
  /** `n * net`. */
  __rmul__(other: number): Sequential {
    return this.__mul__(other);
  }
  /** `net *= n`: repeats the modules in place. */
  __imul__(other: number): this {
    if (!Number.isInteger(other)) throw new TypeError(`unsupported operand type(s) for *: ${pyTypeRepr(this)} and ${pyTypeRepr(other)}`);
    if (other <= 0) throw new ValueError(`Non-positive multiplication factor ${other} for ${pyTypeRepr(this)}`);
    const len = this._modules.size;
    let offset = len;
    for (let r = 0; r < other - 1; r++) {
      for (let i = 0; i < len; i++) this.add_module(String(i + offset), this._modules.get(String(i)) as Module);
      offset += len;
    }
    return this;
  }
  /** `pop(idx)`. */
  pop(idx: number): Module {
    const v = this.__getitem__(idx);
    this.__delitem__(idx);
    return v;
  }
  /** `append(module)`. */
  append(module: Module): this {
    this.add_module(String(this._modules.size), module);
    return this;
  }
  /** `insert(index, module)`. */
  insert(index: number, module: Module): this {
    if (!(module instanceof Module)) throw new AssertionError("module should be of type: <class 'torch.nn.modules.module.Module'>");
    const n = this._modules.size;
    if (!(-n <= index && index <= n)) throw new IndexError(`Index out of range: ${index}`);
    if (index < 0) index += n;
    for (let i = n; i > index; i--) this._modules.set(String(i), this._modules.get(String(i - 1))!);
    this._modules.set(String(index), module);
    return this;
  }
  /** `extend(sequential)`. */
  extend(sequential: Iterable<Module>): this {
    for (const l of sequential) this.append(l);
    return this;
  }
  /** Calls each module on the previous one's output. */
  override forward(input: unknown): unknown {
    let x = input;
    for (const m of this._modules.values()) x = (m as unknown as (i: unknown) => unknown)(x);
    return x;
  }
}
