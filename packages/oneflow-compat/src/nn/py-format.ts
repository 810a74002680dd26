/**
 * Python spellings used by the layers' `extra_repr` (`str.format` of floats, tuples, bools), so
 * `String(layer)` reads as OneFlow prints the module.
 */

/** Python's shortest round-trip float repr (`1.0`, `0.1`, `1e-05`); JS has no int/float split. */
export function pyFloat(v: number | null | undefined): string {
  if (v === null || v === undefined) return 'None';
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (Number.isInteger(v) && Math.abs(v) < 1e16) return `${v}.0`;
  // Python uses exponent form below 1e-4 (JS only below 1e-6) with a two-digit exponent.
  if (Math.abs(v) < 1e-4 || Math.abs(v) >= 1e16) {
    const [mant, exp] = v.toExponential().split('e');
    const n = Number(exp);
    return `${mant}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  return String(v);
}

/** repr of an int tuple: `(2, 2)`, `(4,)`. */
export function pyTuple(v: readonly number[]): string {
  return `(${v.join(', ')}${v.length === 1 ? ',' : ''})`;
}

/** `True` / `False`. */
export function pyBool(v: boolean): string {
  return v ? 'True' : 'False';
}

/** OneFlow's `_pair`: an int repeated twice, or the given pair (frozen, like a tuple). */
export function pair(v: number | readonly number[]): readonly [number, number] {
  return Object.freeze(typeof v === 'number' ? [v, v] : [v[0]!, v[1]!]) as readonly [number, number];
}

/**
 * A number as Python prints an argument that may be an int (OneFlow's int defaults such as
 * Softplus's `beta=1` print `1`): integers without a fraction, other values as {@link pyFloat}.
 */
export function pyNum(v: number): string {
  return Number.isInteger(v) && Math.abs(v) < 1e16 ? String(v) : pyFloat(v);
}
