/**
 * The ordered stores of a module (`_parameters`, `_buffers`, `_modules`). Each entry is
 * mirrored as a non-enumerable own property of the module's raw object, so `this.fc` is a
 * plain property read (no Proxy `get` trap on the hot path) while the store stays the single
 * source of truth: every `set`/`delete` on the store updates the mirror.
 */
import { OrderedDict } from './ordered-dict.js';

/** The object whose properties mirror the stores (the module's raw target). */
export interface StoreOwner {
  _parameters?: AttrStore<unknown>;
  _buffers?: AttrStore<unknown>;
  _modules?: AttrStore<unknown>;
}

/** An insertion-ordered store whose entries are mirrored as properties of `owner`. */
export class AttrStore<V> extends OrderedDict<string, V> {
  private readonly owner: object | null;
  constructor(owner: object | null = null) {
    super();
    this.owner = owner;
  }
  override set(key: string, value: V): this {
    super.set(key, value);
    if (this.owner) Object.defineProperty(this.owner, key, { value, writable: true, configurable: true, enumerable: false });
    return this;
  }
  override delete(key: string): boolean {
    const had = super.delete(key);
    if (had && this.owner) resyncMirror(this.owner, key);
    return had;
  }
  override clear(): void {
    const keys = [...this.keys()];
    super.clear();
    if (this.owner) for (const k of keys) resyncMirror(this.owner, k);
  }
}

/** After a store lost `key`, mirror another store's entry, or drop the property. */
function resyncMirror(owner: object, key: string): void {
  const o = owner as StoreOwner;
  for (const s of [o._parameters, o._buffers, o._modules]) {
    if (s && s.has(key)) {
      Object.defineProperty(owner, key, { value: s.get(key), writable: true, configurable: true, enumerable: false });
      return;
    }
  }
  delete (owner as Record<string, unknown>)[key];
}
