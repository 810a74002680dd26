/** Shared index helpers of the containers (`_get_abs_string_index` and friends). */
import { IndexError } from '@nncompat/core';

/** `operator.index(idx)` then the range check of `ModuleList`/`ParameterList`. */
export function absIndex(idx: number, len: number): number {
  if (typeof idx !== 'number' || !Number.isInteger(idx)) {
    throw new TypeError(`'${typeof idx === 'string' ? 'str' : typeof idx}' object cannot be interpreted as an integer`);
  }
  if (!(-len <= idx && idx < len)) throw new IndexError(`index ${idx} is out of range`);
  return idx < 0 ? idx + len : idx;
}

/** Whether `x` is iterable (Python's `isinstance(x, Iterable)`). */
export function isIterable(x: unknown): x is Iterable<unknown> {
  return x !== null && x !== undefined && typeof (x as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';
}

/** Repr line of a tensor in ParameterDict/ParameterList's `extra_repr`. */
export function tensorLine(kind: string, typeText: string, shape: readonly number[]): string {
  return `${kind} containing: [${typeText} of size ${shape.join('x')}]`;
}
