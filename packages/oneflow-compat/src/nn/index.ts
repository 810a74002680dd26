/**
 * `oneflow.nn`: Module, Parameter, the containers, the layers implemented so far and
 * `functional`. Every module class is registered for `oneflow.load` under its OneFlow name.
 *
 * @example
 * ```ts
 * import * as flow from '@nncompat/oneflow-compat';
 * const net = new flow.nn.Sequential(new flow.nn.Linear(4, 8), new flow.nn.ReLU());
 * ```
 */
import { Sequential, ModuleList, ModuleDict, ParameterList, ParameterDict } from './containers.js';
import { Conv2d, Identity, Linear, ReLU, Sigmoid, Tanh } from './layers.js';
import { Module } from './module.js';
import { register_module_class } from '../serialization/registry.js';

for (const cls of [Module, Sequential, ModuleList, ModuleDict, ParameterList, ParameterDict, Linear, Identity, ReLU, Sigmoid, Tanh, Conv2d]) {
  register_module_class(cls);
}

export { Module, _addindent, type StateDict, type ForwardHook, type ForwardPreHook, type StateDictHook, type LoadStateDictPreHook } from './module.js';
export { Parameter } from './parameter.js';
export { IncompatibleKeys } from './incompatible-keys.js';
export { Sequential, ModuleList, ModuleDict, ParameterList, ParameterDict, type ParameterDictInput } from './containers.js';
export { Linear, Identity, ReLU, Sigmoid, Tanh, Conv2d, type Conv2dOptions } from './layers.js';
export { functional } from '../functional/index.js';
