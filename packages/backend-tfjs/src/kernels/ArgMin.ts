/** ArgMin on tfjs: int64 positions along an axis or over the flattened input (first extreme, first NaN wins). */
import { kernels as K } from '@nncompat/core';
import { argDef } from './argreduce.impl.js';

/** The ArgMin kernel definition. */
export const ArgMinDef = argDef(K.ArgMin, false);
