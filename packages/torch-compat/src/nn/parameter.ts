/**
 * `torch.nn.parameter`: `Parameter` (core's tensor subclass, printed as PyTorch does),
 * `UninitializedParameter` / `UninitializedBuffer` (lazy modules) and `is_lazy`.
 */
import { type DType, type DTypeName, empty, getDefaultDtype, Parameter, RuntimeError, Tensor, toDType, ValueError } from '@nncompat/core';

export { Parameter, is_lazy } from '@nncompat/core';

/** Tensor methods an uninitialized tensor still allows (`_allowed_methods`). */
const ALLOWED = new Set([
  'size', 'copy_', 'is_floating_point', 'half', 'float', 'double', 'char', 'short', 'int', 'long', 'cuda', 'cpu', 'to',
  'get_device', 'detach', 'requires_grad_', 'constructor', 'dataSync', 'dim', 'numel', 'toString', 'materialize', 'share_memory_',
  '_legacyTypeName', '_gradEdgeNode', '_accumulateGrad', 'dispose', 'register_hook', 'retain_grad', 'detach_', 'stride', 'storage_offset',
  'is_contiguous', 'untyped_storage', 'element_size', 'type', '_wrapDim',
]);

function uninitializedError(method: string, cls: string): ValueError {
  return new ValueError(
    `Attempted to use an uninitialized parameter in <method '${method}' of 'torch._C._TensorBase' objects>. ` +
      'This error happens when you are using a `LazyModule` or ' +
      `explicitly manipulating \`torch.nn.parameter.${cls}\` ` +
      'objects. When using LazyModules Call `forward` with a dummy batch ' +
      'to initialize the parameters before calling torch functions',
  );
}

/** Installs `UninitializedTensorMixin`'s behaviour on a class prototype. */
function installMixin(proto: object, clsName: string): void {
  Object.defineProperty(proto, 'shape', {
    configurable: true,
    get(): never {
      throw new RuntimeError(
        "Can't access the shape of an uninitialized parameter or buffer. " +
          'This error usually happens in `load_state_dict` when trying to load ' +
          'an uninitialized parameter into an initialized one. ' +
          'Call `forward` to initialize the parameters before accessing their attributes.',
      );
    },
  });
  // Every other Tensor method raises, as `__torch_function__` does for non-allowed functions.
  for (const key of Object.getOwnPropertyNames(Tensor.prototype)) {
    if (ALLOWED.has(key) || Object.prototype.hasOwnProperty.call(proto, key)) continue;
    const d = Object.getOwnPropertyDescriptor(Tensor.prototype, key)!;
    if (typeof d.value !== 'function') continue;
    Object.defineProperty(proto, key, {
      configurable: true,
      writable: true,
      value(): never {
        throw uninitializedError(key, clsName);
      },
    });
  }
}

interface UninitializedOptions {
  requires_grad?: boolean;
  device?: string | null;
  dtype?: DType | DTypeName | null;
}

function emptyData(opts: UninitializedOptions): Tensor {
  return empty(0, { dtype: opts.dtype ? toDType(opts.dtype) : getDefaultDtype(), device: opts.device ?? null });
}

function materializeInto(self: Tensor, target: object, shape: number | readonly number[], device?: string | null, dtype?: DType | DTypeName | null): void {
  const dims = typeof shape === 'number' ? [shape] : [...shape];
  self.data = empty(dims, { device: device ?? (self.device === 'cpu' ? null : self.device), dtype: dtype ? toDType(dtype) : self.dtype });
  Object.setPrototypeOf(self, target);
}

/**
 * A parameter whose shape is not known yet (lazy modules); `materialize(shape)` turns it into
 * a `Parameter` in place.
 *
 * @example
 * ```ts
 * const p = new UninitializedParameter();
 * p.materialize([3, 4]);   // now a Parameter of shape [3, 4]
 * ```
 */
export class UninitializedParameter extends Parameter {
  /** The class the parameter becomes on `materialize`. */
  static cls_to_become: typeof Parameter = Parameter;
  /** Marks lazy tensors (`is_lazy`). */
  declare readonly _is_uninitialized: true;

  constructor(requires_grad: boolean | UninitializedOptions = true, device: string | null = null, dtype: DType | DTypeName | null = null) {
    const o: UninitializedOptions = typeof requires_grad === 'object' ? requires_grad : { requires_grad, device, dtype };
    super(emptyData(o), o.requires_grad ?? true);
  }

  /** Gives the parameter `shape` (and optionally a device/dtype); it becomes a `Parameter`. */
  materialize(shape: number | readonly number[], device?: string | null, dtype?: DType | DTypeName | null): void {
    materializeInto(this, UninitializedParameter.cls_to_become.prototype, shape, device, dtype);
  }

  /** Raises: memory of an uninitialized parameter cannot be shared. */
  share_memory_(): never {
    throw new RuntimeError(
      "Can't share memory on an uninitialized parameter or buffer. " +
        'Call `forward` to initialize the parameters before calling `module.share_memory()`.',
    );
  }

  override toString(): string {
    return `<${this.constructor.name}>`;
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}
Object.defineProperty(UninitializedParameter.prototype, '_is_uninitialized', { value: true });
installMixin(UninitializedParameter.prototype, 'UninitializedParameter');

/**
 * A buffer whose shape is not known yet; `materialize(shape)` turns it into a plain Tensor.
 *
 * @example
 * ```ts
 * const b = new UninitializedBuffer();
 * b.materialize([4]);
 * ```
 */
export class UninitializedBuffer extends Tensor {
  /** The class the buffer becomes on `materialize`. */
  static cls_to_become: typeof Tensor = Tensor;
  declare readonly _is_uninitialized: true;

  constructor(requires_grad: boolean | UninitializedOptions = false, device: string | null = null, dtype: DType | DTypeName | null = null) {
    const o: UninitializedOptions = typeof requires_grad === 'object' ? requires_grad : { requires_grad, device, dtype };
    const d = emptyData(o);
    super(d._storage, d._shape, d._strides, d._offset);
    if (o.requires_grad) this.requires_grad_(true);
  }

  /** Gives the buffer `shape`; it becomes a plain `Tensor`. */
  materialize(shape: number | readonly number[], device?: string | null, dtype?: DType | DTypeName | null): void {
    materializeInto(this, UninitializedBuffer.cls_to_become.prototype, shape, device, dtype);
  }

  /** Raises: memory of an uninitialized buffer cannot be shared. */
  share_memory_(): never {
    throw new RuntimeError(
      "Can't share memory on an uninitialized parameter or buffer. " +
        'Call `forward` to initialize the parameters before calling `module.share_memory()`.',
    );
  }

  override toString(): string {
    return `<${this.constructor.name}>`;
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}
Object.defineProperty(UninitializedBuffer.prototype, '_is_uninitialized', { value: true });
installMixin(UninitializedBuffer.prototype, 'UninitializedBuffer');
