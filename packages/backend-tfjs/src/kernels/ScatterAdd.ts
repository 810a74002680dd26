/**
 * ScatterAdd on tfjs: PyTorch's x.scatter_add(axis, index, src), a copy of x with src added at
 * the indexed positions; repeated positions are summed in index order (see indexing.impl.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import type { TfKernelDef } from '../kernel.js';
import { materialize } from '../view.js';
import { checkScatter, gatherPositions, indexValues, MAX_ROUNDS, occurrences, scatterAdd } from './indexing.impl.js';

/** The ScatterAdd kernel definition. */
export const ScatterAddDef: TfKernelDef = {
  name: K.ScatterAdd,
  supports(k) {
    const x = k.info('x');
    if (x.shape.length === 0 || k.info('index').shape.length !== x.shape.length || x.dtype.name === 'bool') return false;
    const axis = ((k.attrs['axis'] as number) + x.shape.length) % x.shape.length;
    const idx = indexValues(k);
    checkScatter(idx, axis, x.shape[axis]!);
    const pos = gatherPositions(x.shape, k.info('index').shape, axis, idx);
    k.memo.set('pos', pos);
    return occurrences(pos).rounds <= MAX_ROUNDS;
  },
  int64Bound: (k, m) => m('x') + k.info('index').shape.reduce((a, b) => a * b, 1) * m('src'),
  run(k) {
    const x = k.info('x');
    const index = k.info('index');
    const src = k.info('src');
    const pos = k.memo.get('pos') as Int32Array;
    // src may be larger than index: only its index-shaped corner is read.
    const vals = materialize({ ...src, shape: index.shape }).reshape([-1]);
    const flat = k.x('x').reshape([-1, 1]);
    const out = (pos.length === 0 ? flat : scatterAdd(flat, pos, vals.reshape([-1, 1]))).reshape(x.shape as number[]);
    return { t: out, dtype: x.dtype };
  },
};
