/**
 * MXNet's `MXNetError` (python/mxnet/base.py: `class MXNetError(RuntimeError)`), here a
 * subclass of core's Python-named `RuntimeError`.
 */
import { RuntimeError } from '@nncompat/core';

/**
 * The error MXNet raises for failures inside its C++ library (failed `CHECK`s and `LOG(FATAL)`).
 * Messages keep the C++ text, e.g. `Check failed: header == kMXAPINDArrayListMagic: Invalid
 * NDArray file format`.
 *
 * @example
 * ```ts
 * try { readNDArrayList(bytes); } catch (e) { if (e instanceof MXNetError) console.log(e.message); }
 * ```
 */
export class MXNetError extends RuntimeError {}
