/** ArgMax on tfjs: int64 positions along an axis or over the flattened input (first extreme, first NaN wins). */
import { kernels as K } from '@nncompat/core';
import { argDef } from './argreduce.impl.js';

/** The ArgMax kernel definition. */
export const ArgMaxDef = argDef(K.ArgMax, true);
