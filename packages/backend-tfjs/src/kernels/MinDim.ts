/** MinDim on tfjs: PyTorch's torch.min(x, dim, keepdim) → [values, int64 indices]. */
import { kernels as K } from '@nncompat/core';
import { dimDef } from './argreduce.impl.js';

/** The MinDim kernel definition. */
export const MinDimDef = dimDef(K.MinDim, false);
