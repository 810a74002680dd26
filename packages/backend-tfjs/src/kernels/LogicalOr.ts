/** LogicalOr on tfjs: Truthiness OR → bool. */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { binary, asBool } from './common.js';

/** The LogicalOr kernel definition. */
export const LogicalOrDef = binary(K.LogicalOr, (a, b) => tf.logicalOr(asBool(a), asBool(b)), { compare: true });
