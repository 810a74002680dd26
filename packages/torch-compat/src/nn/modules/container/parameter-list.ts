/** `torch.nn.ParameterList` (PyTorch 2.x): a list whose tensor items become Parameters. */
import { Parameter, RAW, RuntimeError, Tensor } from '@nncompat/core';
import { pyTypeName } from '../../../python.js';
import { Slice } from '../../../slice.js';
import { Module } from '../module.js';
import { absIndex, isIterable, tensorLine } from './common.js';

/**
 * Holds parameters in a list; items are attributes named '0', '1', ….
 *
 * @example
 * ```ts
 * const pl = new nn.ParameterList([torch.zeros(2), new nn.Parameter(torch.ones(3))]);
 * pl[0]; pl.at(-1); pl.append(torch.zeros(1)); pl.__len__(); // 3
 * ```
 */
export class ParameterList extends Module {
  static override __module__ = 'torch.nn.modules.container';
  /** `x[i]` for non-negative integer `i` (items are attributes named '0', '1', …). */
  [index: number]: Parameter;
  declare _size: number;

  constructor(values: Iterable<unknown> | null = null) {
    super();
    this[RAW]._size = 0;
    if (values !== null && values !== undefined) this.extend(values);
  }

  /** `pl[idx]` (int, negative allowed) or a slice (a new ParameterList). */
  __getitem__(idx: number): unknown;
  __getitem__(idx: Slice): ParameterList;
  __getitem__(idx: number | Slice): unknown {
    if (idx instanceof Slice) {
      const out = new (this.constructor as typeof ParameterList)();
      for (const i of idx.positions(this._size)) out.append(this.__getitem__(i));
      return out;
    }
    return this.__getattr__(String(absIndex(idx, this._size)));
  }
  /** `pl.at(i)`: JS spelling of `pl[i]` accepting negative indices. */
  at(idx: number): unknown {
    return this.__getitem__(idx);
  }
  /** `pl[idx] = value`: tensors are wrapped in Parameter. */
  __setitem__(idx: number, param: unknown): void {
    const i = absIndex(idx, this._size);
    const v = param instanceof Tensor && !(param instanceof Parameter) ? new Parameter(param) : param;
    super.__setattr__(String(i), v);
  }
  /** Numeric-key assignment `pl[i] = v` is item assignment. */
  override __setattr__(name: string, value: unknown): void {
    if (/^\d+$/.test(name) && Number(name) < this._size) this.__setitem__(Number(name), value);
    else super.__setattr__(name, value);
  }
  /** `len(pl)`. */
  __len__(): number {
    return this._size;
  }
  /** Number of items (JS idiom). */
  override get length(): number {
    return this._size;
  }
  /** `iter(pl)`. */
  *[Symbol.iterator](): Iterator<unknown> {
    for (let i = 0; i < this._size; i++) yield this.__getitem__(i);
  }
  /** `pl += values`. */
  __iadd__(values: Iterable<unknown>): this {
    return this.extend(values);
  }
  /** `append(value)`. */
  append(value: unknown): this {
    const n = this._size;
    this[RAW]._size = n + 1;
    this.__setitem__(n, value);
    return this;
  }
  /** `extend(values)`: a Tensor is not unpacked (PyTorch raises for it). */
  extend(values: Iterable<unknown>): this {
    if (!isIterable(values) || values instanceof Tensor) {
      throw new TypeError(`ParameterList.extend should be called with an iterable, but got ${pyTypeName(values)}`);
    }
    for (const v of values) this.append(v);
    return this;
  }
  override extra_repr(): string {
    const lines: string[] = [];
    let k = 0;
    for (const p of this) {
      if (p instanceof Tensor) lines.push(`  (${k}): ${tensorLine(p instanceof Parameter ? 'Parameter' : 'Tensor', String(p.dtype), p.size())}`);
      else lines.push(`  (${k}): Object of type: ${pyTypeName(p)}`);
      k++;
    }
    return lines.join('\n');
  }
  /** Calling a ParameterList raises, as in PyTorch. */
  override _call_impl(): never {
    throw new RuntimeError('ParameterList should not be called.');
  }
}
