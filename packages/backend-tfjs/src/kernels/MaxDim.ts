/** MaxDim on tfjs: PyTorch's torch.max(x, dim, keepdim) → [values, int64 indices]. */
import { kernels as K } from '@nncompat/core';
import { dimDef } from './argreduce.impl.js';

/** The MaxDim kernel definition. */
export const MaxDimDef = dimDef(K.MaxDim, true);
