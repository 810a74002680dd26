/**
 * IndexAdd on tfjs: PyTorch's x.index_add(axis, index, src), a copy of x with slice j of src added
 * onto slice index[j] along the axis (axis moved first, then a duplicate-safe row scatter-add).
 */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import type { TfKernelDef } from '../kernel.js';
import { checkSelect, indexValues, MAX_ROUNDS, occurrences, scatterAdd } from './indexing.impl.js';

const toFront = (nd: number, axis: number): number[] => [axis, ...[...Array(nd).keys()].filter((d) => d !== axis)];

/** The IndexAdd kernel definition. */
export const IndexAddDef: TfKernelDef = {
  name: K.IndexAdd,
  supports(k) {
    const x = k.info('x');
    if (x.shape.length === 0 || x.dtype.name === 'bool') return false;
    const axis = ((k.attrs['axis'] as number) + x.shape.length) % x.shape.length;
    const idx = indexValues(k);
    checkSelect(idx, x.shape[axis]!);
    return occurrences(idx).rounds <= MAX_ROUNDS;
  },
  int64Bound: (k, m) => m('x') + k.info('index').shape.reduce((a, b) => a * b, 1) * m('src'),
  run(k) {
    const x = k.info('x');
    const nd = x.shape.length;
    const axis = ((k.attrs['axis'] as number) + nd) % nd;
    const idx = indexValues(k);
    if (idx.length === 0) return { t: k.x('x'), dtype: x.dtype };
    const perm = toFront(nd, axis);
    const xt = tf.transpose(k.x('x'), perm);
    const st = tf.transpose(k.x('src'), perm);
    const rest = xt.shape.slice(1).reduce((a, b) => a * b, 1);
    const summed = scatterAdd(xt.reshape([x.shape[axis]!, rest]), idx, st.reshape([idx.length, rest]));
    const inverse = perm.map((_, i) => perm.indexOf(i));
    return { t: tf.transpose(summed.reshape(xt.shape), inverse), dtype: x.dtype };
  },
};
