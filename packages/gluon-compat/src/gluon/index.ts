/** `mx.gluon`: Parameter, Constant, ParameterDict (Block, nn and Trainer are not implemented yet). */
export { Parameter, shape_is_known, type ParameterOptions, type ParameterInitializeOptions, type GradReq, type SType, type ContextLike } from './parameter.js';
export { Constant } from './constant.js';
export { ParameterDict, type ParameterDictInitializeOptions, type ParameterDictLoadOptions, type ParamDictLike } from './parameter-dict.js';
export { DeferredInitializationError } from './errors.js';
