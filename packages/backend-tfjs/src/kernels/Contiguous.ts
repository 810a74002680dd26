/** Contiguous on tfjs: materializes a strided view (reshape, slice, box transpose or gather; see view.ts). */
import { kernels as K } from '@nncompat/core';
import type { TfKernelDef } from '../kernel.js';

/** The Contiguous kernel definition. */
export const ContiguousDef: TfKernelDef = { name: K.Contiguous, run: (k) => ({ t: k.x('x'), dtype: k.info('x').dtype }) };
