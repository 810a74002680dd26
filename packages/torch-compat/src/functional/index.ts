/**
 * `torch.nn.functional`: PyTorch's functional API (signatures, defaults and error texts of
 * PyTorch 2.1), composed from core ops so that autograd and every backend work.
 *
 * @example
 * import { functional as F } from '@nncompat/torch-compat';
 * const loss = F.cross_entropy(F.linear(x, w, b), labels, { label_smoothing: 0.1 });
 */
export * from './activation.js';
export * from './linear.js';
export * from './conv.js';
export * from './pooling.js';
export * from './normalization.js';
export * from './sparse.js';
export * from './padding.js';
export * from './interpolate.js';
export * from './distance.js';
export * from './loss.js';
export * from './dropout.js';
export * from './attention.js';
export type { Reduction } from './reduction.js';
export * from './activation-extra.js';
export * from './loss-extra.js';
export * from './distance-extra.js';
export * from './pooling-1d.js';
export * from './pixel-shuffle.js';
export * from './dropout-nd.js';
