/** Gather on tfjs: PyTorch's torch.gather(x, axis, index), one tf.gather over flat positions. */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import type { TfKernelDef } from '../kernel.js';
import { checkScatter, gatherPositions, indexValues } from './indexing.impl.js';

/** The Gather kernel definition (0-d inputs run on the reference backend). */
export const GatherDef: TfKernelDef = {
  name: K.Gather,
  supports: (k) => k.info('x').shape.length > 0 && k.info('index').shape.length === k.info('x').shape.length,
  run(k) {
    const x = k.info('x');
    const index = k.info('index');
    const axis = ((k.attrs['axis'] as number) + x.shape.length) % x.shape.length;
    const idx = indexValues(k);
    checkScatter(idx, axis, x.shape[axis]!);
    const pos = gatherPositions(x.shape, index.shape, axis, idx);
    const flat = k.x('x').reshape([-1]);
    return { t: tf.gather(flat, tf.tensor1d(pos, 'int32')).reshape(index.shape as number[]), dtype: x.dtype };
  },
};
