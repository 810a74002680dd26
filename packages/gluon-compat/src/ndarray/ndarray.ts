/**
 * `mx.nd.NDArray`: a minimal MXNet NDArray over a core `Tensor`, tagged with the `Context` it
 * lives on. It carries what Gluon's parameter machinery needs: shape, dtype, context, host
 * values, copies between contexts, casts and whole-array assignment (`arr[:] = v`).
 */
import { NotImplementedError, Tensor, ValueError, type DTypeName, type HostArray } from '@nncompat/core';
import { Context, current_context } from '../context/context.js';
import { dtypeName, numpyType, type DTypeLike, type NumpyType } from './dtype.js';
import { castHost, numbersToHost } from './host.js';

/** A value accepted by whole-array assignment: a scalar, another NDArray, or values in row-major order. */
export type NDArrayValue = number | boolean | NDArray | ArrayLike<number>;

/**
 * An n-dimensional array on a context.
 *
 * @example
 * ```ts
 * const a = mx.nd.array([[1, 2], [3, 4]], { ctx: mx.cpu(1) });
 * a.shape;        // [2, 2]
 * String(a.context); // 'cpu(1)'
 * a.asnumpy();    // Float32Array [1, 2, 3, 4]
 * ```
 */
export class NDArray {
  /** @internal The values; replaced (not mutated) by whole-array assignment. */
  _tensor: Tensor;
  /** @internal */
  readonly _ctx: Context;

  /** Wraps a core tensor (made contiguous) as an NDArray on `ctx` (default: the current context). */
  constructor(tensor: Tensor, ctx: Context = current_context()) {
    if (!(tensor instanceof Tensor)) throw new TypeError(`'tensor' must be a Tensor, got ${typeof tensor}`);
    if (!(ctx instanceof Context)) throw new TypeError(`'ctx' must be a Context, got ${String(ctx)}`);
    this._tensor = tensor;
    this._ctx = ctx;
  }

  /** @internal Builds an NDArray from a canonical host array it takes ownership of. */
  static _fromHost(data: HostArray, shape: readonly number[], dtype: DTypeName, ctx: Context = current_context()): NDArray {
    return new NDArray(Tensor.fromHost(data, shape, dtype), ctx);
  }

  /** The shape, as a frozen tuple. */
  get shape(): readonly number[] {
    return this._tensor.shape;
  }
  /** The NumPy scalar type of the elements (`numpy.float32`, …). */
  get dtype(): NumpyType {
    return numpyType(this._tensor.dtype.name);
  }
  /** The context this array lives on. */
  get context(): Context {
    return this._ctx;
  }
  /** Alias of `context`. */
  get ctx(): Context {
    return this._ctx;
  }
  /** Number of elements. */
  get size(): number {
    return this.shape.reduce((p, d) => p * d, 1);
  }
  /** Number of dimensions. */
  get ndim(): number {
    return this.shape.length;
  }
  /** Storage type: always `'default'` (dense) here. */
  get stype(): 'default' {
    return 'default';
  }

  /** The core tensor holding the values. */
  tensor(): Tensor {
    return this._tensor;
  }

  /**
   * A copy of the values as core's canonical host array, row-major (float16/bfloat16 as raw
   * bits, int64 as float64, bool as 0/1), standing in for NumPy's array.
   */
  asnumpy(): HostArray {
    return this._tensor.dataSync();
  }

  /** The single value of a size-1 array; MXNet's error otherwise. */
  asscalar(): number {
    if (this.size !== 1) throw new ValueError('The current array is not a scalar');
    const d = this._tensor.dtype.name;
    return castHost(this.asnumpy(), d, 'float64')[0]!;
  }

  /** A copy on the same context. */
  copy(): NDArray {
    return this.copyto(this._ctx);
  }

  /** Copies into a new array on `other` (a Context), or into `other` (an NDArray) and returns it. */
  copyto(other: Context | NDArray): NDArray {
    if (other instanceof NDArray) {
      if (other === this) return other;
      other.__setitem__(':', this);
      return other;
    }
    if (!(other instanceof Context)) throw new TypeError(`copyto does not support type ${typeof other}`);
    return NDArray._fromHost(this.asnumpy(), this.shape, this._tensor.dtype.name, other);
  }

  /** This array if it is already on `ctx`, else a copy there. */
  as_in_context(ctx: Context): NDArray {
    return ctx === this._ctx ? this : this.copyto(ctx);
  }

  /** A copy cast to `dtype` (no copy when `copy` is false and the dtype already matches). */
  astype(dtype: DTypeLike, copy = true): NDArray {
    const to = dtypeName(dtype);
    const from = this._tensor.dtype.name;
    if (!copy && to === from) return this;
    return NDArray._fromHost(castHost(this.asnumpy(), from, to), this.shape, to, this._ctx);
  }

  /** An array sharing these values, detached from autograd. */
  detach(): NDArray {
    return new NDArray(this._tensor.detach(), this._ctx);
  }

  /**
   * `arr[:] = value`: overwrites every element, keeping this array's shape, dtype and context.
   * Only the full slice `':'` is supported here.
   */
  __setitem__(key: ':', value: NDArrayValue): void {
    if (key !== ':') throw new NotImplementedError(`NDArray.__setitem__ supports only the full slice ':', got ${String(key)}`);
    const dtype = this._tensor.dtype.name;
    const n = this.size;
    let data: HostArray;
    if (typeof value === 'number' || typeof value === 'boolean') {
      data = numbersToHost(new Float64Array(n).fill(Number(value)), dtype);
    } else if (value instanceof NDArray) {
      if (value.shape.length !== this.shape.length || value.shape.some((d, i) => d !== this.shape[i])) {
        throw new ValueError(`cannot assign an array of shape (${value.shape.join(', ')}) to an array of shape (${this.shape.join(', ')})`);
      }
      data = castHost(value.asnumpy(), value._tensor.dtype.name, dtype);
    } else {
      if (value.length !== n) throw new ValueError(`cannot assign ${value.length} values to an array of ${n} elements`);
      data = numbersToHost(value, dtype);
    }
    this._tensor = Tensor.fromHost(data, this.shape, dtype);
  }

  /** @internal Replaces all values with a canonical host array of this dtype (taken, not copied). */
  _setHost(data: HostArray): void {
    this._tensor = Tensor.fromHost(data, this.shape, this._tensor.dtype.name);
  }

  /** MXNet's trailer line, `<NDArray 2x3 @cpu(0)>` (the NumPy-formatted values are not printed). */
  toString(): string {
    return `<NDArray ${this.shape.join('x')} @${this._ctx}>`;
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}
