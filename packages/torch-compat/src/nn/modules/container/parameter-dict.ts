/**
 * `torch.nn.ParameterDict` with PyTorch 2.x semantics: tensors become Parameters on every
 * insertion path; other values are kept as plain items; plain mappings (JS objects and
 * `Map`s, Python's `dict`) are inserted in sorted key order, `OrderedDict`s, ParameterDicts and
 * pair iterables in their own order. Items are attributes, so `pd[key]` works for any key
 * that is not a method name, as `getattr(pd, key)` does in PyTorch.
 */
import { OrderedDict, Parameter, RAW, RuntimeError, Tensor, ValueError } from '@nncompat/core';
import { keyError, pyTypeName, typename } from '../../../python.js';
import { Module } from '../module.js';
import { isIterable, tensorLine } from './common.js';

/** What `ParameterDict` accepts as initial values / `update` argument. */
export type ParameterDictInput =
  | ParameterDictImpl | Map<string, unknown> | Iterable<readonly [string, unknown]> | Record<string, unknown>;

/** The class behind `nn.ParameterDict` (exported for subclassing). */
export class ParameterDictImpl extends Module {
  static override __module__ = 'torch.nn.modules.container';
  declare _keys: OrderedDict<string, null>;

  constructor(parameters: ParameterDictInput | null = null) {
    super();
    this[RAW]._keys = new OrderedDict<string, null>();
    if (parameters !== null && parameters !== undefined) this.update(parameters);
  }

  private keyToAttr(key: unknown): string {
    if (typeof key !== 'string') {
      throw new TypeError(
        `Index given to ParameterDict cannot be used as a key as it is not a string (type is '${pyTypeName(key)}'). ` +
          'Open an issue on github if you need non-string keys.',
      );
    }
    return key;
  }

  /** Item assignment `pd[key] = v` and plain `pd.key = v` both insert an item (JS has one syntax for both). */
  override __setattr__(name: string, value: unknown): void {
    const isInternal = !this._keys || (!this._keys.has(name) && name in this && !this._parameters.has(name));
    if (isInternal) super.__setattr__(name, value);
    else this.__setitem__(name, value);
  }

  /** `delete pd[key]` removes the item. */
  override __delattr__(name: string): void {
    if (this._keys.has(name)) this.__delitem__(name);
    else super.__delattr__(name);
  }

