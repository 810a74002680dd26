/** `mx.nd`: the NDArray subset Gluon's parameters need, and `.params` save/load. */
export { NDArray, type NDArrayValue } from './ndarray.js';
export { array, zeros, ones, empty, full, zeros_like, ones_like, type CreationOptions, type NestedNumbers, type ShapeLike } from './creation.js';
export { save, load, load_frombuffer, save_tobytes, type SaveData, type LoadResult } from './io.js';
export {
  FullyConnected, Convolution, Pooling, BatchNorm, LayerNorm, Embedding, Dropout, Activation, Flatten, flatten, identity,
  relu, sigmoid, tanh, softmax, log_softmax, dot, add, subtract, multiply, square, sum, mean,
  type FullyConnectedOptions, type ConvolutionOptions, type PoolingOptions, type BatchNormOptions, type LayerNormOptions,
  type EmbeddingOptions, type DropoutOptions, type ActType,
} from './ops.js';
export type { NDArrayGradReq, Operand } from './ndarray.js';
