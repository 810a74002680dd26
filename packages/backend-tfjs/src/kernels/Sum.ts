/** Sum over a set of axes on tfjs (optional result dtype; see reduce.impl.ts). */
import { kernels as K } from '@nncompat/core';
import { reduceDef } from './reduce.impl.js';

/** The Sum kernel definition. */
export const SumDef = reduceDef(K.Sum, 'sum');
