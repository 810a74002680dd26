/**
 * The Tensor: a strided view (shape, strides, offset) of a backend storage, plus autograd
 * state. Views share storage and its version counter, as in PyTorch. Op methods (add, sum, …)
 * are attached by the files under `ops/`.
 */
import { getBackend, getDefaultBackendName } from '../backend/registry.js';
import type { Backend } from '../backend/types.js';
import { AccumulateGrad, type Node, type TensorGradHook } from '../autograd/node.js';
import { is_grad_enabled } from '../autograd/grad_mode.js';
import { allocHostArray, type DType, type DTypeName, type HostArray, toDType } from '../dtype.js';
import { RuntimeError } from '../errors.js';
import { contiguousStrides, isContiguousLayout, numelOf } from '../shape.js';
import { RemovableHandle } from '../utils/hooks.js';
import { deviceName, REFERENCE_BACKEND } from './dispatch.js';
import { isContiguousAs, isNonOverlappingAndDense } from './layout.js';
import { contiguous_format, type MemoryFormat, memoryFormatArg } from './memory-format.js';
import { trackStorage, untrackStorage } from './scope.js';
import { Storage } from './storage.js';

const LEGACY_NAMES: Record<DTypeName, string> = {
  float32: 'torch.FloatTensor', float64: 'torch.DoubleTensor', float16: 'torch.HalfTensor',
  bfloat16: 'torch.BFloat16Tensor', int8: 'torch.CharTensor', uint8: 'torch.ByteTensor',
  int16: 'torch.ShortTensor', int32: 'torch.IntTensor', int64: 'torch.LongTensor', bool: 'torch.BoolTensor',
};

/** Resolves a backend name (or `cpu`, the reference backend's device name). */
export function resolveBackend(name?: string | null): Backend {
  if (name == null) return getBackend(getDefaultBackendName());
  return getBackend(name === 'cpu' ? REFERENCE_BACKEND : name);
}

/**
 * A multi-dimensional array on a backend, with autograd.
 *
 * @example
 * const x = Tensor.fromHost(new Float32Array([1, 2, 3, 4]), [2, 2], 'float32');
 * const y = x.t().contiguous();   // a transposed copy
 */
export class Tensor {
  /** @internal */ _storage: Storage;
  /** @internal */ _shape: readonly number[];
  /** @internal */ _strides: readonly number[];
  /** @internal */ _offset: number;
  /** The base tensor when this is a view (`tensor._base` in PyTorch). */
  _base: Tensor | null = null;
  /** Accumulated gradient of a leaf (or of a non-leaf with `retain_grad()`). */
  grad: Tensor | null = null;
  /** @internal */ _grad_fn: Node | null = null;
  /** @internal */ _output_nr = 0;
  /** @internal */ _requires_grad = false;
  /** @internal */ _accumulator: AccumulateGrad | null = null;
  /** @internal */ _retains_grad = false;
  /** @internal Hooks of a leaf, run before accumulation. */
  _leaf_hooks: Map<number, TensorGradHook> | null = null;
  /** Optional name, as `tensor.name` is used in some frameworks (not printed). */
  name?: string;

  /** @internal Use `Tensor.fromHost`, ops or factory functions instead. */
  constructor(storage: Storage, shape: readonly number[], strides?: readonly number[], offset = 0) {
    this._storage = storage;
    // Shapes are never mutated after construction (readonly in the types); no freeze on the hot path.
    this._shape = shape;
    this._strides = strides ?? contiguousStrides(shape);
    this._offset = offset;
  }

  /**
   * Wraps a canonical host array (see `dtype.ts`) as a contiguous tensor; takes ownership.
   *
   * @example
   * Tensor.fromHost(new Float32Array([1, 2]), [2], 'float32');
   */
  static fromHost(data: HostArray, shape: readonly number[], dtype: DType | DTypeName, backend?: string | null): Tensor {
    const d = toDType(dtype);
    const n = numelOf(shape);
    const expected = allocHostArray(d, 0).constructor;
    if (data.constructor !== expected) {
      throw new TypeError(`'data' must be a ${expected.name} for dtype ${d.name}, got ${data.constructor.name}`);
    }
    if (data.length !== n) {
      throw new RuntimeError(`shape '[${shape.join(', ')}]' is invalid for input of size ${data.length}`);
    }
    const b = resolveBackend(backend);
    return Tensor._wrap(b, b.fromHost(data, d), d, n, [...shape]);
  }

  /** @internal Wraps a fresh backend buffer as a contiguous tensor. */
  static _wrap(b: Backend, handle: unknown, dtype: DType, numel: number, shape: readonly number[]): Tensor {
    const s = new Storage(b, handle, dtype, numel);
    trackStorage(s);
    return new Tensor(s, shape);
  }

  // ---- metadata -------------------------------------------------------------------------

