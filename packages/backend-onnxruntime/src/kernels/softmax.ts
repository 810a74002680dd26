/** Softmax and LogSoftmax along one axis (opset 13+: the axis alone, no flattening). */
import { kernels as K, type HostArray, type KernelArgs, type KernelConfig } from '@nncompat/core';
import { computeDtype, FLOATS } from '../exec/dtypes.js';
import { planKernel, type OpPlan } from '../exec/plan.js';
import { node, tensorInput } from './graph_util.js';

function softmaxPlan(op: 'Softmax' | 'LogSoftmax') {
  return (args: KernelArgs<HostArray>): OpPlan | null => {
    const x = tensorInput(args, 'x');
    const axis = args.attrs['axis'] as number;
    const compute = computeDtype(x.dtype, FLOATS);
    if (!compute || x.shape.length === 0) return null;
    return {
      key: String(axis),
      inputs: [{ info: x, compute }],
      outputs: [{ dtype: x.dtype, compute, rank: x.shape.length }],
      build: (g, [v]) => [node(g, op, [v!], { axis: { i: axis } })],
    };
  };
}

/** Registrations of Softmax and LogSoftmax. */
export const SOFTMAX_KERNELS: KernelConfig<HostArray>[] = [
  planKernel(K.Softmax, softmaxPlan('Softmax')),
  planKernel(K.LogSoftmax, softmaxPlan('LogSoftmax')),
];
