/** Where on tfjs: condition ? a : b, broadcast to attrs.outShape. */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import type { TfKernelDef } from '../kernel.js';
import { asBool, toShape } from './common.js';

/** The Where kernel definition. */
export const WhereDef: TfKernelDef = {
  name: K.Where,
  run(k) {
    const outShape = k.attrs['outShape'] as number[];
    // tfjs's select wants equal shapes: expand every operand to the output shape.
    const c = toShape(asBool(k.x('condition')), outShape);
    // tfjs-wasm's Select mishandles bool operands (wrong values, then a corrupted heap): int32 instead.
    const asInt = (t: tf.Tensor): tf.Tensor => (t.dtype === 'bool' ? tf.cast(t, 'int32') : t);
    const a = toShape(asInt(k.x('a')), outShape);
    const b = toShape(asInt(k.x('b')), outShape);
    return { t: tf.where(c, a, b), dtype: k.info('a').dtype };
  },
};