  /** The shape, as `tensor.shape` (a frozen array). */
  get shape(): readonly number[] {
    return this._shape;
  }
  /** `tensor.size()` or `tensor.size(dim)`. */
  size(): readonly number[];
  size(dim: number): number;
  size(dim?: number): readonly number[] | number {
    if (dim === undefined) return this._shape;
    return this._shape[this._wrapDim(dim)]!;
  }
  /** `tensor.stride()` or `tensor.stride(dim)`. */
  stride(): readonly number[];
  stride(dim: number): number;
  stride(dim?: number): readonly number[] | number {
    if (dim === undefined) return this._strides;
    return this._strides[this._wrapDim(dim)]!;
  }
  /** `tensor.storage_offset()`. */
  storage_offset(): number {
    return this._offset;
  }
  /** `tensor.dim()`. */
  dim(): number {
    return this._shape.length;
  }
  /** `tensor.ndim`. */
  get ndim(): number {
    return this._shape.length;
  }
  /** `tensor.numel()`. */
  numel(): number {
    return numelOf(this._shape);
  }
  /** `tensor.nelement()`. */
  nelement(): number {
    return this.numel();
  }
  /** `tensor.element_size()`. */
  element_size(): number {
    return this.dtype.itemsize;
  }
  /** The dtype object. */
  get dtype(): DType {
    return this._storage.dtype;
  }
  /** Name of the backend holding the data. */
  get backend(): string {
    return this._storage.backend.name;
  }
  /** Device string: `cpu` for the reference backend, else the backend's name. */
  get device(): string {
    return deviceName(this._storage.backend);
  }
  /**
   * `tensor.is_contiguous(memory_format=torch.contiguous_format)`: whether the strides are the
   * dense layout of that format (size-1 dims ignored, as PyTorch does).
   *
   * @example
   * x.is_contiguous();                                   // row-major?
   * x.is_contiguous({ memory_format: channels_last });   // NHWC? (false unless 4-D)
   */
  is_contiguous(opts?: { memory_format?: MemoryFormat }): boolean {
    if (opts === undefined || opts.memory_format === undefined) return isContiguousLayout(this._shape, this._strides);
    return isContiguousAs(this._shape, this._strides, memoryFormatArg(opts.memory_format, 'is_contiguous', contiguous_format, false));
  }
  /** @internal `is_non_overlapping_and_dense()`: a permutation of some dense layout (c10's flag). */
  _isNonOverlappingAndDense(): boolean {
    return isNonOverlappingAndDense(this._shape, this._strides);
  }
  /** `tensor.is_floating_point()`. */
  is_floating_point(): boolean {
    return this.dtype.is_floating_point;
  }
  /** `tensor.untyped_storage()`: shared by all views of one allocation. */
  untyped_storage(): Storage {
    return this._storage;
  }
  /** @internal The in-place version counter shared by views. */
  get _version(): number {
    return this._storage.version;
  }
  /** @internal `torch.FloatTensor`-style name used in PyTorch's error messages. */
  _legacyTypeName(): string {
    return LEGACY_NAMES[this.dtype.name];
  }
  /** `tensor.type()` without arguments: the legacy type name. */
  type(): string {
    return this._legacyTypeName();
  }
  /** @internal */
  _wrapDim(dim: number): number {
    const n = Math.max(this._shape.length, 1);
    if (dim < -n || dim >= n) {
      throw new RangeErrorPy(`Dimension out of range (expected to be in range of [${-n}, ${n - 1}], but got ${dim})`);
    }
    return dim < 0 ? dim + n : dim;
  }

  // ---- host access ----------------------------------------------------------------------

  /** A contiguous host copy of the values in the dtype's canonical array type. */
  dataSync(): HostArray {
    const t = this.is_contiguous() ? this : this.contiguous();
    const all = t._storage.backend.read(t._storage.handle, t.dtype);
    const n = t.numel();
    if (t._offset === 0 && all.length === n) return all;
    return all.slice(t._offset, t._offset + n) as HostArray;
  }

  // ---- autograd state -------------------------------------------------------------------

