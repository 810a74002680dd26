/** Errors of python/mxnet/gluon/parameter.py. */
import { MXNetError } from '../errors.js';

/**
 * `DeferredInitializationError(MXNetError)`: a parameter's data was requested before its
 * deferred initialization (which waits for the first forward pass to know the shape) happened.
 *
 * @example
 * ```ts
 * try { p.data(); } catch (e) { if (e instanceof mx.gluon.DeferredInitializationError) { … } }
 * ```
 */
export class DeferredInitializationError extends MXNetError {}
