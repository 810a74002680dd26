/** LogicalAnd on tfjs: Truthiness AND → bool. */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { binary, asBool } from './common.js';

/** The LogicalAnd kernel definition. */
export const LogicalAndDef = binary(K.LogicalAnd, (a, b) => tf.logicalAnd(asBool(a), asBool(b)), { compare: true });
