/** Helpers shared by the containers (python/oneflow/nn/utils/container.py). */
import { IndexError, Tensor as CoreTensor } from '@nncompat/core';
import { pyTypeName, pyTypeRepr } from '../python.js';

/** `operator.index(idx)` then the range check; the absolute index. */
export function absIndex(idx: number, len: number): number {
  if (typeof idx !== 'number' || !Number.isInteger(idx)) {
    throw new TypeError(`'${pyTypeName(idx)}' object cannot be interpreted as an integer`);
  }
  if (!(-len <= idx && idx < len)) throw new IndexError(`index ${idx} is out of range`);
  return idx < 0 ? idx + len : idx;
}

/** `isinstance(x, collections.abc.Iterable)` for JS values (a plain object counts: it stands for a dict). */
export function isIterable(x: unknown): boolean {
  if (x === null || x === undefined) return false;
  if (typeof x === 'string') return true;
  if (typeof x === 'object' && Object.getPrototypeOf(x) === Object.prototype) return true;
  return typeof (x as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';
}

/** Python's `len(x)` of an update-sequence element, or null when it has none. */
export function pyLen(x: unknown): number | null {
  if (typeof x === 'string') return [...x].length;
  if (Array.isArray(x)) return x.length;
  if (x instanceof Map || x instanceof Set) return x.size;
  return null;
}

/** The items of an update-sequence element, as `p[0]`, `p[1]`. */
export function pairOf(x: unknown): [unknown, unknown] {
  const items = typeof x === 'string' ? [...x] : Array.isArray(x) ? x : [...(x as Iterable<unknown>)];
  return [items[0], items[1]];
}

/** `"Parameter containing: [<class 'oneflow.nn.Parameter'> of size 5x10]"` (ParameterList/Dict `extra_repr`). */
export function parameterLine(p: unknown): string {
  if (!(p instanceof CoreTensor)) throw new TypeError(`'${pyTypeName(p)}' object has no attribute 'size'`);
  const size = p.shape.join('x');
  return `Parameter containing: [${pyTypeRepr(p)} of size ${size}]`;
}
