/**
 * `import * as mx from '@nncompat/gluon-compat'`: MXNet 1.9's Gluon surface.
 */
export * from './ndarray-format/index.js';
export { MXNetError } from './errors.js';
export { SURFACE } from './surface.js';
