/** `mx.gluon.nn`: the layers. */
export { Activation } from './activation.js';
export { Dense, type DenseOptions } from './dense.js';
export { Sequential, HybridSequential } from './sequential.js';
export { Conv2D, type Conv2DOptions } from './conv.js';
export { MaxPool2D, type MaxPool2DOptions } from './pooling.js';
export { BatchNorm, LayerNorm, type BatchNormOptions, type LayerNormOptions } from './normalization.js';
export { Embedding, Dropout, Flatten, type EmbeddingOptions, type DropoutLayerOptions } from './basic.js';
export { Block, type BlockOptions } from '../block.js';
export { HybridBlock } from '../hybrid-block.js';
