/**
 * `torch.autograd`: `grad`, `backward`, custom `Function`s, and the grad-mode switches.
 *
 * @example
 * import * as torch from '@nncompat/torch-compat';
 * const x = torch.tensor([1, 2], { requires_grad: true });
 * const [dx] = torch.autograd.grad(x.pow(2).sum(), [x]); // [2, 4]
 */
export { grad, backward, type GradOptions, type BackwardOptions, type TensorOrTensors, type GradTensors } from './grad.js';
export { Function, type FunctionClass, type ForwardArgs, type ApplyArgs, type ApplyResult } from './function.js';
export { FunctionCtx } from './ctx.js';
export { no_grad, enable_grad, set_grad_enabled } from '@nncompat/core';
export * as function from './function_module.js';
