/** Softmax on tfjs along attrs.axis (float32; other dtypes run on the reference backend). */
import { kernels as K } from '@nncompat/core';
import { softmaxDef } from './softmax.impl.js';

/** The Softmax kernel definition. */
export const SoftmaxDef = softmaxDef(K.Softmax, false);
