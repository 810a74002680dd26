/**
 * Addmm on tfjs: `beta*bias + alpha*(a·b)` for `[n,k] · [k,m]` in one kernel call (what
 * nn.Linear runs), so core no longer composes BatchMatMul + Mul + Add with their views. The
 * product goes through tf.matMul (transposed operands such as `weight.t()` without a copy) and
 * the bias is added by tfjs's broadcasting add, which rounds exactly as core's contract asks
 * (product, scalings and sum each rounded to float32).
 *
 * tf.fused.matMul is not used: on tfjs-backend-wasm 4.22 its transposeB path returns wrong
 * values (max error 8.6 on a 64×128×128 product with a rank-1 bias), it takes rank-1 biases
 * only, it adds the bias inside the accumulator (another rounding than the contract's), and it
 * measured no faster than matMul + add at MLP sizes.
 */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import type { TfKernelDef } from '../kernel.js';
import { numel } from './common.js';
import { matmul, matmulOperand } from './matmul.impl.js';

/** The Addmm kernel definition. */
export const AddmmDef: TfKernelDef = {
  name: K.Addmm,
  // float32 only (float64 is host-held); empty products go to the reference backend, whose
  // zero-sized and k = 0 rules (result = beta*bias) need no special case here.
  supports: (k) => k.info('a').dtype.name === 'float32' && numel(k.info('a').shape) > 0 && numel(k.info('b').shape) > 0,
  run(k) {
    const a = k.info('a');
    const { alpha, beta } = k.attrs as unknown as K.AddmmAttrs;
    let r = matmul(matmulOperand(a), matmulOperand(k.info('b')), k.backend.tfBackend);
    if (alpha !== 1) r = tf.mul(r, alpha);
    // beta = 0 ignores the bias, NaN and Inf included (PyTorch's rule).
    if (beta !== 0) {
      const bias = k.x('bias', { keepBroadcast: true });
      r = tf.add(r, beta === 1 ? bias : tf.mul(bias, beta));
    }
    return { t: r, dtype: a.dtype };
  },
};
