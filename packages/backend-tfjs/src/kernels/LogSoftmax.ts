/** LogSoftmax on tfjs along attrs.axis (float32; other dtypes run on the reference backend). */
import { kernels as K } from '@nncompat/core';
import { softmaxDef } from './softmax.impl.js';

/** The LogSoftmax kernel definition. */
export const LogSoftmaxDef = softmaxDef(K.LogSoftmax, true);
