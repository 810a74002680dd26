/**
 * Fused multiply-add emulation for float32 and float64
 * (what `vfmadd` computes, needed wherever ATen's compiled kernels fuse `a * b + c`).
 */

const f64 = new Float64Array(1);
const w32 = new Uint32Array(f64.buffer); // [low word, high word] on little-endian hosts

/**
 * `fmaf(a, b, c)`: `a * b + c` rounded once to float32. `a`, `b`, `c` must be float32 values.
 * The product of two float32 values is exact in float64; the sum is rounded to odd in float64
 * (29 spare bits) so the final rounding to float32 cannot double-round.
 */
export function fma32(a: number, b: number, c: number): number {
  const p = a * b;
  const s = p + c;
  // TwoSum: exact error of the float64 addition.
  const bb = s - p;
  const err = p - (s - bb) + (c - bb);
  if (err === 0 || s === 0 || !Number.isFinite(s)) return Math.fround(s);
  f64[0] = s;
  if ((w32[0]! & 1) === 0) {
    // Round to odd: step one ulp toward the exact value.
    const towardBigger = (err > 0) === (s > 0);
    if (towardBigger) {
      w32[0] = (w32[0]! + 1) >>> 0;
      if (w32[0] === 0) w32[1] = (w32[1]! + 1) >>> 0;
    } else {
      if (w32[0] === 0) w32[1] = (w32[1]! - 1) >>> 0;
      w32[0] = (w32[0]! - 1) >>> 0;
    }
  }
  return Math.fround(f64[0]!);
}

const SPLIT = 134217729; // 2^27 + 1, Veltkamp's splitter

/** Rounds `x + y` to odd: exact sums pass through, inexact ones get an odd last bit. */
function addRoundToOdd(x: number, y: number): number {
  const s = x + y;
  const bb = s - x;
  const err = x - (s - bb) + (y - bb);
  if (err === 0 || !Number.isFinite(s)) return s;
  f64[0] = s;
  if ((w32[0]! & 1) === 0) {
    const towardBigger = (err > 0) === (s > 0);
    if (towardBigger) {
      w32[0] = (w32[0]! + 1) >>> 0;
      if (w32[0] === 0) w32[1] = (w32[1]! + 1) >>> 0;
    } else {
      if (w32[0] === 0) w32[1] = (w32[1]! - 1) >>> 0;
      w32[0] = (w32[0]! - 1) >>> 0;
    }
  }
  return f64[0]!;
}

/**
 * `fma(a, b, c)` in float64: `a * b + c` rounded once (Boldo and Melquiond's emulation: exact
 * product by Dekker/Veltkamp, exact sum of its high part with `c`, low parts added in
 * round-to-odd, one final rounding). Valid away from overflow and the subnormal range, which is
 * all the distribution kernels need.
 */
export function fma64(a: number, b: number, c: number): number {
  const ph = a * b;
  if (!Number.isFinite(ph) || ph === 0 || c === 0) return ph + c;
  // Dekker's TwoProduct: ph + pl == a * b exactly.
  let t = SPLIT * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b), bl = b - bh;
  const pl = ((ah * bh - ph) + ah * bl + al * bh) + al * bl;
  // TwoSum: th + tl == c + ph exactly.
  const th = c + ph;
  const bb = th - c;
  const tl = c - (th - bb) + (ph - bb);
  return th + addRoundToOdd(tl, pl);
}