  /** `pd[key]`: AttributeError when absent (PyTorch looks the key up as an attribute). */
  __getitem__(key: string): unknown {
    return this.__getattr__(this.keyToAttr(key));
  }
  /** `pd[key] = value`: tensors are wrapped in Parameter. */
  __setitem__(key: string, value: unknown): void {
    this._keys.set(key, null);
    const attr = this.keyToAttr(key);
    const v = value instanceof Tensor && !(value instanceof Parameter) ? new Parameter(value) : value;
    super.__setattr__(attr, v);
  }
  /** `del pd[key]`. */
  __delitem__(key: string): void {
    if (!this._keys.delete(key)) throw keyError(key);
    super.__delattr__(this.keyToAttr(key));
  }
  /** `len(pd)`. */
  __len__(): number {
    return this._keys.size;
  }
  /** `iter(pd)`: the keys. */
  [Symbol.iterator](): Iterator<string> {
    return this._keys.keys();
  }
  /** `reversed(pd)`. */
  __reversed__(): Iterator<string> {
    return [...this._keys.keys()].reverse()[Symbol.iterator]();
  }
  /** `key in pd`. */
  __contains__(key: string): boolean {
    return this._keys.has(key);
  }
  /** `copy()`: a new ParameterDict sharing the values. */
  copy(): ParameterDict {
    return new ParameterDict(new OrderedDict([...this._keys.keys()].map((k) => [k, this.__getitem__(k)] as [string, unknown])));
  }
  /** `setdefault(key, default=None)`. */
  setdefault(key: string, dflt: unknown = null): unknown {
    if (!this.__contains__(key)) this.__setitem__(key, dflt);
    return this.__getitem__(key);
  }
  /** `clear()`. */
  clear(): void {
    for (const k of [...this._keys.keys()]) this.__delitem__(k);
  }
  /** `pop(key)`. */
  pop(key: string): unknown {
    const v = this.__getitem__(key);
    this.__delitem__(key);
    return v;
  }
  /** `popitem()`: the last inserted pair. */
  popitem(): [string, unknown] {
    const keys = [...this._keys.keys()];
    if (keys.length === 0) throw keyError('popitem(): dictionary is empty');
    const k = keys[keys.length - 1]!;
    const v = this.__getitem__(k);
    this.__delitem__(k);
    return [k, v];
  }
  /** `get(key, default=None)`. */
  get(key: string, dflt: unknown = null): unknown {
    return this.__contains__(key) ? this.__getitem__(key) : dflt;
  }
  /** `fromkeys(keys, default=None)`: a new ParameterDict. */
  fromkeys(keys: Iterable<string>, dflt: unknown = null): ParameterDict {
    return new ParameterDict([...keys].map((k) => [k, dflt] as const));
  }
  /** `keys()`. */
  keys(): IterableIterator<string> {
    return this._keys.keys();
  }
  /** `items()`. */
  *items(): Generator<[string, unknown]> {
    for (const k of this._keys.keys()) yield [k, this.__getitem__(k)];
  }
  /** `values()`. */
  *values(): Generator<unknown> {
    for (const k of this._keys.keys()) yield this.__getitem__(k);
  }
  /** `update(parameters)`: see the class doc for the ordering rules. */
  update(parameters: ParameterDictInput): void {
    if (parameters instanceof OrderedDict || parameters instanceof ParameterDictImpl) {
      for (const [k, v] of parameters instanceof OrderedDict ? parameters.entries() : parameters.items()) this.__setitem__(k as string, v);
      return;
    }
    if (parameters instanceof Map) {
      for (const [k, v] of [...parameters.entries()].sort(byKey)) this.__setitem__(k, v);
      return;
    }
    // A tensor iterates over its first dimension in Python; its rows are sequences too.
    const rows = (t: Tensor): Tensor[] => {
      if (t.dim() === 0) throw new TypeError('iteration over a 0-d tensor');
      return t.unbind(0);
    };
    if (parameters instanceof Tensor) parameters = rows(parameters) as unknown as ParameterDictInput;
    if (!isIterable(parameters)) {
      if (typeof parameters === 'object' && parameters !== null && Object.getPrototypeOf(parameters) === Object.prototype) {
        for (const [k, v] of Object.entries(parameters).sort(byKey)) this.__setitem__(k, v);
        return;
      }
      throw new TypeError(`ParametersDict.update should be called with an iterable of key/value pairs, but got ${pyTypeName(parameters)}`);
    }
    let j = 0;
    for (const p of parameters as Iterable<unknown>) {
      if (!isIterable(p) && !(p instanceof Tensor)) {
        throw new TypeError(`ParameterDict update sequence element #${j} should be Iterable; is${pyTypeName(p)}`);
      }
      const pair = p instanceof Tensor ? rows(p) : [...(p as Iterable<unknown>)];
      if (pair.length !== 2) throw new ValueError(`ParameterDict update sequence element #${j} has length ${pair.length}; 2 is required`);
      this.__setitem__(pair[0] as string, pair[1]);
      j++;
    }
  }
  /** `pd | other`. */
  __or__(other: ParameterDictImpl): ParameterDict {
    const c = this.copy();
    c.update(other);
    return c;
  }
  /** `other | pd`. */
  __ror__(other: ParameterDictImpl): ParameterDict {
    const c = other.copy();
    c.update(this);
    return c;
  }
  /** `pd |= other`. */
  __ior__(other: ParameterDictInput): this {
    this.update(other);
    return this;
  }
  override extra_repr(): string {
    const lines: string[] = [];
    for (const [k, p] of this.items()) {
      if (p instanceof Tensor) lines.push(`  (${k}): ${tensorLine(p instanceof Parameter ? 'Parameter' : 'Tensor', typename(p), p.size())}`);
      else lines.push(`  (${k}): Object of type: ${pyTypeName(p)}`);
    }
    return lines.join('\n');
  }
  /** Calling a ParameterDict raises, as in PyTorch. */
  override _call_impl(): never {
    throw new RuntimeError('ParameterDict should not be called.');
  }
}

// The class is named ParameterDict in reprs, errors and type(x).__name__.
Object.defineProperty(ParameterDictImpl, 'name', { value: 'ParameterDict' });

function byKey(a: readonly [string, unknown], b: readonly [string, unknown]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

/** `nn.ParameterDict` instances: bracket access `pd[key]` gives the stored Parameter. */
export type ParameterDict = ParameterDictImpl & { [key: string]: Parameter };

/**
 * Holds parameters in an ordered dictionary (`torch.nn.ParameterDict`).
 *
 * @example
 * ```ts
 * const pd = new nn.ParameterDict({ left: new nn.Parameter(torch.randn(5, 10)) });
 * pd['left'].mm(x); pd.__setitem__('right', torch.zeros(2)); // wrapped in a Parameter
 * ```
 */
export const ParameterDict = ParameterDictImpl as unknown as {
  new (parameters?: ParameterDictInput | null): ParameterDict;
  prototype: ParameterDictImpl;
  __module__: string;
};
