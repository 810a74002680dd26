/** `torch.nn.ModuleList`: a list of registered child modules keyed '0', '1', …. */
import { appendNumbered, insertShifting, renumberStore } from '@nncompat/core';
import { pyTypeName } from '../../../python.js';
import { Slice } from '../../../slice.js';
import { _addindent, Module } from '../module.js';
import { absIndex, isIterable } from './common.js';

/**
 * Holds submodules in a list; `l[i]` for non-negative `i`, `l.__getitem__(-1)` / `l.at(-1)`
 * for negative ones and `l.__getitem__(slice(...))` for slices.
 *
 * @example
 * ```ts
 * const l = new nn.ModuleList([new nn.Linear(2, 2), new nn.Linear(2, 2)]);
 * l[0]; l.at(-1); l.append(new nn.Linear(2, 1)); l.__len__(); // 3
 * ```
 */
export class ModuleList extends Module {
  static override __module__ = 'torch.nn.modules.container';
  /** `x[i]` for non-negative integer `i` (items are attributes named '0', '1', …). */
  [index: number]: Module;

  constructor(modules: Iterable<Module> | null = null) {
    super();
    if (modules !== null && modules !== undefined) this.extend(modules);
  }

  /** `l[idx]` (an int, negative allowed, or a slice: a new ModuleList). */
  __getitem__(idx: number): Module;
  __getitem__(idx: Slice): ModuleList;
  __getitem__(idx: number | Slice): Module | ModuleList {
    const values = [...this._modules.values()] as Module[];
    if (idx instanceof Slice) return new (this.constructor as typeof ModuleList)(idx.positions(values.length).map((i) => values[i]!));
    return this._modules.get(String(absIndex(idx, this._modules.size))) as Module;
  }
  /** `l.at(i)`: JS spelling of `l[i]` accepting negative indices. */
  at(idx: number): Module {
    return this.__getitem__(idx);
  }
  /** `l[idx] = module`. */
  __setitem__(idx: number, module: Module): void {
    this.__setattr__(String(absIndex(idx, this._modules.size)), module);
  }
  /** `del l[idx]` (int or slice); the rest is renumbered. */
  __delitem__(idx: number | Slice): void {
    if (idx instanceof Slice) {
      for (const k of idx.positions(this._modules.size)) this.__delattr__(String(k));
    } else {
      this.__delattr__(String(absIndex(idx, this._modules.size)));
    }
    renumberStore(this._modules);
  }
  /** `len(l)`. */
  __len__(): number {
    return this._modules.size;
  }
  /** Number of modules (JS idiom). */
  override get length(): number {
    return this._modules.size;
  }
  /** `iter(l)`: the modules. */
  [Symbol.iterator](): Iterator<Module> {
    return this._modules.values() as Iterator<Module>;
  }
  /** `l += modules`. */
  __iadd__(modules: Iterable<Module>): this {
    return this.extend(modules);
  }
  /** `l + other`: a new ModuleList with both. */
  __add__(other: Iterable<Module>): ModuleList {
    const combined = new ModuleList();
    let i = 0;
    for (const m of [...this, ...other]) combined.add_module(String(i++), m);
    return combined;
  }
  /** `insert(index, module)`. */
  insert(index: number, module: Module): void {
    insertShifting(this._modules, index, module);
  }
  /** `append(module)`. */
  append(module: Module): this {
    this.add_module(String(this._modules.size), module);
    return this;
  }
  /** `pop(idx)`. */
  pop(idx: number): Module {
    const v = this.__getitem__(idx);
    this.__delitem__(idx);
    return v;
  }
  /** `extend(modules)`. */
  extend(modules: Iterable<Module>): this {
    if (!isIterable(modules)) throw new TypeError(`ModuleList.extend should be called with an iterable, but got ${pyTypeName(modules)}`);
    appendNumbered(this._modules.size, modules, (k, m) => this.add_module(k, m));
    return this;
  }
  /** PyTorch 2.x's repr: runs of identical child reprs are compressed to `(i-j): n x repr`. */
  override __repr__(): string {
    const reprs = [...this._modules.values()].map((m) => (m === null ? 'None' : (m as Module).__repr__()));
    if (reprs.length === 0) return `${this._get_name()}()`;
    const blocks: [number, number, string][] = [[0, 0, reprs[0]!]];
    for (let i = 1; i < reprs.length; i++) {
      const last = blocks[blocks.length - 1]!;
      if (reprs[i] === last[2]) last[1] += 1;
      else blocks.push([i, i, reprs[i]!]);
    }
    const lines = blocks.map(([s, e, b]) => _addindent(s === e ? `(${s}): ${b}` : `(${s}-${e}): ${e - s + 1} x ${b}`, 2));
    return `${this._get_name()}(\n  ${lines.join('\n  ')}\n)`;
  }
}
