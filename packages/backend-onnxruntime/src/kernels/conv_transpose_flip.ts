/**
 * A stride-1 ConvTranspose2D as the equivalent Conv: the weight [Cin, Cout, kh, kw] transposed
 * to [Cout, Cin, kh, kw] and flipped on both spatial axes, padding d·(k−1) − p (output_padding
 * added at the end side). This is conv's input gradient for stride 1 (the usual 3×3 / pad 1
 * layers). onnxruntime's ConvTranspose is one GEMM with M = Cout·kh·kw and K = Cin per image,
 * then col2im; its Conv is one with M = Cout and K = Cin·kh·kw. Measured over Cin, Cout in
 * 4…64 (1 and 2 threads), the Conv takes 0.35–0.95× the ConvTranspose's time when Cout ≥ Cin,
 * but up to 3.9× when Cout < Cin (Cout = Cin/2, conv2 of the bench CNN: 1.26× on 1 thread,
 * 0.86× on 2), so only Cout ≥ Cin takes this path: layers that shrink the channel count.
 */
import type { OnnxAttrValue } from '../onnx/proto.js';
import type { OnnxGraphBuilder } from '../onnx/graph_builder.js';
import { constInt64, node } from './graph_util.js';

type Pair = readonly [number, number];

/**
 * Attributes of the equivalent Conv for a weight of shape [Cin, Cout, kh, kw], or null when the
 * transpose has no stride-1 Conv form or the Conv would not be faster.
 */
export function flippedConvAttrs(weight: readonly number[], stride: Pair, padding: Pair, dilation: Pair, outputPadding: Pair, groups: number): Record<string, OnnxAttrValue> | null {
  if (groups !== 1 || stride[0] !== 1 || stride[1] !== 1 || weight[1]! < weight[0]!) return null;
  const kernel: Pair = [weight[2]!, weight[3]!];
  const pads = [0, 1].map((a) => dilation[a]! * (kernel[a]! - 1) - padding[a]!);
  // A padding beyond the dilated kernel would need a crop (negative pads): not worth a case.
  if (pads.some((p) => p < 0)) return null;
  return {
    strides: { ints: [1, 1] },
    pads: { ints: [pads[0]!, pads[1]!, pads[0]! + outputPadding[0], pads[1]! + outputPadding[1]] },
    dilations: { ints: [...dilation] },
    group: { i: 1 },
    kernel_shape: { ints: [...kernel] },
  };
}

/** Emits the transposed and spatially flipped weight: [Cin, Cout, kh, kw] → [Cout, Cin, kh, kw]. */
export function emitFlippedWeight(g: OnnxGraphBuilder, weight: string): string {
  const t = node(g, 'Transpose', [weight], { perm: { ints: [1, 0, 2, 3] } });
  // Steps −1 from the last tap to before the first (ends clamp to −1 for negative steps).
  const end = Number.MIN_SAFE_INTEGER;
  return node(g, 'Slice', [t, constInt64(g, [-1, -1]), constInt64(g, [end, end]), constInt64(g, [2, 3]), constInt64(g, [-1, -1])]);
}
