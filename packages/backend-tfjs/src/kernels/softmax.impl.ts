/** Softmax / LogSoftmax on tfjs along any axis (tfjs's ops work on the last axis: transpose around it). */
import * as tf from '@tensorflow/tfjs';
import type { TfKernelDef } from '../kernel.js';
import { float32Only } from './common.js';

/** The definition of a softmax-like kernel. */
export function softmaxDef(name: string, log: boolean): TfKernelDef {
  return {
    name,
    supports: (k) => float32Only(k),
    run(k) {
      const info = k.info('x');
      const nd = info.shape.length;
      const x = k.x('x');
      if (nd === 0) return { t: log ? tf.zerosLike(x) : tf.onesLike(x), dtype: info.dtype };
      const axis = ((k.attrs['axis'] as number) + nd) % nd;
      const f = (t: tf.Tensor): tf.Tensor => (log ? tf.logSoftmax(t) : tf.softmax(t));
      if (axis === nd - 1) return { t: f(x), dtype: info.dtype };
      const perm = [...Array(nd).keys()];
      perm[axis] = nd - 1;
      perm[nd - 1] = axis;
      return { t: tf.transpose(f(tf.transpose(x, perm)), perm), dtype: info.dtype };
    },
  };
}
