/**
 * The matrix-multiply core shared by BatchMatMul and the convolution kernels: C (+)= A·B on
 * float64 accumulators, with A and B read through arbitrary strides.
 *
 * Layout (Goto/BLIS style): B is copied in blocks of KC×NC into column panels NR wide, A in
 * blocks of MC×KC into row panels MR tall, both as contiguous Float64Arrays. The micro-kernel
 * then walks one A panel and one B panel in lock step, keeping an MR×NR tile of C in local
 * variables (registers). Packing makes transposed or otherwise strided operands as fast as
 * contiguous ones. Operands of other array types are first widened natively to Float64Array
 * (`new Float64Array(typed)`), so packing and the micro-kernel only ever see Float64Array and
 * V8 keeps them monomorphic: mixing float32 and float64 calls otherwise halves the speed.
 * Packing pays even for tiny products: a plain i-p-j loop measured 2x slower at 8³ and 16³.
 */
import type { NumArray } from '../strided.js';

/** A matrix read through strides: element (i, j) is `data[offset + i*rowStride + j*colStride]`. */
export interface StridedMatrix {
  readonly data: NumArray;
  readonly offset: number;
  readonly rowStride: number;
  readonly colStride: number;
}

/** A StridedMatrix whose data is a Float64Array. */
interface F64Matrix extends StridedMatrix {
  readonly data: Float64Array;
}

/** The matrix with Float64Array data: as is, or the span it reads widened into a new array. */
function widen(x: StridedMatrix, rows: number, cols: number): F64Matrix {
  if (x.data instanceof Float64Array) return x as F64Matrix;
  const [data, offset] = widenSpan(x.data, x.offset, [rows, cols], [x.rowStride, x.colStride]);
  return { data, offset, rowStride: x.rowStride, colStride: x.colStride };
}

/**
 * The elements a strided view (non-empty `shape`) reads, as a Float64Array holding the span
 * from its lowest to its highest address, and the view's offset within it. A natively widened
 * copy unless `data` already is a Float64Array (then returned as is, with `offset`).
 */
export function widenSpan(data: NumArray, offset: number, shape: readonly number[], strides: readonly number[]): [Float64Array, number] {
  if (data instanceof Float64Array) return [data, offset];
  let lo = offset;
  let hi = offset;
  for (let d = 0; d < shape.length; d++) {
    const last = (shape[d]! - 1) * strides[d]!;
    if (last < 0) lo += last;
    else hi += last;
  }
  return [new Float64Array(data.subarray(lo, hi + 1)), offset - lo];
}

/**
 * True when C = A·B is small enough that a direct i-j-p loop over the operands as they are
 * beats widening and packing (whose fixed cost dominates tiny products such as a Linear(1, 1)
 * call). Only below 8³ multiply-adds (packing measured faster from there) and with k within one
 * packed block, so each element sums its k products in the same order as the packed path and
 * the float64 result is bit-identical.
 */
export function isSmallGemm(m: number, n: number, k: number): boolean {
  return m * n * k < 512 && k <= KC;
}

/**
 * C = A·B (or C += A·B) by a direct loop, for `isSmallGemm` sizes: reads A and B through their
 * strides in their own array types (no float64 copy), sums in p order from 0 like `microKernel`.
 */
export function gemmSmall(
  m: number, n: number, k: number,
  a: StridedMatrix, b: StridedMatrix,
  c: Float64Array, cOffset: number, ldc: number,
  accumulate: boolean,
): void {
  const ad = a.data;
  const bd = b.data;
  const ars = a.rowStride;
  const acs = a.colStride;
  const brs = b.rowStride;
  const bcs = b.colStride;
  for (let i = 0; i < m; i++) {
    const ai = a.offset + i * ars;
    const ci = cOffset + i * ldc;
    for (let j = 0; j < n; j++) {
      let s = 0;
      let ia = ai;
      let ib = b.offset + j * bcs;
      for (let p = 0; p < k; p++) {
        s += ad[ia]! * bd[ib]!;
        ia += acs;
        ib += brs;
      }
      c[ci + j] = accumulate ? c[ci + j]! + s : s;
    }
  }
}

/** Rows of C per micro-tile. */
const MR = 4;
/** Columns of C per micro-tile. */
const NR = 4;
/** Depth of one packed block: an A panel (MR×KC) and a B panel (KC×NR) stay in L1. */
const KC = 256;
/** Rows of one packed A block (MC×KC doubles = 128 KiB, sized for L2). */
const MC = 64;
/** Columns of one packed B block (KC×NC doubles = 512 KiB). */
const NC = 256;

// Scratch buffers, grown on demand and reused: kernels run one at a time on this thread.
let packA = new Float64Array(MC * KC);
let packB = new Float64Array(KC * NC);
const edgeTile = new Float64Array(MR * NR);

/**
 * Copies the block A[i0:i0+mc, p0:p0+kc] into `packA` as row panels of MR: panel r holds, for
 * each p, the MR values of its rows (zero-padded past `mc`).
 */
function packABlock(a: F64Matrix, i0: number, mc: number, p0: number, kc: number): void {
  const src = a.data;
  const rs = a.rowStride;
  const cs = a.colStride;
  let q = 0;
  for (let ir = 0; ir < mc; ir += MR) {
    const rows = Math.min(MR, mc - ir);
    const base = a.offset + (i0 + ir) * rs + p0 * cs;
    if (rows === MR) {
      for (let p = 0; p < kc; p++) {
        const o = base + p * cs;
        packA[q] = src[o]!;
        packA[q + 1] = src[o + rs]!;
        packA[q + 2] = src[o + 2 * rs]!;
        packA[q + 3] = src[o + 3 * rs]!;
        q += MR;
      }
    } else {
      for (let p = 0; p < kc; p++) {
        const o = base + p * cs;
        for (let r = 0; r < MR; r++) packA[q + r] = r < rows ? src[o + r * rs]! : 0;
        q += MR;
      }
    }
  }
}

