/** Concat on tfjs: PyTorch's torch.cat (1-D empty tensors skipped, as PyTorch's legacy rule allows). */
import * as tf from '@tensorflow/tfjs';
import { kernels as K, RuntimeError, type TensorInfo } from '@nncompat/core';
import type { TfjsBuffer } from '../buffer.js';
import type { TfKernelDef } from '../kernel.js';
import { materialize } from '../view.js';

/** The Concat kernel definition. */
export const ConcatDef: TfKernelDef = {
  name: K.Concat,
  run(k) {
    const all = k.args.inputs['tensors'];
    if (!Array.isArray(all) || all.length === 0) throw new RuntimeError('torch.cat(): expected a non-empty list of Tensors');
    const infos = all as readonly TensorInfo<TfjsBuffer>[];
    const parts = infos.filter((t) => !(t.shape.length === 1 && t.shape[0] === 0));
    const dtype = infos[0]!.dtype;
    if (parts.length === 0) return { t: materialize(infos[0]!), dtype };
    const nd = parts[0]!.shape.length;
    const axis = ((k.attrs['axis'] as number) + nd) % nd;
    const ts = parts.map((p) => materialize(p));
    return { t: ts.length === 1 ? ts[0]! : tf.concat(ts, axis), dtype };
  },
};
