/**
 * Conv2D and ConvTranspose2D as ONNX Conv / ConvTranspose with explicit symmetric pads,
 * strides, dilations, group and output_padding (weights share PyTorch's layouts); a stride-1
 * ConvTranspose2D that grows the channel count runs as a Conv with the flipped weight instead.
 * Conv2DBackpropFilter (the weight gradient) is im2col + one GEMM for small kernels, otherwise a
 * Conv with batch and channels swapped.
 */
import { kernels as K, type HostArray, type KernelArgs, type KernelConfig, type TensorInfo } from '@nncompat/core';
import { computeDtype, FLOATS } from '../exec/dtypes.js';
import { planKernel, type OpPlan, type PlanInput } from '../exec/plan.js';
import type { OnnxAttrValue } from '../onnx/proto.js';
import { emitIm2colWeightGrad, IM2COL_MAX_ELEMENTS, IM2COL_MAX_TAPS, im2colElements, type Im2colGeometry } from './conv_im2col.js';
import { emitFlippedWeight, flippedConvAttrs } from './conv_transpose_flip.js';
import { constInt64, node, tensorInput } from './graph_util.js';

type Pair = readonly [number, number];

function convPlan(transpose: boolean) {
  return (args: KernelArgs<HostArray>): OpPlan | null => {
    const x = tensorInput(args, 'x');
    const w = tensorInput(args, 'weight');
    const bias = (args.inputs['bias'] ?? null) as TensorInfo<HostArray> | null;
    const compute = computeDtype(x.dtype, FLOATS);
    if (!compute) return null;
    const stride = args.attrs['stride'] as Pair;
    const padding = args.attrs['padding'] as Pair;
    const dilation = args.attrs['dilation'] as Pair;
    const groups = args.attrs['groups'] as number;
    const kernel: Pair = [w.shape[2]!, w.shape[3]!];
    const attrs: Record<string, OnnxAttrValue> = {
      strides: { ints: [...stride] },
      pads: { ints: [padding[0], padding[1], padding[0], padding[1]] },
      dilations: { ints: [...dilation] },
      group: { i: groups },
      kernel_shape: { ints: [...kernel] },
    };
    const inputs: PlanInput[] = [{ info: x, compute }, { info: w, compute }];
    if (bias) inputs.push({ info: bias, compute });
    const outputPadding = args.attrs['outputPadding'] as Pair;
    const flipped = transpose ? flippedConvAttrs(w.shape, stride, padding, dilation, outputPadding, groups) : null;
    if (flipped) {
      return {
        key: `flipped|${JSON.stringify(flipped)}`,
        inputs,
        outputs: [{ dtype: x.dtype, compute, rank: 4 }],
        build: (g, [xv, wv, bv]) => [node(g, 'Conv', [xv!, emitFlippedWeight(g, wv!), ...(bv ? [bv] : [])], flipped)],
        heavy: true,
      };
    }
    if (transpose) attrs['output_padding'] = { ints: [...outputPadding] };
    return {
      key: `${JSON.stringify(attrs)}|k${w.shape[2]}x${w.shape[3]}`,
      inputs,
      outputs: [{ dtype: x.dtype, compute, rank: 4 }],
      build: (g, names) => [node(g, transpose ? 'ConvTranspose' : 'Conv', names, attrs)],
      heavy: true,
    };
  };
}

/**
 * dW[o,c,i,j] = Σ_{n,y,x} dY[n,o,y,x]·X[n,c, y·s + i·d − p, x·s + j·d − p]: im2col + GEMM
 * (conv_im2col.ts) for kernels of at most IM2COL_MAX_TAPS taps whose patch matrix stays within
 * IM2COL_MAX_ELEMENTS; otherwise a convolution of X
 * seen as [C, N, H, W] with dY seen as [O, N, Ho, Wo] as its kernel, stride and dilation
 * swapped. It yields at least kh×kw taps (more when the forward conv dropped trailing rows);
 * the extra ones are sliced off. Grouped convolutions stay on the reference code.
 */
function weightGradPlan(args: KernelArgs<HostArray>): OpPlan | null {
  const x = tensorInput(args, 'x');
  const dy = tensorInput(args, 'dy');
  const compute = computeDtype(x.dtype, FLOATS);
  if (!compute || (args.attrs['groups'] as number) !== 1) return null;
  const stride = args.attrs['stride'] as Pair;
  const padding = args.attrs['padding'] as Pair;
  const dilation = args.attrs['dilation'] as Pair;
  const weightShape = args.attrs['weightShape'] as readonly number[];
  const [kh, kw] = [weightShape[2]!, weightShape[3]!];
  const geo: Im2colGeometry = { kernel: [kh, kw], stride, padding, dilation, out: [dy.shape[2]!, dy.shape[3]!] };
  if (kh * kw <= IM2COL_MAX_TAPS && im2colElements(x.shape, geo) <= IM2COL_MAX_ELEMENTS) {
    return {
      // The slice ends bake in dy's spatial size; N, C, H, W and O stay symbolic.
      key: `im2col|${JSON.stringify(geo)}`,
      inputs: [{ info: x, compute }, { info: dy, compute }],
      outputs: [{ dtype: x.dtype, compute, rank: 4 }],
      build: (g, [xv, dyv]) => [emitIm2colWeightGrad(g, xv!, dyv!, geo)],
      heavy: true,
    };
  }
  const attrs: Record<string, OnnxAttrValue> = {
    strides: { ints: [...dilation] },
    dilations: { ints: [...stride] },
    pads: { ints: [padding[0], padding[1], padding[0], padding[1]] },
    kernel_shape: { ints: [dy.shape[2]!, dy.shape[3]!] },
  };
  return {
    key: `${JSON.stringify(attrs)}|w${kh}x${kw}`,
    inputs: [{ info: x, compute }, { info: dy, compute }],
    outputs: [{ dtype: x.dtype, compute, rank: 4 }],
    build: (g, [xv, dyv]) => {
      const swap = { perm: { ints: [1, 0, 2, 3] } };
      const taps = node(g, 'Conv', [node(g, 'Transpose', [xv!], swap), node(g, 'Transpose', [dyv!], swap)], attrs);
      const cut = node(g, 'Slice', [taps, constInt64(g, [0, 0]), constInt64(g, [kh, kw]), constInt64(g, [2, 3])]);
      return [node(g, 'Transpose', [cut], swap)];
    },
    heavy: true,
  };
}

/** Registrations of the convolution kernels that run on onnxruntime. */
export const CONV_KERNELS: KernelConfig<HostArray>[] = [
  planKernel(K.Conv2D, convPlan(false)),
  planKernel(K.ConvTranspose2D, convPlan(true)),
  planKernel(K.Conv2DBackpropFilter, weightGradPlan),
];
