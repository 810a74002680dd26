/**
 * Conv2D and ConvTranspose2D as ONNX Conv / ConvTranspose with explicit symmetric pads,
 * strides, dilations, group and output_padding (weights share PyTorch's layouts).
 * Conv2DBackpropFilter has no single ONNX op and is left to the reference backend.
 */
import { kernels as K, type HostArray, type KernelArgs, type KernelConfig, type TensorInfo } from '@nncompat/core';
import { computeDtype, FLOATS } from '../exec/dtypes.js';
import { planKernel, type OpPlan, type PlanInput } from '../exec/plan.js';
import type { OnnxAttrValue } from '../onnx/proto.js';
import { node, tensorInput } from './graph_util.js';

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
    const attrs: Record<string, OnnxAttrValue> = {
      strides: { ints: [...stride] },
      pads: { ints: [padding[0], padding[1], padding[0], padding[1]] },
      dilations: { ints: [...dilation] },
      group: { i: groups },
      kernel_shape: { ints: [w.shape[2]!, w.shape[3]!] },
    };
    if (transpose) attrs['output_padding'] = { ints: [...(args.attrs['outputPadding'] as Pair)] };
    const inputs: PlanInput[] = [{ info: x, compute }, { info: w, compute }];
    if (bias) inputs.push({ info: bias, compute });
    return {
      key: `${JSON.stringify(attrs)}|k${w.shape[2]}x${w.shape[3]}`,
      inputs,
      outputs: [{ dtype: x.dtype, compute, rank: 4 }],
      build: (g, names) => [node(g, transpose ? 'ConvTranspose' : 'Conv', names, attrs)],
      heavy: true,
    };
  };
}

/** Registrations of the convolution kernels that run on onnxruntime. */
export const CONV_KERNELS: KernelConfig<HostArray>[] = [
  planKernel(K.Conv2D, convPlan(false)),
  planKernel(K.ConvTranspose2D, convPlan(true)),
];