  /** Whether gradients are recorded for this tensor. */
  get requires_grad(): boolean {
    return this._requires_grad;
  }
  set requires_grad(v: boolean) {
    this._setRequiresGrad(v, 'only Tensors of floating point and complex dtype can require gradients');
  }
  /**
   * `tensor.requires_grad_(mode=True)`: only leaves may change it, and only floating tensors
   * may require grad (PyTorch's errors).
   */
  requires_grad_(requires_grad = true): this {
    return this._setRequiresGrad(requires_grad, 'only Tensors of floating point dtype can require gradients');
  }
  /** @internal PyTorch words the dtype error differently per entry point (method, setter, factory). */
  _setRequiresGrad(requires_grad: boolean, dtypeMessage: string): this {
    if (this._grad_fn && !requires_grad) {
      throw new RuntimeError(
        'you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn\'t require differentiation use var_no_grad = var.detach().',
      );
    }
    if (requires_grad && !this.dtype.is_floating_point) throw new RuntimeError(dtypeMessage);
    if (!this._grad_fn) this._requires_grad = requires_grad;
    return this;
  }
  /** The node that created this tensor, or null for leaves. */
  get grad_fn(): Node | null {
    return this._grad_fn;
  }
  /** True for tensors not created by a recorded op. */
  get is_leaf(): boolean {
    return this._grad_fn === null;
  }
  /** Whether `retain_grad()` was called on this non-leaf. */
  get retains_grad(): boolean {
    return this._retains_grad;
  }
  /** @internal The node gradients for this tensor flow into (grad_fn or the leaf accumulator). */
  _gradEdgeNode(): Node | null {
    if (this._grad_fn) return this._grad_fn;
    if (!this._requires_grad) return null;
    if (!this._accumulator) this._accumulator = new AccumulateGrad(this);
    return this._accumulator;
  }
  /** @internal Called by AccumulateGrad. */
  _accumulateGrad(g: Tensor): void {
    let grad = g;
    if (this._leaf_hooks) {
      for (const h of this._leaf_hooks.values()) {
        const r = h(grad);
        if (r) grad = r;
      }
    }
    if (grad.dtype !== this.dtype) grad = grad.to(this.dtype);
    if (this.grad === null) {
      // A fresh tensor, never aliasing a gradient that flows elsewhere (PyTorch clones too),
      // laid out by AccumulateGrad's layout contract.
      this.grad = this._gradLikeSelf(is_grad_enabled() ? grad : grad.detach());
    } else if (is_grad_enabled()) {
      this.grad = this.grad.add(grad);
    } else {
      this.grad.add_(grad);
    }
    untrackStorage(this.grad._storage);
  }
  /**
   * @internal AccumulateGrad's layout contract (torch/csrc/autograd/functions/accumulate_grad.h):
   * a dense parameter's gradient has the parameter's strides, any other's is row-major; a
   * gradient that already obeys keeps its own layout.
   */
  _gradLikeSelf(g: Tensor): Tensor {
    const dense = this._isNonOverlappingAndDense();
    if (dense ? obeysDenseContract(g, this) : g.is_contiguous()) return g.clone();
    if (!dense) return g.clone({ memory_format: contiguous_format });
    // new_empty_strided(param.sizes(), param.strides()).copy_(grad).
    return g._copyWithStrides(this._strides);
  }
  /**
   * `tensor.register_hook(hook)`: `hook(grad)` runs when this tensor's gradient is computed and
   * may return a replacement.
   */
  register_hook(hook: TensorGradHook): RemovableHandle {
    if (!this._requires_grad) {
      throw new RuntimeError("cannot register a hook on a tensor that doesn't require gradient");
    }
    if (this._grad_fn) return this._grad_fn._addTensorHook(this._output_nr, hook);
    if (!this._leaf_hooks) this._leaf_hooks = new Map();
    const h = new RemovableHandle(this._leaf_hooks as Map<number, unknown>);
    this._leaf_hooks.set(h.id, hook);
    return h;
  }
  /** `tensor.retain_grad()`: keep `.grad` on a non-leaf after backward. */
  retain_grad(): void {
    if (!this._requires_grad) throw new RuntimeError("can't retain_grad on Tensor that has requires_grad=False");
    if (!this._grad_fn || this._retains_grad) return;
    this._retains_grad = true;
    const node = this._grad_fn;
    node._retains_grad_hooks.set(this._output_nr, (g: Tensor) => {
      // retain_grad's hook clones as contiguous_format (unlike AccumulateGrad's layout contract).
      this.grad = this.grad ? this.grad.add(g) : g.detach().clone({ memory_format: contiguous_format });
      untrackStorage(this.grad._storage);
    });
  }
  /** `tensor.detach()`: a view of the same storage outside the graph. */
  detach(): Tensor {
    const t = new Tensor(this._storage, this._shape, this._strides, this._offset);
    return t;
  }
  /** `tensor.detach_()`. */
  detach_(): this {
    this._grad_fn = null;
    this._requires_grad = false;
    return this;
  }

  // ---- lifetime -------------------------------------------------------------------------

  /** Frees the storage now (and so every view of it). */
  dispose(): void {
    this._storage.dispose();
  }
  /** Whether `dispose()` was called on this tensor's storage. */
  get isDisposed(): boolean {
    return this._storage.isDisposed;
  }
}

/** obeys_layout_contract for a dense parameter: equal strides on every dim of size > 1, no 0 strides. */
function obeysDenseContract(g: Tensor, p: Tensor): boolean {
  for (let i = 0; i < g._shape.length; i++) {
    if (g._shape[i] !== 1) {
      if (g._strides[i] !== p._strides[i]) return false;
    } else if (g._strides[i] === 0) return false;
  }
  return true;
}

/** IndexError for dims (kept here to avoid an import cycle with ops). */
import { IndexError as RangeErrorPy } from '../errors.js';

/** Excludes a tensor's buffer from the enclosing `tidy` scopes. */
export function keep<T extends Tensor>(t: T): T {
  untrackStorage(t._storage);
  return t;
}
