/** Neg on tfjs (narrow integers wrap). */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { unary } from './common.js';

/** The Neg kernel definition. */
export const NegDef = { ...unary(K.Neg, (x) => tf.neg(x), false, true), int64Bound: (_k: unknown, m: (n: string) => number) => m('x') };
