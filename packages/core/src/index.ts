/**
 * @nncompat/core: tensors, dtypes, autograd, the kernel SPI and backend registry, and the
 * reference CPU backend. Framework surfaces (torch, oneflow, gluon) are built on top of it.
 *
 * @example
 * import { tensor } from '@nncompat/core';
 * const x = tensor([[1, 2], [3, 4]], { dtype: 'float32', requires_grad: true });
 * x.mul(x).sum().backward();
 * x.grad!.tolist(); // [[2, 4], [6, 8]]
 */
export * from './dtype.js';
export * from './errors.js';
export * from './half.js';
export * from './shape.js';
export * from './backend/types.js';
export * from './backend/registry.js';
export * as kernels from './kernels/names.js';
export { Tensor, keep, resolveBackend } from './tensor/tensor.js';
export {
  MemoryFormat, type MemoryFormatName, contiguous_format, channels_last, channels_last_3d, preserve_format,
} from './tensor/memory-format.js';
export {
  isChannelsLastContiguous, isNonOverlappingAndDense, suggestMemoryFormat, inferDenseStrides, stridesForFormat,
} from './tensor/layout.js';
export { iteratorOutputStrides } from './tensor/iterator-layout.js';
export type { TensorToOptions } from './ops/to.js';
export { Storage, memory, trackMemory } from './tensor/storage.js';
export { tidy } from './tensor/scope.js';
export { runKernel, fallbackLog, deviceName, REFERENCE_BACKEND } from './tensor/dispatch.js';
export { Node, FunctionNode, AccumulateGrad, SavedTensor } from './autograd/node.js';
export type { Edge, NodePreHook, NodePostHook, TensorGradHook } from './autograd/node.js';
export { no_grad, enable_grad, is_grad_enabled, set_grad_enabled } from './autograd/grad_mode.js';
export { record, save, needsGrad } from './autograd/function.js';
export { RemovableHandle } from './utils/hooks.js';
export { erf, erfc } from './math/erf.js';

import './ops/views.js';
import './ops/elementwise.js';
import './ops/reduce.js';
import './ops/linalg.js';
import './ops/indexing.js';
import './ops/nn.js';
import './ops/inplace.js';
import './ops/autograd_api.js';
import './backends/reference/index.js';

export * from './ops/creation.js';
export { where, promoteOperands, type TensorOrScalar } from './ops/elementwise.js';
export { hardtanh } from './ops/hardtanh.js';
export { sumToShape } from './ops/views.js';
export { normalizeAxes, scalarTypeName, type DimArg } from './ops/reduce.js';
export { cat, stack } from './ops/indexing.js';
export { addmm } from './ops/linalg.js';
export { conv2d, conv_transpose2d, max_pool2d, avg_pool2d, pair, poolOutSize } from './ops/nn.js';
export type { Conv2dOptions, ConvTranspose2dOptions, Pool2dOptions, AvgPool2dOptions } from './ops/nn.js';
export { grad, type GradOptions, type NestedList } from './ops/autograd_api.js';
export { moveTo } from './ops/move.js';
export { ReferenceBackend, REFERENCE } from './backends/reference/index.js';
export { HostArrayBackend } from './backends/host-backend.js';
import './ops/random.js';
export {
  rand, randn, randint, randperm, bernoulli, rand_like, randn_like, randint_like, type RandomOptions, type RandomLikeOptions,
} from './ops/random.js';
export {
  Generator, defaultGenerator, manual_seed, initial_seed, seed, get_rng_state, set_rng_state,
  uniformFill, normalFill, randomFromToFill, bernoulliFill, dropoutMask,
} from './random/index.js';
export * as random from './random/index.js';
export * from './nn/index.js';
export * as zip from './serialization/zip/index.js';
export * as pickle from './serialization/pickle/index.js';
export { OrderedDict } from './serialization/pickle/ordered-dict.js';
export * as safetensors from './serialization/safetensors/index.js';
export { SafetensorError } from './serialization/safetensors/index.js';
export { ZipFormatError } from './serialization/zip/index.js';
export { kernelCoverage, type BackendCoverage } from './backend/coverage.js';
export { validationRead, inValidationRead } from './backend/validation-read.js';
export { nodeFs, nodePath } from './utils/node.js';
export { noteHostConstantChange, hostConstantEpoch } from './utils/host-constants.js';
