/** `torch.nn.ModuleDict`: an ordered dict of registered child modules. */
import { deleteOrKeyError, getOrKeyError, ModuleBase, ValueError } from '@nncompat/core';
import { keyError, pyTypeName } from '../../../python.js';
import { Module } from '../module.js';
import { isIterable } from './common.js';

/**
 * Holds submodules in an ordered dictionary (insertion order, also for plain objects).
 *
 * @example
 * ```ts
 * const d = new nn.ModuleDict({ fc: new nn.Linear(2, 2) });
 * d.__getitem__('fc'); d.fc; [...d.keys()]; // ['fc']
 * ```
 */
export class ModuleDictImpl extends Module {
  static override __module__ = 'torch.nn.modules.container';

  constructor(modules: Iterable<[string, Module]> | Map<string, Module> | Record<string, Module> | null = null) {
    super();
    if (modules !== null && modules !== undefined) this.update(modules);
  }

  /** `d[key]`: KeyError when absent. */
  __getitem__(key: string): Module {
    return getOrKeyError(this._modules, key, keyError) as Module;
  }
  /** `d[key] = module`. */
  __setitem__(key: string, module: Module): void {
    this.add_module(key, module);
  }
  /** `del d[key]`. */
  __delitem__(key: string): void {
    deleteOrKeyError(this._modules, key, keyError);
  }
  /** `len(d)`. */
  __len__(): number {
    return this._modules.size;
  }
  /** `key in d`. */
  __contains__(key: string): boolean {
    return this._modules.has(key);
  }
  /** `iter(d)`: the keys. */
  [Symbol.iterator](): Iterator<string> {
    return this._modules.keys();
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
  /** `keys()`. */
  keys(): IterableIterator<string> {
    return this._modules.keys();
  }
  /** `items()`. */
  items(): IterableIterator<[string, Module]> {
    return this._modules.entries() as IterableIterator<[string, Module]>;
  }
  /** `values()`. */
  values(): IterableIterator<Module> {
    return this._modules.values() as IterableIterator<Module>;
  }
  /** `update(modules)`: a mapping (order kept) or an iterable of `[key, module]` pairs. */
  update(modules: Iterable<[string, Module]> | Map<string, Module> | Record<string, Module> | ModuleDictImpl): void {
    if (modules instanceof ModuleDictImpl) {
      for (const [k, m] of modules.items()) this.__setitem__(k, m);
      return;
    }
    if (modules instanceof Map) {
      for (const [k, m] of modules) this.__setitem__(k, m);
      return;
    }
    if (!isIterable(modules)) {
      if (typeof modules === 'object' && modules !== null && !(modules instanceof ModuleBase)) {
        for (const [k, m] of Object.entries(modules)) this.__setitem__(k, m);
        return;
      }
      throw new TypeError(`ModuleDict.update should be called with an iterable of key/value pairs, but got ${pyTypeName(modules)}`);
    }
    let j = 0;
    for (const m of modules as Iterable<unknown>) {
      if (!isIterable(m)) throw new TypeError(`ModuleDict update sequence element #${j} should be Iterable; is${pyTypeName(m)}`);
      const pair = [...(m as Iterable<unknown>)];
      if (pair.length !== 2) throw new ValueError(`ModuleDict update sequence element #${j} has length ${pair.length}; 2 is required`);
      this.__setitem__(pair[0] as string, pair[1] as Module);
      j++;
    }
  }
}

// Reprs, errors and type(x).__name__ use the PyTorch class name.
Object.defineProperty(ModuleDictImpl, 'name', { value: 'ModuleDict' });

/** `nn.ModuleDict` instances: bracket access `d[key]` gives the child module. */
export type ModuleDict = ModuleDictImpl & { [key: string]: Module };

/**
 * Holds submodules in an ordered dictionary (`torch.nn.ModuleDict`).
 *
 * @example
 * ```ts
 * const d = new nn.ModuleDict({ fc: new nn.Linear(2, 2) });
 * d['fc'](x);
 * ```
 */
export const ModuleDict = ModuleDictImpl as unknown as {
  new (modules?: Iterable<[string, Module]> | Map<string, Module> | Record<string, Module> | null): ModuleDict;
  prototype: ModuleDictImpl;
  __module__: string;
};
