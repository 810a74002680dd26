/**
 * `torch.nn`: Module, Parameter, containers, hooks and the layers implemented so far.
 *
 * @example
 * ```ts
 * import { nn } from '@nncompat/torch-compat';
 * const net = new nn.Sequential(new nn.Linear(4, 8), new nn.Linear(8, 2));
 * ```
 */
export { Module, _addindent, _EXTRA_STATE_KEY_SUFFIX, type StateDict, type StateDictOptions, type ToOptions } from './modules/module.js';
export type * from './modules/hook-types.js';
export { IncompatibleKeys } from './modules/incompatible-keys.js';
export {
  register_module_forward_pre_hook, register_module_forward_hook, register_module_full_backward_pre_hook,
  register_module_full_backward_hook, register_module_backward_hook,
} from './modules/global-hooks.js';
export { Parameter, UninitializedParameter, UninitializedBuffer, is_lazy } from './parameter.js';
export { ParameterDict, ParameterDictImpl, type ParameterDictInput } from './modules/container/parameter-dict.js';
export { ParameterList } from './modules/container/parameter-list.js';
export { ModuleDict } from './modules/container/module-dict.js';
export { ModuleList } from './modules/container/module-list.js';
export { Sequential } from './modules/container/sequential.js';
export { Linear, LazyLinear, type FactoryKwargs } from './modules/linear.js';
