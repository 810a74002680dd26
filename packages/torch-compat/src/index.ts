/**
 * `@nncompat/torch-compat`: the PyTorch surface. `import * as torch from '@nncompat/torch-compat'`
 * then `torch.nn.Module`, `torch.randn(…)`, `torch.no_grad(() => …)`.
 *
 * @example
 * ```ts
 * import * as torch from '@nncompat/torch-compat';
 * const { nn } = torch;
 * class MyModule extends nn.Module {
 *   declare params: nn.ParameterDict;
 *   constructor() {
 *     super();
 *     this.params = new nn.ParameterDict({ left: new nn.Parameter(torch.randn(5, 10)) });
 *   }
 *   override forward(x: torch.Tensor, choice: string) { return this.params[choice].mm(x); }
 * }
 * ```
 */
import '@nncompat/core';

export {
  Tensor, tensor, zeros, ones, full, empty, arange, linspace, eye, zeros_like, ones_like, full_like, empty_like,
  rand, randn, randint, randperm, rand_like, randn_like, manual_seed, no_grad, enable_grad, is_grad_enabled, set_grad_enabled,
  cat, stack, where, float32, float64, float16, bfloat16, int8, uint8, int16, int32, int64, bool, OrderedDict,
} from '@nncompat/core';
export { float32 as float, float64 as double, float16 as half, int64 as long, int32 as int, int16 as short } from '@nncompat/core';
export * as nn from './nn/index.js';
export { typename } from './python.js';
export { slice, Slice } from './slice.js';
export { set_printoptions, get_printoptions, type SetPrintOptions, type PrintOptions, type DTypeName, type DType } from '@nncompat/core';
export { SURFACE } from './surface.js';

// torch.save / torch.load (issue 5)
export { load, save } from './serialization/index.js';
export * as serialization from './serialization/index.js';

// torch namespace, functional, init, optim (issue 4)
// nn.functional, nn.init and nn.utils.clip_grad_* live in src/functional, src/init and
// src/nn/utils/clip_grad.ts; they belong under `nn` (wired from src/nn/index.ts).
export * from './torch/index.js';
export * as optim from './optim/index.js';
export * as autograd from './autograd/index.js';

// torch.onnx.export (issue 6): the tracer comes from @nncompat/backend-onnxruntime (imported by the user)
export * as onnx from './onnx/index.js';
