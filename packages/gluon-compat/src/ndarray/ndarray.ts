/**
 * `mx.nd.NDArray`: a minimal MXNet NDArray over a core `Tensor`, tagged with the `Context` it
 * lives on. It carries what Gluon's parameter machinery needs: shape, dtype, context, host
 * values, copies between contexts, casts and whole-array assignment (`arr[:] = v`).
 */
import { NotImplementedError, Tensor, ValueError, no_grad, ones, type DTypeName, type HostArray } from '@nncompat/core';
import { is_recording, runOp } from '../autograd/state.js';
import { Context, current_context } from '../context/context.js';
import { MXNetError } from '../errors.js';
import { dtypeName, numpyType, type DTypeLike, type NumpyType } from './dtype.js';
import { castHost, numbersToHost } from './host.js';

/** How a marked variable's gradient buffer is written by `backward`. */
export type NDArrayGradReq = 'write' | 'add' | 'null';

/** A number or an NDArray: the right operand of arithmetic. */
export type Operand = number | NDArray;

/** Tensors already made graph leaves (with the hook that fills their NDArray's gradient). */
const hooked = new WeakSet<Tensor>();

const NOT_IN_GRAPH =
  'Check failed: !AGInfo::IsNone(*i): Cannot differentiate node because it is not in a computational graph. ' +
  'You need to set is_recording to true or use autograd.record() to save computational graphs for backward. ' +
  'If you want to differentiate the same graph twice, you need to pass retain_graph=True to backward.';

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
  /** @internal Set by `attach_grad` / `autograd.mark_variables`: the gradient buffer and how it is written. */
  _ag: { grad: NDArray; req: NDArrayGradReq } | null = null;
  /** @internal True once a backward pass wrote this variable's gradient (reset by `Trainer.step`). */
  _fresh_grad = false;

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

  /** @internal The core dtype name of the values. */
  get _dtypeName(): DTypeName {
    return this._tensor.dtype.name;
  }

  /** @internal Replaces all values with a canonical host array of this dtype (taken, not copied). */
  _setHost(data: HostArray): void {
    this._tensor = Tensor.fromHost(data, this.shape, this._tensor.dtype.name);
  }

  /**
   * @internal The tensor to feed to an op. While recording, a marked variable's tensor becomes
   * a graph leaf whose incoming gradient is written into the variable's gradient buffer
   * (`'write'` overwrites, `'add'` accumulates), as MXNet's `mark_variables` arranges.
   */
  _in(): Tensor {
    if (this._ag !== null && this._ag.req !== 'null' && is_recording()) {
      const t = this._tensor;
      if (!hooked.has(t) && t.dtype.is_floating_point) {
        hooked.add(t);
        t.requires_grad_(true);
        t.register_hook((g) => {
          this._writeGrad(g);
          // Our buffer holds the gradient; core's own `.grad` is not needed.
          t.grad = null;
        });
      }
    }
    return this._tensor;
  }

  /** @internal Writes an incoming gradient into the attached buffer. */
  _writeGrad(g: Tensor): void {
    const ag = this._ag;
    if (ag === null) return;
    no_grad(() => {
      const buf = ag.grad;
      const gg = g.detach().to(buf._tensor.dtype);
      buf._tensor = ag.req === 'add' ? buf._tensor.add(gg) : gg.clone();
    });
    this._fresh_grad = true;
  }

  /**
   * `attach_grad(grad_req='write')`: allocates a zero gradient buffer and marks this array as a
   * variable, so `backward` fills `grad`.
   *
   * @example
   * ```ts
   * const x = mx.nd.ones([2, 2]);
   * x.attach_grad();
   * mx.autograd.record(() => x.mul(x).sum()).backward();
   * x.grad!.asnumpy(); // Float32Array [2, 2, 2, 2]
   * ```
   */
  attach_grad(grad_req: NDArrayGradReq = 'write'): void {
    if (!['write', 'add', 'null'].includes(grad_req)) {
      throw new MXNetError(`Invalid grad_req '${grad_req}': expected one of 'write', 'add', 'null'`);
    }
    const grad = NDArray._fromHost(new (this.asnumpy().constructor as new (n: number) => HostArray)(this.size), this.shape, this._tensor.dtype.name, this._ctx);
    this._ag = { grad, req: grad_req };
    this._fresh_grad = false;
  }

  /** The gradient buffer attached by `attach_grad` (or a Parameter), else null. */
  get grad(): NDArray | null {
    return this._ag === null ? null : this._ag.grad;
  }

  /**
   * `backward(out_grad=None, retain_graph=False)`: back-propagates from this array (head
   * gradient ones when `out_grad` is omitted) into every marked variable.
   */
  backward(out_grad: NDArray | null = null, retain_graph = false): void {
    const t = this._tensor;
    if (t.grad_fn === null) throw new MXNetError(NOT_IN_GRAPH);
    const head = out_grad === null ? ones(t.shape, { dtype: t.dtype }) : out_grad._tensor;
    t.backward(head, retain_graph);
  }

  // ---- arithmetic (broadcasting, recorded while autograd records) -----------------------

  /** @internal Wraps an op result on this array's context. */
  _wrap(t: Tensor): NDArray {
    return new NDArray(t, this._ctx);
  }
  private _bin(other: Operand, f: (a: Tensor, b: Tensor | number) => Tensor): NDArray {
    return runOp(() => this._wrap(f(this._in(), other instanceof NDArray ? other._in() : other)));
  }
  /** `self + other`. */
  add(other: Operand): NDArray {
    return this._bin(other, (a, b) => a.add(b));
  }
  /** `self - other`. */
  sub(other: Operand): NDArray {
    return this._bin(other, (a, b) => a.sub(b));
  }
  /** `self * other`. */
  mul(other: Operand): NDArray {
    return this._bin(other, (a, b) => a.mul(b));
  }
  /** `self / other`. */
  div(other: Operand): NDArray {
    return this._bin(other, (a, b) => a.div(b));
  }
  /** `self ** other`. */
  pow(other: Operand): NDArray {
    return this._bin(other, (a, b) => a.pow(b));
  }
  /** `-self`. */
  neg(): NDArray {
    return runOp(() => this._wrap(this._in().neg()));
  }
  /** `__add__`. */
  __add__(other: Operand): NDArray {
    return this.add(other);
  }
  /** `__sub__`. */
  __sub__(other: Operand): NDArray {
    return this.sub(other);
  }
  /** `__mul__`. */
  __mul__(other: Operand): NDArray {
    return this.mul(other);
  }
  /** `__truediv__`. */
  __truediv__(other: Operand): NDArray {
    return this.div(other);
  }
  /** `__neg__`. */
  __neg__(): NDArray {
    return this.neg();
  }
  /** `square()`. */
  square(): NDArray {
    return runOp(() => this._wrap(this._in().square()));
  }
  /** `exp()`. */
  exp(): NDArray {
    return runOp(() => this._wrap(this._in().exp()));
  }
  /** `log()`. */
  log(): NDArray {
    return runOp(() => this._wrap(this._in().log()));
  }
  /** `abs()`. */
  abs(): NDArray {
    return runOp(() => this._wrap(this._in().abs()));
  }
  /** `sqrt()`. */
  sqrt(): NDArray {
    return runOp(() => this._wrap(this._in().sqrt()));
  }
  /** `sum(axis=None, keepdims=False)`. */
  sum(axis: number | readonly number[] | null = null, keepdims = false): NDArray {
    return runOp(() => this._wrap(axis === null ? reduceAll(this._in(), 'sum', keepdims) : this._in().sum([...[axis].flat()], keepdims)));
  }
  /** `mean(axis=None, keepdims=False)`. */
  mean(axis: number | readonly number[] | null = null, keepdims = false): NDArray {
    return runOp(() => this._wrap(axis === null ? reduceAll(this._in(), 'mean', keepdims) : this._in().mean([...[axis].flat()], keepdims)));
  }
  /** `reshape(shape)` (plain shapes; -1 infers one dimension). */
  reshape(shape: readonly number[]): NDArray {
    return runOp(() => this._wrap(this._in().reshape([...shape])));
  }
  /** `flatten()`: `(N, ...)` → `(N, prod(...))`. */
  flatten(): NDArray {
    const n = this.shape.length ? this.shape[0]! : 1;
    return this.reshape([n, n === 0 ? 0 : -1]);
  }

  /** MXNet's trailer line, `<NDArray 2x3 @cpu(0)>` (the NumPy-formatted values are not printed). */
  toString(): string {
    return `<NDArray ${this.shape.join('x')} @${this._ctx}>`;
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

function reduceAll(t: Tensor, how: 'sum' | 'mean', keepdims: boolean): Tensor {
  // MXNet's full reductions return shape (1,), not a 0-d array.
  const dims = t.shape.map((_, i) => i);
  const r = how === 'sum' ? t.sum(dims, keepdims) : t.mean(dims, keepdims);
  return keepdims ? r : r.reshape([1]);
}
