/**
 * Fused multiply-add emulation for float32 and float64
 * (what `vfmadd` computes, needed wherever ATen's compiled kernels fuse `a * b + c`).
 */

const f64 = new Float64Array(1);
const w32 = new Uint32Array(f64.buffer); // [low word, high word] on little-endian hosts

/**
 * `fmaf(a, b, c)`: `a * b + c` rounded once to float32. `a`, `b`, `c` must be float32 values.
 * The product of two float32 values is exact in float64, so the only way the float64 sum
 * rounded again to float32 can differ from one rounding is when that sum lands exactly on a
 * float32 tie while the true sum is not a tie; that rare case is detected and resolved with the
 * exact TwoSum error. No allocation, a handful of flops on the common path.
 */
export function fma32(a: number, b: number, c: number): number {
  const p = a * b;
  const s = p + c;
  const r = Math.fround(s);
  if (r === s) return r;
  const d = s - r; // exact (Sterbenz)
  const other = r + 2 * d; // the other float neighbour iff s is a tie
  if (Math.fround(other) !== other) return r;
  const bb = s - p;
  const err = p - (s - bb) + (c - bb);
  if (err === 0) return r; // a genuine tie: fround already rounded it to even
  return (err > 0) === (d > 0) ? other : r;
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
