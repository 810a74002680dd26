/** `torch.autograd.function`: the module defining `Function` and `FunctionCtx`. */
export { Function, type FunctionClass, type ForwardArgs, type ApplyArgs, type ApplyResult } from './function.js';
export { FunctionCtx } from './ctx.js';
