/**
 * Python spellings of constructor arguments in layers' `extra_repr` (tuples, floats, None), so
 * `String(layer)` reads exactly as PyTorch prints the module.
 */
import { pyFloatRepr, pyStrRepr } from '../../../python.js';

/** A value that reprs as a Python tuple, int, float, bool, str or None. */
export type PyValue = number | boolean | string | null | undefined | readonly PyValue[];

/** `repr` of an int-like value: arrays read as tuples (`(3,)`, `(3, 3)`), null as `None`. */
export function pyTuple(v: PyValue): string {
  if (v === null || v === undefined) return 'None';
  if (Array.isArray(v)) return `(${v.map((x) => pyTuple(x as PyValue)).join(', ')}${v.length === 1 ? ',' : ''})`;
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'string') return pyStrRepr(v);
  return String(v);
}

/** `str.format` of a float attribute (`0.1`, `1e-05`, `1.0`); JS has no int/float split, so always float. */
export function pyFloat(v: number | null | undefined): string {
  return v === null || v === undefined ? 'None' : pyFloatRepr(v);
}

/** `str.format` of a bool (`True` / `False`). */
export function pyBool(v: boolean): string {
  return v ? 'True' : 'False';
}

/** `_ntuple(n)(x)`: an int repeated n times, or the given list (frozen, like a tuple). */
export function ntuple(x: number | readonly number[], n: number): readonly number[] {
  return Object.freeze(typeof x === 'number' ? new Array<number>(n).fill(x) : [...x]);
}

/** Splits a trailing keyword-options object off a positional argument that may be replaced by it. */
export function isOptions(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype;
}
