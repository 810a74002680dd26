/**
 * Conv2DBackpropFilter as im2col + one GEMM, as PyTorch's slow_conv2d backward does:
 *
 *   patches[(c,i,j), (n,y,x)] = Xpad[n, c, y·s + i·d, x·s + j·d]      [C·kh·kw, N·Ho·Wo]
 *   dWᵀ = patches × (dY as [O, N·Ho·Wo])ᵀ                               [C·kh·kw, O] → [O, C, kh, kw]
 *
 * X is transposed to [C, N, H, W] first (one small pass), so each tap (i, j) is one strided
 * Slice of shape [C, N, Ho, Wo] and concatenating the taps on axis 1 already gives the patch
 * matrix's row-major layout: no large Transpose. The swapped-Conv formulation this replaces
 * lowers to C GEMMs with only kh·kw output columns (measured 18 GFLOP/s on conv2 of the bench
 * CNN, 6.5 ms of a 17 ms train step); here it is one GEMM with a [C·kh·kw, O] result.
 */
import type { OnnxGraphBuilder } from '../onnx/graph_builder.js';
import { constInt64, node } from './graph_util.js';

type Pair = readonly [number, number];

/** Geometry of one weight gradient (dy's spatial size is the forward output's). */
export interface Im2colGeometry {
  readonly kernel: Pair;
  readonly stride: Pair;
  readonly padding: Pair;
  readonly dilation: Pair;
  /** Spatial size of dy (Ho, Wo). */
  readonly out: Pair;
}

/**
 * Most taps im2col is used for. The swapped Conv's GEMMs have kh·kw columns, so it is slow for
 * small kernels and competitive for large ones, where im2col's kh·kw strided Slices add up:
 * measured (1 and 2 threads) 0.2–0.8× the swapped Conv's time for 1×1, 2×2 and 3×3 kernels,
 * 0.6–1.1× for 5×5, 1.5–2.8× for 4×4 stride 2 and 7×7.
 */
export const IM2COL_MAX_TAPS = 9;

/**
 * Above this many patch-matrix elements the im2col buffer (4 bytes each in float32) is not
 * worth it: the swapped Conv only ever holds one input channel's columns at a time.
 */
export const IM2COL_MAX_ELEMENTS = 2 ** 26;

/** Number of elements of the patch matrix for x [N, C, H, W]. */
export function im2colElements(x: readonly number[], geo: Im2colGeometry): number {
  return x[0]! * x[1]! * geo.kernel[0] * geo.kernel[1] * geo.out[0] * geo.out[1];
}

/** Emits dW [O, C, kh, kw] from x [N, C, H, W] and dy [N, O, Ho, Wo]; N, C, H, W, O stay symbolic. */
export function emitIm2colWeightGrad(g: OnnxGraphBuilder, x: string, dy: string, geo: Im2colGeometry): string {
  const [kh, kw] = geo.kernel;
  const [sh, sw] = geo.stride;
  const [ph, pw] = geo.padding;
  const [dh, dw] = geo.dilation;
  const [ho, wo] = geo.out;
  const swap = { perm: { ints: [1, 0, 2, 3] } };
  let xt = node(g, 'Transpose', [x], swap);
  if (ph || pw) xt = node(g, 'Pad', [xt, constInt64(g, [0, 0, ph, pw, 0, 0, ph, pw])]);
  const axes = constInt64(g, [2, 3]);
  const steps = constInt64(g, [sh, sw]);
  const taps: string[] = [];
  for (let i = 0; i < kh; i++) {
    for (let j = 0; j < kw; j++) {
      // The last tap row read is i·d + (Ho−1)·s: rows the forward conv dropped stay unread.
      const starts = constInt64(g, [i * dh, j * dw]);
      const ends = constInt64(g, [i * dh + (ho - 1) * sh + 1, j * dw + (wo - 1) * sw + 1]);
      taps.push(node(g, 'Slice', [xt, starts, ends, axes, steps]));
    }
  }
  // [C, kh·kw·N, Ho, Wo] is [C, kh·kw, N·Ho·Wo] in memory; Flatten(axis 2) joins C with the taps.
  const cat = taps.length === 1 ? taps[0]! : node(g, 'Concat', taps, { axis: { i: 1 } });
  const patches = node(g, 'Flatten', [node(g, 'Reshape', [cat, constInt64(g, [0, kh * kw, -1])])], { axis: { i: 2 } });
  const grads = node(g, 'Flatten', [node(g, 'Transpose', [dy], swap)], { axis: { i: 1 } });
  // patches × dYᵀ, then a transpose of the small [C·kh·kw, O] result: the same GEMM orientation
  // as the swapped Conv's, which rounds identically (the CNN example's compiled run then tracks
  // the float64 reference as before: dY × patchesᵀ is as accurate but rounds differently, and
  // under Adam that moved its loss curve by 7.6e-5 relative, past the example's 1e-5 check).
  const dWt = node(g, 'Gemm', [patches, grads], { transB: { i: 1 } });
  return node(g, 'Reshape', [node(g, 'Transpose', [dWt]), constInt64(g, [0, -1, kh, kw])]);
}
