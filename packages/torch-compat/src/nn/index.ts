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
export * as functional from '../functional/index.js';
export * as init from '../init/index.js';
export * as utils from './utils/index.js';
export { ParameterDict, ParameterDictImpl, type ParameterDictInput } from './modules/container/parameter-dict.js';
export { ParameterList } from './modules/container/parameter-list.js';
export { ModuleDict, ModuleDictImpl } from './modules/container/module-dict.js';
export { ModuleList } from './modules/container/module-list.js';
export { Sequential } from './modules/container/sequential.js';
export { Linear, LazyLinear, type FactoryKwargs } from './modules/linear.js';

// layers (issue 4)
export { Identity, Bilinear, type BilinearKw } from './modules/linear-extra.js';
export { Flatten, Unflatten, type FlattenKw } from './modules/flatten.js';
export { ConvNd as _ConvNd, Conv1d, Conv2d, ConvTranspose2d, type ConvKw, type ConvTransposeKw } from './modules/conv.js';
export { MaxPool1d, MaxPool2d, AvgPool2d, AdaptiveAvgPool2d, type MaxPoolKw, type AvgPoolKw } from './modules/pooling.js';
export { BatchNormBase as _BatchNorm, BatchNorm1d, BatchNorm2d, type BatchNormKw } from './modules/batchnorm.js';
export { LayerNorm, GroupNorm, type LayerNormKw, type GroupNormKw } from './modules/normalization.js';
export { Embedding, type EmbeddingKw, type FromPretrainedKw } from './modules/sparse.js';
export { Dropout, Dropout1d, Dropout2d, type DropoutKw } from './modules/dropout.js';
export {
  ReLU, ReLU6, LeakyReLU, ELU, GELU, SiLU, Mish, Softplus, Sigmoid, Tanh, Hardtanh, Softmax, LogSoftmax,
  type InplaceKw, type HardtanhKw, type LeakyReLUKw, type ELUKw, type GELUKw, type SoftplusKw, type SoftmaxKw,
} from './modules/activation.js';
export { MultiheadAttention, NonDynamicallyQuantizableLinear, type MultiheadAttentionKw, type MultiheadAttentionForwardKw } from './modules/attention.js';
export {
  TransformerEncoderLayer, TransformerEncoder, type Activation, type TransformerEncoderLayerKw, type TransformerEncoderKw,
  type EncoderLayerForwardKw, type EncoderForwardKw,
} from './modules/transformer.js';
export { RNNBase, LSTM, GRU, type RNNKw, type RNNMode } from './modules/rnn.js';
export {
  L1Loss, MSELoss, SmoothL1Loss, NLLLoss, CrossEntropyLoss, BCELoss, BCEWithLogitsLoss, KLDivLoss,
  type LossKw, type SmoothL1LossKw, type NLLLossKw, type CrossEntropyLossKw, type BCELossKw, type BCEWithLogitsLossKw, type KLDivLossKw,
} from './modules/loss.js';
export {
  PReLU, SELU, CELU, LogSigmoid, Softmin, Softsign, Hardswish, Hardsigmoid, Softshrink, Hardshrink, Tanhshrink, Threshold, GLU,
  type PReLUKw, type CELUKw, type SoftminKw, type ShrinkKw, type ThresholdKw, type GLUKw,
} from './modules/activation-extra.js';
export { RNN, type RNNModuleKw } from './modules/rnn-simple.js';
export { RNNCellBase, RNNCell, LSTMCell, GRUCell, type RNNCellKw, type RNNCellModuleKw } from './modules/rnn-cell.js';
export {
  HuberLoss, SoftMarginLoss, MarginRankingLoss, HingeEmbeddingLoss, CosineEmbeddingLoss, TripletMarginLoss, GaussianNLLLoss, PoissonNLLLoss,
  type HuberLossKw, type MarginLossKw, type TripletMarginLossKw, type GaussianNLLLossKw, type PoissonNLLLossKw,
} from './modules/loss-extra.js';
export { PairwiseDistance, CosineSimilarity, type PairwiseDistanceKw, type CosineSimilarityKw } from './modules/distance.js';
export {
  ZeroPad2d, ConstantPad1d, ConstantPad2d, ConstantPad3d, ReflectionPad1d, ReflectionPad2d, ReflectionPad3d,
  ReplicationPad1d, ReplicationPad2d, ReplicationPad3d,
} from './modules/padding.js';
export { PixelShuffle, PixelUnshuffle, Upsample, type UpsampleKw } from './modules/pixelshuffle-upsample.js';
export { AvgPool1d, AdaptiveAvgPool1d, type AvgPool1dKw } from './modules/pooling-1d.js';
export { Dropout3d } from './modules/dropout3d.js';
