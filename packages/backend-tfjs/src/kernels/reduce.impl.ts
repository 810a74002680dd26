/** Shared body of Sum, Prod, Max and Min on tfjs (axes normalized and sorted by core). */
import * as tf from '@tensorflow/tfjs';
import { reducedShape, type DType } from '@nncompat/core';
import { tfDtype, wrapNarrow } from '../dtypes.js';
import type { TfKernelArgs, TfKernelDef, TfOut } from '../kernel.js';
import { numel } from './common.js';

type Reducer = 'sum' | 'prod' | 'max' | 'min';
const INIT: Record<Reducer, number> = { sum: 0, prod: 1, max: -Infinity, min: Infinity };

function reduce(k: TfKernelArgs, op: Reducer): TfOut {
  const info = k.info('x');
  const axes = k.attrs['axes'] as number[];
  const keepdim = k.attrs['keepdim'] === true;
  const outDtype = (k.attrs['dtype'] as DType | undefined) ?? info.dtype;
  const outShape = reducedShape(info.shape, axes, keepdim);
  const work = outDtype.name === 'bool' ? 'int32' : tfDtype(outDtype);
  // tfjs's wasm reductions misbehave on empty inputs: the result of an empty reduction is the identity.
  if (numel(info.shape) === 0) return { t: tf.fill(outShape, INIT[op], work), dtype: outDtype };
  const x = tf.cast(k.x('x'), work);
  if (axes.length === 0) return { t: x, dtype: outDtype };
  let r: tf.Tensor;
  if (op === 'sum') r = tf.sum(x, axes, keepdim);
  else if (op === 'prod') r = tf.prod(x, axes, keepdim);
  else {
    r = op === 'max' ? tf.max(x, axes, keepdim) : tf.min(x, axes, keepdim);
    // A NaN anywhere in a slice makes its max/min NaN, as in PyTorch.
    if (work === 'float32') r = tf.where(tf.any(tf.isNaN(x), axes, keepdim), tf.fill(r.shape, NaN), r);
  }
  return { t: wrapNarrow(r.reshape(outShape), outDtype), dtype: outDtype };
}

/** Elements reduced into each output element. */
function count(k: TfKernelArgs): number {
  const shape = k.info('x').shape;
  return (k.attrs['axes'] as number[]).reduce((a, ax) => a * shape[ax]!, 1);
}

/** The definition of reduction kernel `name`. */
export function reduceDef(name: string, op: Reducer): TfKernelDef {
  return {
    name,
    run: (k) => reduce(k, op),
    int64Bound:
      op === 'sum' ? (k, m) => m('x') * count(k) : op === 'prod' ? (k, m) => Math.pow(Math.max(m('x'), 1), count(k)) : undefined,
  };
}
