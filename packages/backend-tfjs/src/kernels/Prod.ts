/** Prod over a set of axes on tfjs (optional result dtype; see reduce.impl.ts). */
import { kernels as K } from '@nncompat/core';
import { reduceDef } from './reduce.impl.js';

/** The Prod kernel definition. */
export const ProdDef = reduceDef(K.Prod, 'prod');
