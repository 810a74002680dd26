/**
 * `import * as mx from '@nncompat/gluon-compat'`: MXNet 1.9's Gluon parameter surface.
 *
 * @example
 * ```ts
 * import * as mx from '@nncompat/gluon-compat';
 * const params = new mx.gluon.ParameterDict('net_');
 * params.get('weight', { shape: [2, 3] });
 * params.initialize({ init: new mx.init.Xavier(), ctx: mx.cpu() });
 * params.save('net.params');
 * ```
 */
export * as nd from './ndarray/index.js';
export * as ndarray from './ndarray/index.js';
export * as gluon from './gluon/index.js';
export * as init from './initializer/index.js';
export * as initializer from './initializer/index.js';
export * as context from './context/index.js';
export * as autograd from './autograd/index.js';
export * as name from './name/index.js';
export * as optimizer from './optimizer/index.js';
export { Context, cpu, gpu, cpu_pinned } from './context/index.js';
export { numpy, mx_real_t, NumpyType, type DTypeLike } from './ndarray/dtype.js';
export { MXNetError } from './errors.js';
export { catch_warnings, type WarningRecord } from './util/warnings.js';
export * from './ndarray-format/index.js';
export { SURFACE } from './surface.js';
