/**
 * Value-and-index reductions on tfjs (MaxDim/MinDim/ArgMax/ArgMin) with ATen's rules: the first
 * extreme wins ties (tfjs's argMax/argMin already do), and the first NaN wins over everything.
 */
import * as tf from '@tensorflow/tfjs';
import { int64, type DType } from '@nncompat/core';
import type { TfKernelArgs, TfKernelDef, TfOut } from '../kernel.js';
import { numel } from './common.js';

/** Index and value of the extreme along `axis` of a (float32 or int32) tensor. */
export function extreme(x: tf.Tensor, axis: number, isMax: boolean): { values: tf.Tensor; indices: tf.Tensor } {
  let values = isMax ? tf.max(x, axis) : tf.min(x, axis);
  let indices = isMax ? tf.argMax(x, axis) : tf.argMin(x, axis);
  if (x.dtype === 'float32') {
    const nan = tf.isNaN(x);
    const hasNan = tf.any(nan, axis);
    indices = tf.where(hasNan, tf.argMax(tf.cast(nan, 'int32'), axis), indices);
    values = tf.where(hasNan, tf.fill(values.shape, NaN), values);
  }
  return { values, indices };
}

const keptShape = (shape: readonly number[], axis: number, keepdim: boolean): number[] =>
  keepdim ? shape.map((d, i) => (i === axis ? 1 : d)) : shape.filter((_, i) => i !== axis);

const work = (k: TfKernelArgs): tf.Tensor => {
  const x = k.x('x');
  return x.dtype === 'bool' ? tf.cast(x, 'int32') : x;
};

/** MaxDim / MinDim: `[values, int64 indices]`. Empty and 0-d inputs run on the reference backend. */
export function dimDef(name: string, isMax: boolean): TfKernelDef {
  return {
    name,
    supports: (k) => k.info('x').shape.length > 0 && numel(k.info('x').shape) > 0,
    run(k): TfOut[] {
      const info = k.info('x');
      const axis = ((k.attrs['axis'] as number) + info.shape.length) % info.shape.length;
      const shape = keptShape(info.shape, axis, k.attrs['keepdim'] === true);
      const { values, indices } = extreme(work(k), axis, isMax);
      return [
        { t: values.reshape(shape), dtype: info.dtype as DType },
        { t: indices.reshape(shape), dtype: int64 },
      ];
    },
  };
}

/** ArgMax / ArgMin: int64 positions; `axis` null reduces the flattened input. */
export function argDef(name: string, isMax: boolean): TfKernelDef {
  return {
    name,
    supports: (k) => numel(k.info('x').shape) > 0 && (k.attrs['axis'] == null || k.info('x').shape.length > 0),
    run(k): TfOut {
      const info = k.info('x');
      const keepdim = k.attrs['keepdim'] === true;
      const raw = k.attrs['axis'] as number | null | undefined;
      if (raw == null) {
        const { indices } = extreme(work(k).reshape([-1]), 0, isMax);
        return { t: indices.reshape(keepdim ? info.shape.map(() => 1) : []), dtype: int64 };
      }
      const axis = (raw + info.shape.length) % info.shape.length;
      const { indices } = extreme(work(k), axis, isMax);
      return { t: indices.reshape(keptShape(info.shape, axis, keepdim)), dtype: int64 };
    },
  };
}