/**
 * Copies the block B[p0:p0+kc, j0:j0+nc] into `packB` as column panels of NR: panel c holds,
 * for each p, the NR values of its columns (zero-padded past `nc`).
 */
function packBBlock(b: F64Matrix, p0: number, kc: number, j0: number, nc: number): void {
  const src = b.data;
  const rs = b.rowStride;
  const cs = b.colStride;
  let q = 0;
  for (let jr = 0; jr < nc; jr += NR) {
    const cols = Math.min(NR, nc - jr);
    const base = b.offset + p0 * rs + (j0 + jr) * cs;
    if (cols === NR) {
      for (let p = 0; p < kc; p++) {
        const o = base + p * rs;
        packB[q] = src[o]!;
        packB[q + 1] = src[o + cs]!;
        packB[q + 2] = src[o + 2 * cs]!;
        packB[q + 3] = src[o + 3 * cs]!;
        q += NR;
      }
    } else {
      for (let p = 0; p < kc; p++) {
        const o = base + p * rs;
        for (let c = 0; c < NR; c++) packB[q + c] = c < cols ? src[o + c * cs]! : 0;
        q += NR;
      }
    }
  }
}

/**
 * C[cOff + r*ldc + c] += sum_p Apanel[p][r] * Bpanel[p][c] for one MR×NR tile. The 16
 * accumulators are locals so TurboFan can keep them in registers.
 */
function microKernel(kc: number, ap: Float64Array, aOff: number, bp: Float64Array, bOff: number, c: Float64Array, cOff: number, ldc: number): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
  let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
  let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  let ia = aOff;
  let ib = bOff;
  for (let p = 0; p < kc; p++) {
    const b0 = bp[ib]!, b1 = bp[ib + 1]!, b2 = bp[ib + 2]!, b3 = bp[ib + 3]!;
    const a0 = ap[ia]!;
    c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
    const a1 = ap[ia + 1]!;
    c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
    const a2 = ap[ia + 2]!;
    c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
    const a3 = ap[ia + 3]!;
    c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
    ia += MR;
    ib += NR;
  }
  let o = cOff;
  c[o] += c00; c[o + 1] += c01; c[o + 2] += c02; c[o + 3] += c03;
  o += ldc;
  c[o] += c10; c[o + 1] += c11; c[o + 2] += c12; c[o + 3] += c13;
  o += ldc;
  c[o] += c20; c[o + 1] += c21; c[o + 2] += c22; c[o + 3] += c23;
  o += ldc;
  c[o] += c30; c[o + 1] += c31; c[o + 2] += c32; c[o + 3] += c33;
}

/**
 * C = A·B (or C += A·B when `accumulate`), with A m×k, B k×n and C an m×n row-major block of
 * `c` starting at `cOffset` with row stride `ldc`.
 *
 * @example
 * ```ts
 * const c = new Float64Array(4);
 * const a = { data: new Float32Array([1, 2, 3, 4]), offset: 0, rowStride: 2, colStride: 1 };
 * gemm(2, 2, 2, a, a, c, 0, 2, false); // c = [7, 10, 15, 22]
 * ```
 */
export function gemm(
  m: number, n: number, k: number,
  aIn: StridedMatrix, bIn: StridedMatrix,
  c: Float64Array, cOffset: number, ldc: number,
  accumulate: boolean,
): void {
  if (!accumulate) {
    for (let i = 0; i < m; i++) c.fill(0, cOffset + i * ldc, cOffset + i * ldc + n);
  }
  if (m === 0 || n === 0 || k === 0) return;
  if (isSmallGemm(m, n, k)) {
    gemmSmall(m, n, k, aIn, bIn, c, cOffset, ldc, true);
    return;
  }
  const a = widen(aIn, m, k);
  const b = widen(bIn, k, n);
  const ncMax = Math.min(NC, roundUp(n, NR));
  const kcMax = Math.min(KC, k);
  if (packB.length < kcMax * ncMax) packB = new Float64Array(kcMax * ncMax);
  if (packA.length < roundUp(Math.min(MC, m), MR) * kcMax) packA = new Float64Array(roundUp(Math.min(MC, m), MR) * kcMax);
  for (let j0 = 0; j0 < n; j0 += NC) {
    const nc = Math.min(NC, n - j0);
    for (let p0 = 0; p0 < k; p0 += KC) {
      const kc = Math.min(KC, k - p0);
      packBBlock(b, p0, kc, j0, nc);
      for (let i0 = 0; i0 < m; i0 += MC) {
        const mc = Math.min(MC, m - i0);
        packABlock(a, i0, mc, p0, kc);
        for (let jr = 0; jr < nc; jr += NR) {
          const cols = Math.min(NR, nc - jr);
          const bOff = jr * kc;
          for (let ir = 0; ir < mc; ir += MR) {
            const rows = Math.min(MR, mc - ir);
            const aOff = ir * kc;
            const cOff = cOffset + (i0 + ir) * ldc + j0 + jr;
            if (rows === MR && cols === NR) {
              microKernel(kc, packA, aOff, packB, bOff, c, cOff, ldc);
            } else {
              edgeTile.fill(0);
              microKernel(kc, packA, aOff, packB, bOff, edgeTile, 0, NR);
              for (let r = 0; r < rows; r++) {
                for (let q = 0; q < cols; q++) c[cOff + r * ldc + q] += edgeTile[r * NR + q]!;
              }
            }
          }
        }
      }
    }
  }
}

function roundUp(x: number, m: number): number {
  return Math.ceil(x / m) * m;
}
