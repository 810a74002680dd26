/**
 * BatchMatMul on tfjs: `[B,n,k] · [B,k,m]` through tf.matMul (operands from matmul.impl.ts:
 * transposed views without a copy, batch stride 0 broadcast). float32 only (tfjs's wasm matmul
 * is float-only; integer matmuls run exactly on the reference backend).
 */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import type { TfKernelDef } from '../kernel.js';
import { float32Only } from './common.js';
import { matmul, matmulOperand } from './matmul.impl.js';

/** The BatchMatMul kernel definition. */
export const BatchMatMulDef: TfKernelDef = {
  name: K.BatchMatMul,
  supports: (k) => float32Only(k, 'a'),
  run(k) {
    const a = k.info('a');
    const b = k.info('b');
    const out = [a.shape[0]!, a.shape[1]!, b.shape[2]!];
    let r = matmul(matmulOperand(a), matmulOperand(b), k.backend.tfBackend);
    if (r.shape[0] !== out[0]) r = tf.broadcastTo(r, out);
    return { t: r, dtype: a.dtype };
  },
};
