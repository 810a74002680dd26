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
import { GELU, LeakyReLU, LogSoftmax, Softmax } from './layers-activation.js';
import { AdaptiveAvgPool2d, AvgPool2d, MaxPool2d } from './layers-pool.js';
import { BatchNorm1d, BatchNorm2d, LayerNorm } from './layers-norm.js';
import { Dropout, Embedding, Flatten } from './layers-misc.js';
import { CrossEntropyLoss, MSELoss, NLLLoss } from './layers-loss.js';
import { ELU, Hardtanh, Mish, ReLU6, SiLU, Softplus } from './layers-activation-more.js';
import { Conv1d, ConvTranspose2d } from './layers-conv.js';
import { MaxPool1d } from './layers-pool1d.js';
import { GroupNorm } from './layers-group-norm.js';
import { Dropout1d, Dropout2d } from './layers-dropout.js';
import { BCELoss, BCEWithLogitsLoss, KLDivLoss, L1Loss, SmoothL1Loss } from './layers-loss-more.js';
import { GRU, LSTM } from './layers-rnn.js';
import { RNN } from './layers-rnn-elman.js';
import { Module } from './module.js';
import { register_module_class } from '../serialization/registry.js';

for (const cls of [Module, Sequential, ModuleList, ModuleDict, ParameterList, ParameterDict, Linear, Identity, ReLU, Sigmoid, Tanh, Conv2d,
  GELU, LeakyReLU, Softmax, LogSoftmax, MaxPool2d, AvgPool2d, AdaptiveAvgPool2d, BatchNorm1d, BatchNorm2d, LayerNorm,
  Dropout, Embedding, Flatten, CrossEntropyLoss, MSELoss, NLLLoss,
  ELU, ReLU6, Hardtanh, Softplus, SiLU, Mish, Conv1d, ConvTranspose2d, MaxPool1d, GroupNorm, Dropout1d, Dropout2d,
  L1Loss, SmoothL1Loss, BCELoss, BCEWithLogitsLoss, KLDivLoss, LSTM, GRU, RNN]) {
  register_module_class(cls);
}

export { Module, _addindent, type StateDict, type ForwardHook, type ForwardPreHook, type StateDictHook, type LoadStateDictPreHook } from './module.js';
export { Parameter } from './parameter.js';
export { IncompatibleKeys } from './incompatible-keys.js';
export { Sequential, ModuleList, ModuleDict, ParameterList, ParameterDict, type ParameterDictInput } from './containers.js';
export { Linear, Identity, ReLU, Sigmoid, Tanh, Conv2d, type Conv2dOptions } from './layers.js';
export { GELU, LeakyReLU, Softmax, LogSoftmax } from './layers-activation.js';
export { MaxPool2d, AvgPool2d, AdaptiveAvgPool2d, type MaxPool2dOptions, type AvgPool2dOptions } from './layers-pool.js';
export { BatchNorm1d, BatchNorm2d, LayerNorm, type BatchNormOptions, type LayerNormOptions } from './layers-norm.js';
export { Dropout, Embedding, Flatten, type EmbeddingOptions } from './layers-misc.js';
export { CrossEntropyLoss, MSELoss, NLLLoss, type Reduction, type NLLLossOptions, type CrossEntropyLossOptions } from './layers-loss.js';
export { ELU, ReLU6, Hardtanh, Softplus, SiLU, Mish, type HardtanhOptions } from './layers-activation-more.js';
export { Conv1d, ConvTranspose2d, type Conv1dOptions, type ConvTranspose2dOptions } from './layers-conv.js';
export { MaxPool1d, type MaxPool1dOptions } from './layers-pool1d.js';
export { GroupNorm, type GroupNormOptions } from './layers-group-norm.js';
export { Dropout1d, Dropout2d } from './layers-dropout.js';
export { L1Loss, SmoothL1Loss, BCELoss, BCEWithLogitsLoss, KLDivLoss, type BCEWithLogitsLossOptions } from './layers-loss-more.js';
export { RNNBase, LSTM, GRU, type RNNOptions, type RNNMode } from './layers-rnn.js';
export { RNN, type ElmanRNNOptions } from './layers-rnn-elman.js';
export { functional } from '../functional/index.js';
