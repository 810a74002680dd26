/**
 * `Parameter`: a Tensor subclass that modules register automatically when it is assigned as
 * an attribute. It shares the data tensor's storage (PyTorch's `_make_subclass`) and is a
 * graph leaf. Framework surfaces (torch, oneflow) export it under their own names.
 */
import { allocHostArray, getDefaultDtype } from '../dtype.js';
import { RuntimeError } from '../errors.js';
import { Tensor } from '../tensor/tensor.js';

/**
 * A tensor that is a module parameter.
 *
 * @example
 * ```ts
 * const w = new Parameter(zeros(2, 3));  // requires_grad === true
 * const frozen = new Parameter(zeros(2), false);
 * ```
 */
export class Parameter extends Tensor {
  /**
   * @param data - the tensor whose storage the parameter shares (default: an empty tensor of
   *   the default dtype, as `torch.Tensor()`)
   * @param requires_grad - default true
   */
  constructor(data: Tensor | null = null, requires_grad = true) {
    const d = data ?? Tensor.fromHost(allocHostArray(getDefaultDtype(), 0), [0], getDefaultDtype());
    if (!(d instanceof Tensor)) {
      throw new TypeError(`Parameter(): 'data' must be a Tensor or null, got ${typeof d}`);
    }
    super(d._storage, d._shape, d._strides, d._offset);
    // `_make_subclass` words this check differently from `requires_grad_`.
    if (requires_grad && !d.dtype.is_floating_point) {
      throw new RuntimeError('Only Tensors of floating point and complex dtype can require gradients');
    }
    this._requires_grad = requires_grad;
  }

  /** Python class name used in reprs and error texts. */
  static readonly pythonTypeName: string = 'torch.nn.parameter.Parameter';
}

/** `torch.nn.parameter.is_lazy(x)`: true for uninitialized parameters/buffers. */
export function is_lazy(x: unknown): boolean {
  return typeof x === 'object' && x !== null && (x as { _is_uninitialized?: boolean })._is_uninitialized === true;
}
