/**
 * MXNet's Python exceptions. MXNet 1.9 declares `class MXNetError(RuntimeError)` in
 * python/mxnet/base.py.
 */

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
export class MXNetError extends Error {
  constructor(message = '') {
    super(message);
    this.name = new.target.name;
  }
}
