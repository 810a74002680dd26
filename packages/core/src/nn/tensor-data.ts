/**
 * `tensor.data`: a detached alias of the same storage; assigning it swaps the tensor's
 * storage, shape and strides in place (what `Module._apply` and `param.data = x` rely on, so
 * a parameter keeps its identity across `.float()`, `.to()`, …).
 */
import { Tensor } from '../tensor/tensor.js';

declare module '../tensor/tensor.js' {
  interface Tensor {
    /** `tensor.data` (get: detached alias; set: swap the underlying data in place). */
    data: Tensor;
  }
}

if (!Object.getOwnPropertyDescriptor(Tensor.prototype, 'data')) {
  Object.defineProperty(Tensor.prototype, 'data', {
    configurable: true,
    get(this: Tensor): Tensor {
      return this.detach();
    },
    set(this: Tensor, v: Tensor) {
      if (!(v instanceof Tensor)) throw new TypeError(`assigned data must be a Tensor, got ${typeof v}`);
      this._storage = v._storage;
      this._shape = v._shape;
      this._strides = v._strides;
      this._offset = v._offset;
    },
  });
}
