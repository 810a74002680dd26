/**
 * `oneflow.Tensor`: a view of core's Tensor with OneFlow's printing and the global-tensor
 * members (`to_global`, `to_local`, `is_global`, `placement`, `sbp`). Core's class is not
 * changed: tensors made by the oneflow namespace get this subclass's prototype (no copy), and
 * every Tensor method called on them hands its tensor results back as oneflow Tensors too, so
 * `flow.randn(2, 3).mm(w).relu()` prints as OneFlow prints it.
 */
import { RuntimeError, Tensor as CoreTensor, ValueError } from '@nncompat/core';
import { globalInfo, parseSbp, placementNdim, setGlobal } from './global.js';
import { placement, SbpParallel } from './placement.js';
import { flowTensorRepr } from './repr.js';

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * A OneFlow tensor (core's Tensor with OneFlow's surface). `x instanceof flow.Tensor` holds
 * for every core tensor, as every tensor in OneFlow is a `oneflow.Tensor`.
 *
 * @example
 * ```ts
 * const x = flow.tensor([[1, 2], [3, 4]], { dtype: flow.float32 });
 * String(x); // 'tensor([[1., 2.],\n        [3., 4.]], dtype=oneflow.float32)'
 * x.to_global(new flow.placement('cpu', [0]), flow.sbp.broadcast).is_global; // true
 * ```
 */
export class Tensor extends CoreTensor {
  static override [Symbol.hasInstance](x: unknown): boolean {
    return x instanceof CoreTensor;
  }

  /** `tensor.is_global`. */
  get is_global(): boolean {
    return globalInfo(this) !== null;
  }

  /** `tensor.is_local`. */
  get is_local(): boolean {
    return globalInfo(this) === null;
  }

  /** `tensor.placement` (global tensors only). */
  get placement(): placement {
    const g = globalInfo(this);
    if (!g) {
      throw new RuntimeError(
        "Only global tensors have 'placement'. Placement is used to describe the distribution of global tensor in multiple GPUs. " +
          "Please use '.device' for local tensors.",
      );
    }
    return g.placement;
  }

  /** `tensor.sbp`: a tuple of `oneflow.sbp.sbp` (global tensors only). */
  get sbp(): readonly SbpParallel[] {
    const g = globalInfo(this);
    if (!g) {
      throw new RuntimeError(
        'Local tensor has no sbp property. sbp is the description in the oneflow distributed case, you can refer to ' +
          'https://docs.oneflow.org/master/parallelism/03_global_tensor.html; For example, create a global tensor like this : ' +
          "'x = oneflow.tensor((2,3, placement=oneflow.placement(\"cuda\", {0: 0}), sbp=oneflow.sbp.broadcast))', then " +
          "'x.sbp' is 'oneflow.sbp.broadcast'",
      );
    }
    return Object.freeze([...g.sbp]);
  }

  /**
   * `tensor.to_global(placement=None, sbp=None)`: a global view of the data (differentiable).
   * From a local tensor both arguments are required; from a global one they default to the
   * tensor's own.
   */
  to_global(placementArg: placement | null = null, sbpArg: SbpParallel | readonly SbpParallel[] | null = null): Tensor {
    const g = globalInfo(this);
    if (!g && (placementArg === null || placementArg === undefined || sbpArg === null || sbpArg === undefined)) {
      throw new ValueError('Converting a local tensor to global tensor must have placement and sbp parameters.');
    }
    const p = placementArg ?? g!.placement;
    if (!(p instanceof placement)) throw new TypeError(`Invalid parameter placement with type ${typeof p}`);
    const s = sbpArg === null || sbpArg === undefined ? [...g!.sbp] : parseSbp(sbpArg, this.dim(), placementNdim(p));
    const out = asFlow(this.view(this.shape)) as Tensor;
    setGlobal(out, { placement: p, sbp: s });
    return out;
  }

  /** `tensor.to_consistent(...)`: removed in OneFlow. */
  to_consistent(...args: unknown[]): never {
    void args;
    throw new RuntimeError('.to_consistent has been removed, please use .to_global instead');
  }

  /** `tensor.to_local()`: this rank's shard; on one process, the whole value (differentiable). */
  to_local(): Tensor {
    if (!globalInfo(this)) throw new RuntimeError('Expected global tensor for to_local but got local tensor!');
    return asFlow(this.view(this.shape)) as Tensor;
  }

  /** `repr(tensor)` as OneFlow prints it. */
  __repr__(): string {
    return flowTensorRepr(this);
  }

  override toString(): string {
    return flowTensorRepr(this);
  }

  [INSPECT](): string {
    return this.toString();
  }
}

const CORE_PROTO = CoreTensor.prototype;

/**
 * Gives a core tensor (and the tensors inside arrays) the oneflow Tensor prototype, in place.
 * Tensors of other subclasses (Parameters) keep theirs.
 *
 * @example
 * ```ts
 * const y = asFlow(coreTensor); // same object, prints as OneFlow
 * ```
 */
export function asFlow<T>(x: T): T {
  if (x instanceof CoreTensor) {
    if (Object.getPrototypeOf(x) === CORE_PROTO) Object.setPrototypeOf(x, Tensor.prototype);
  } else if (Array.isArray(x) && !Object.isFrozen(x)) {
    for (const v of x) asFlow(v);
  } else if (Array.isArray(x)) {
    for (const v of x) asFlow(v);
  }
  return x;
}

/** `F` with core Tensor results typed as oneflow Tensors. */
export type Flowed<F> = F extends (...a: infer A) => infer R ? (...a: A) => (R extends CoreTensor ? Tensor : R) : F;

/** Wraps a function so its tensor results come back as oneflow Tensors. */
export function flowFn<F extends (...a: never[]) => unknown>(f: F): Flowed<F> {
  const w = function (this: unknown, ...args: Parameters<F>): ReturnType<F> {
    return asFlow(f.apply(this, args) as ReturnType<F>);
  };
  Object.defineProperty(w, 'name', { value: f.name });
  return w as unknown as Flowed<F>;
}

/** Copies core's Tensor methods onto `proto` as result-converting wrappers. */
export function installFlowMethods(proto: object): void {
  for (const key of Object.getOwnPropertyNames(CORE_PROTO)) {
    if (key === 'constructor' || key === 'toString' || Object.prototype.hasOwnProperty.call(proto, key)) continue;
    const d = Object.getOwnPropertyDescriptor(CORE_PROTO, key)!;
    if (typeof d.value !== 'function') continue;
    Object.defineProperty(proto, key, { configurable: true, writable: true, value: flowFn(d.value as (...a: never[]) => unknown) });
  }
}

installFlowMethods(Tensor.prototype);
