/** Shared checks and element writers for the distribution fills. */
import { DType, type DTypeName, type HostArray, toDType } from '../dtype.js';
import { RuntimeError } from '../errors.js';
import { floatToBfloat16, floatToHalf } from '../half.js';

/** ATen's C++ type names, as its "not implemented for" errors print them. */
const ATEN_NAMES: Record<DTypeName, string> = {
  float32: 'Float', float64: 'Double', float16: 'Half', bfloat16: 'BFloat16', int8: 'Char',
  uint8: 'Byte', int16: 'Short', int32: 'Int', int64: 'Long', bool: 'Bool',
};

/** The error ATen's dispatch macros raise for an unsupported dtype. */
export function notImplemented(kernel: string, dtype: DType): RuntimeError {
  return new RuntimeError(`"${kernel}" not implemented for '${ATEN_NAMES[dtype.name]}'`);
}

/** Resolves the dtype and checks that `out` is its canonical host array. */
export function checkOut(out: HostArray, dtype: DType | DTypeName): DType {
  const d = toDType(dtype);
  const ok = (() => {
    switch (d.name) {
      case 'float32': return out instanceof Float32Array;
      case 'float64': case 'int64': return out instanceof Float64Array;
      case 'float16': case 'bfloat16': return out instanceof Uint16Array;
      case 'int8': return out instanceof Int8Array;
      case 'uint8': case 'bool': return out instanceof Uint8Array;
      case 'int16': return out instanceof Int16Array;
      case 'int32': return out instanceof Int32Array;
    }
  })();
  if (!ok) throw new TypeError(`output array ${out.constructor.name} is not the host array of ${d.toString()}`);
  return d;
}

/**
 * Stores a double (or an integer) into `out[i]` as `static_cast<scalar_t>` would: float16/bfloat16
 * go through float first (c10::Half/BFloat16 are built from a float), integer types wrap, bool is
 * `!= 0`. Used by the kernels whose per-element result is computed in double.
 */
export function storeCast(out: HostArray, d: DType, i: number, v: number): void {
  switch (d.name) {
    case 'float16': out[i] = floatToHalf(v); return;
    case 'bfloat16': out[i] = floatToBfloat16(v); return;
    case 'bool': out[i] = v !== 0 ? 1 : 0; return;
    default: out[i] = v; // typed arrays round to float32 / wrap integers like the C++ casts
  }
}

/** The bits (or value) that represent 1 in a dtype's host array. */
export function oneOf(d: DType): number {
  return d.name === 'float16' ? 0x3c00 : d.name === 'bfloat16' ? 0x3f80 : 1;
}

/** A double as C++'s `std::ostream << double` prints it (`%g`, 6 significant digits), for error texts. */
export function cppDouble(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const exp = Math.floor(Math.log10(Math.abs(Number(v.toPrecision(6)))));
  if (exp < -4 || exp >= 6) {
    const [m, e] = v.toExponential(5).split('e') as [string, string];
    const mant = m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
    const en = Number(e);
    return `${mant}e${en < 0 ? '-' : '+'}${String(Math.abs(en)).padStart(2, '0')}`;
  }
  const s = v.toFixed(Math.max(0, 5 - exp));
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}
