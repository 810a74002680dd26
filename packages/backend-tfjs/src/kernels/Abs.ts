/** Abs on tfjs (narrow integers wrap: abs(int8 -128) is -128, as in PyTorch). */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { unary } from './common.js';

/** The Abs kernel definition. */
export const AbsDef = { ...unary(K.Abs, (x) => tf.abs(x), false, true), int64Bound: (_k: unknown, m: (n: string) => number) => m('x') };
