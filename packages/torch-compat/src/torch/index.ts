/**
 * The `torch` namespace functions (PyTorch 2.1 names): factories, random draws on the
 * PyTorch-exact generator, grad modes, joins, comparisons, dtypes, `Size` and `device`.
 *
 * @example
 * import * as torch from '@nncompat/torch-compat';
 * torch.manual_seed(0);
 * const x = torch.randn(2, 3);           // PyTorch's values for seed 0
 * String(new torch.Size(x.shape));       // 'torch.Size([2, 3])'
 * String(torch.float32);                 // 'torch.float32'
 */
export {
  Tensor, tensor, zeros, ones, full, empty, eye, arange, linspace, zeros_like, ones_like, full_like, empty_like,
  rand, randn, randint, randperm, rand_like, randn_like, bernoulli,
  manual_seed, initial_seed, seed, get_rng_state, set_rng_state, Generator, defaultGenerator as default_generator,
  no_grad, enable_grad, is_grad_enabled, set_grad_enabled, cat, stack, where,
  DType as dtype, getDefaultDtype as get_default_dtype, setDefaultDtype as set_default_dtype,
  float32, float64, float16, bfloat16, int8, uint8, int16, int32, int64, bool,
  MemoryFormat as memory_format, contiguous_format, channels_last, channels_last_3d, preserve_format, randint_like,
} from '@nncompat/core';
export {
  float32 as float, float64 as double, float16 as half, int16 as short, int32 as int, int64 as long,
} from '@nncompat/core';
export { Size } from './size.js';
export { device } from './device.js';
export { allclose, isclose, is_tensor, numel, type CloseOptions } from './functions.js';
export * from './unary.js';
export * from './binary.js';
export * from './compare.js';
export * from './clamp.js';
export * from './reduction.js';
export * from './shape.js';
export * from './indexing.js';
export * from './linalg.js';
export * from './activation.js';
export * from './inplace.js';
export * from './nn.js';
export * from './loss.js';
export * from './sorting.js';
export * from './scan.js';
export * from './flip.js';
export * from './repeat.js';
export * from './broadcast.js';
export * from './matrix.js';
export * from './select.js';
export * from './scatter.js';
export * from './classify.js';
export * from './trig.js';
export * from './special.js';
export * from './binary_extra.js';
export * from './numeric.js';
export * from './ternary.js';
export * from './norm.js';
export { atleast_1d, atleast_2d, atleast_3d } from './atleast.js';
export * from './join.js';
export * from './tensor_split.js';
export * from './moments.js';
export * from './dtypes.js';
export * from './meshgrid.js';
export * from './inplace_extra.js';
export type { OutOption } from './args.js';
