/**
 * NumPy dtypes as MXNet's Python layer uses them: `NDArray.dtype` is a NumPy scalar type
 * (`numpy.float32`), and a Parameter keeps whatever dtype it was given (a string or a NumPy
 * type), which shows in its repr: `dtype=float32` versus `dtype=<class 'numpy.float32'>`.
 */
import type { DTypeName } from '@nncompat/core';

/** A NumPy scalar type such as `numpy.float32`. */
export class NumpyType {
  /** @param name - the core dtype it maps to; @param display - its `str()` */
  constructor(readonly name: DTypeName, private readonly display: string) {
    Object.freeze(this);
  }
  /** Python's `str()`: `<class 'numpy.float32'>`. */
  toString(): string {
    return this.display;
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.display;
  }
}

const t = (name: DTypeName, np: string = name): NumpyType => new NumpyType(name, `<class 'numpy.${np}'>`);

/**
 * `import numpy as np` for dtypes: `np.float32`, `np.int8`, … `bfloat16` is MXNet's
 * `np.dtype([('bfloat16', np.uint16)])`.
 *
 * @example
 * ```ts
 * mx.nd.zeros([2], { dtype: mx.numpy.float16 }).dtype === mx.numpy.float16; // true
 * ```
 */
export const numpy = Object.freeze({
  float16: t('float16'), float32: t('float32'), float64: t('float64'),
  uint8: t('uint8'), int8: t('int8'), int16: t('int16'), int32: t('int32'), int64: t('int64'),
  bool_: t('bool', 'bool_'),
  bfloat16: new NumpyType('bfloat16', "[('bfloat16', '<u2')]"),
});

const BY_NAME: Readonly<Record<DTypeName, NumpyType>> = {
  float16: numpy.float16, float32: numpy.float32, float64: numpy.float64, uint8: numpy.uint8, int8: numpy.int8,
  int16: numpy.int16, int32: numpy.int32, int64: numpy.int64, bool: numpy.bool_, bfloat16: numpy.bfloat16,
};

/** A dtype as MXNet accepts it: a NumPy type or a name (`'float32'`, NumPy aliases such as `'float'`). */
export type DTypeLike = NumpyType | DTypeName | 'float' | 'double' | 'half' | 'int' | 'bool_';

const ALIASES: Readonly<Record<string, DTypeName>> = { float: 'float64', double: 'float64', half: 'float16', int: 'int64', bool_: 'bool' };

/** `mx_real_t`: MXNet's default dtype, `numpy.float32` (a type, not the string). */
export const mx_real_t: NumpyType = numpy.float32;

/** `np.dtype(d)` reduced to core's name; NumPy's own error for unknown names. */
export function dtypeName(d: DTypeLike): DTypeName {
  if (d instanceof NumpyType) return d.name;
  if (typeof d === 'string') {
    if (d in BY_NAME) return d as DTypeName;
    const a = ALIASES[d];
    if (a) return a;
  }
  throw new TypeError(`data type '${String(d)}' not understood`);
}

/** The NumPy type of a core dtype (what `NDArray.dtype` returns). */
export function numpyType(d: DTypeLike): NumpyType {
  return BY_NAME[dtypeName(d)];
}

/** `np.dtype(a) == np.dtype(b)`. */
export function sameDtype(a: DTypeLike, b: DTypeLike): boolean {
  return dtypeName(a) === dtypeName(b);
}

/** Python's `str(dtype)`: strings print bare, NumPy types as `<class 'numpy.float32'>`. */
export function formatDtype(d: DTypeLike | null): string {
  return d === null ? 'None' : String(d);
}
