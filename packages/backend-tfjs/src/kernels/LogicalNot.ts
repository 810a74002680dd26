/** LogicalNot on tfjs: not truthy → bool. */
import * as tf from '@tensorflow/tfjs';
import { bool, kernels as K } from '@nncompat/core';
import type { TfKernelDef } from '../kernel.js';
import { asBool } from './common.js';

/** The LogicalNot kernel definition. */
export const LogicalNotDef: TfKernelDef = { name: K.LogicalNot, run: (k) => ({ t: tf.logicalNot(asBool(k.x('x'))), dtype: bool }) };
