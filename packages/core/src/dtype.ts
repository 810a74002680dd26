/**
 * Data types with PyTorch's names, sizes and type-promotion rules.
 *
 * Every dtype has one canonical host array type (what `Tensor.dataSync()` returns and what a
 * backend's `read`/`write` exchange): float16 and bfloat16 travel as their raw bits in a
 * `Uint16Array` so they round-trip exactly; int64 travels as integer-valued `Float64Array`
 * entries (exact up to 2^53, the documented limit); bool travels as 0/1 in a `Uint8Array`.
 */

/** The name of a dtype, as PyTorch spells it after `torch.`. */
export type DTypeName =
  | 'float32' | 'float64' | 'float16' | 'bfloat16'
  | 'int8' | 'uint8' | 'int16' | 'int32' | 'int64' | 'bool';

/** The host array type that carries values of a dtype. */
export type HostArray = Float32Array | Float64Array | Uint16Array | Int8Array | Uint8Array | Int16Array | Int32Array;

/** A dtype object; one frozen instance per dtype, so `===` compares them. */
export class DType {
  /**
   * @param name - PyTorch's name without the `torch.` prefix
   * @param itemsize - bytes per element when serialized
   * @param is_floating_point - true for float16/bfloat16/float32/float64
   * @param is_signed - true unless uint8 or bool
   */
  constructor(
    readonly name: DTypeName,
    readonly itemsize: number,
    readonly is_floating_point: boolean,
    readonly is_signed: boolean,
  ) {
    Object.freeze(this);
  }
  /** `false`: no complex dtypes exist here. */
  get is_complex(): boolean {
    return false;
  }
  /** PyTorch's printed form, e.g. `torch.float32`. */
  toString(): string {
    return `torch.${this.name}`;
  }
}

export const float32 = new DType('float32', 4, true, true);
export const float64 = new DType('float64', 8, true, true);
export const float16 = new DType('float16', 2, true, true);
export const bfloat16 = new DType('bfloat16', 2, true, true);
export const int8 = new DType('int8', 1, false, true);
export const uint8 = new DType('uint8', 1, false, false);
export const int16 = new DType('int16', 2, false, true);
export const int32 = new DType('int32', 4, false, true);
export const int64 = new DType('int64', 8, false, true);
export const bool = new DType('bool', 1, false, false);

/** Every dtype by name. */
export const DTYPES: Readonly<Record<DTypeName, DType>> = Object.freeze({
  float32, float64, float16, bfloat16, int8, uint8, int16, int32, int64, bool,
});

/** Accepts a dtype object or its name and returns the dtype object. */
export function toDType(d: DType | DTypeName): DType {
  if (d instanceof DType) return d;
  const r = (DTYPES as Record<string, DType | undefined>)[d];
  if (!r) throw new TypeError(`'dtype' must be one of ${Object.keys(DTYPES).join(', ')}, got ${String(d)}`);
  return r;
}

/** Allocates the canonical host array for `n` elements of `dtype`. */
export function allocHostArray(dtype: DType | DTypeName, n: number): HostArray {
  switch (toDType(dtype).name) {
    case 'float32': return new Float32Array(n);
    case 'float64': case 'int64': return new Float64Array(n);
    case 'float16': case 'bfloat16': return new Uint16Array(n);
    case 'int8': return new Int8Array(n);
    case 'uint8': case 'bool': return new Uint8Array(n);
    case 'int16': return new Int16Array(n);
    case 'int32': return new Int32Array(n);
  }
}

// Promotion lattice, as c10/core/ScalarType.h's promoteTypes table orders it.
const ORDER: DTypeName[] = ['uint8', 'int8', 'int16', 'int32', 'int64', 'float16', 'float32', 'float64', 'bool', 'bfloat16'];
const u1 = 'uint8', i1 = 'int8', i2 = 'int16', i4 = 'int32', i8 = 'int64', f2 = 'float16', f4 = 'float32', f8 = 'float64', b1 = 'bool', bf = 'bfloat16';
const TABLE: DTypeName[][] = [
  /*        u1  i1  i2  i4  i8  f2  f4  f8  b1  bf */
  /* u1 */ [u1, i2, i2, i4, i8, f2, f4, f8, u1, bf],
  /* i1 */ [i2, i1, i2, i4, i8, f2, f4, f8, i1, bf],
  /* i2 */ [i2, i2, i2, i4, i8, f2, f4, f8, i2, bf],
  /* i4 */ [i4, i4, i4, i4, i8, f2, f4, f8, i4, bf],
  /* i8 */ [i8, i8, i8, i8, i8, f2, f4, f8, i8, bf],
  /* f2 */ [f2, f2, f2, f2, f2, f2, f4, f8, f2, f4],
  /* f4 */ [f4, f4, f4, f4, f4, f4, f4, f8, f4, f4],
  /* f8 */ [f8, f8, f8, f8, f8, f8, f8, f8, f8, f8],
  /* b1 */ [u1, i1, i2, i4, i8, f2, f4, f8, b1, bf],
  /* bf */ [bf, bf, bf, bf, bf, f4, f4, f8, bf, bf],
];

/** `torch.promote_types(a, b)`. */
export function promoteTypes(a: DType, b: DType): DType {
  return DTYPES[TABLE[ORDER.indexOf(a.name)]![ORDER.indexOf(b.name)]!];
}

let defaultFloat: DType = float32;
/** `torch.get_default_dtype()`. */
export function getDefaultDtype(): DType {
  return defaultFloat;
}
/** `torch.set_default_dtype(d)`: only float32 and float64 are accepted, as in PyTorch. */
export function setDefaultDtype(d: DType | DTypeName): void {
  const t = toDType(d);
  if (t !== float32 && t !== float64) {
    throw new TypeError('only floating-point types are supported as the default type');
  }
  defaultFloat = t;
}

/** Category used by result-type computation: bool < integral < floating. */
function category(d: DType): number {
  return d === bool ? 0 : d.is_floating_point ? 2 : 1;
}

/** One operand of `resultType`: a dtype plus whether it is a dimensioned tensor, a 0-dim tensor or a Python scalar. */
export interface PromotionOperand {
  dtype: DType;
  kind: 'tensor' | 'zerodim' | 'scalar';
}

/**
 * `torch.result_type` across operands: dimensioned tensors win over zero-dim tensors, which win
 * over scalars, unless a lower-priority operand is of a higher category (bool < int < float).
 */
export function resultType(ops: readonly PromotionOperand[]): DType {
  let dimResult: DType | null = null;
  let zeroResult: DType | null = null;
  let scalarResult: DType | null = null;
  for (const o of ops) {
    if (o.kind === 'tensor') dimResult = dimResult ? promoteTypes(dimResult, o.dtype) : o.dtype;
    else if (o.kind === 'zerodim') zeroResult = zeroResult ? promoteTypes(zeroResult, o.dtype) : o.dtype;
    else {
      // Python scalars take the default dtype of their category.
      const d = o.dtype === bool ? bool : o.dtype.is_floating_point ? defaultFloat : int64;
      scalarResult = scalarResult ? promoteTypes(scalarResult, d) : d;
    }
  }
  const combine = (higher: DType | null, lower: DType | null): DType | null => {
    if (!higher) return lower;
    if (!lower) return higher;
    return category(lower) > category(higher) ? promoteTypes(higher, lower) : higher;
  };
  const r = combine(combine(dimResult, zeroResult), scalarResult);
  return r ?? defaultFloat;
}
