/** LogicalXor on tfjs: Truthiness XOR → bool. */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { binary, asBool } from './common.js';

/** The LogicalXor kernel definition. */
export const LogicalXorDef = binary(K.LogicalXor, (a, b) => tf.logicalXor(asBool(a), asBool(b)), { compare: true });
