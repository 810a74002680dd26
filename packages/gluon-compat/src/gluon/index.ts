/** `mx.gluon`: Parameter, Constant, ParameterDict, Block, HybridBlock, nn, Trainer. */
export { Parameter, shape_is_known, type ParameterOptions, type ParameterInitializeOptions, type GradReq, type SType, type ContextLike } from './parameter.js';
export { Constant } from './constant.js';
export { ParameterDict, type ParameterDictInitializeOptions, type ParameterDictLoadOptions, type ParamDictLike } from './parameter-dict.js';
export { DeferredInitializationError } from './errors.js';
export {
  Block, BlockScope, type BlockOptions, type BlockInitializeOptions, type LoadParametersOptions, type HybridizeOptions,
  type ForwardHook, type ForwardPreHook,
} from './block.js';
export { HybridBlock, type F } from './hybrid-block.js';
export * as nn from './nn/index.js';
export * as utils from './utils-namespace.js';
export { Trainer, type TrainerOptions, type OptimizerParams } from './trainer.js';
