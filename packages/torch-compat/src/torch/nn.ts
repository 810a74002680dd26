/**
 * The `torch.*` forms of nn ops (`torch.conv2d`, `torch.batch_norm`, `torch.dropout`, …). They are
 * ATen's signatures, not `torch.nn.functional`'s: every argument is positional
 * (`torch.dropout(input, p, train)`, `torch.embedding(weight, indices)`, `torch.batch_norm(input,
 * weight, bias, running_mean, running_var, training, momentum, eps, cudnn_enabled)`). Each maps
 * onto the `F.*` implementation, so values, gradients and errors are F's.
 */
import { Tensor } from '@nncompat/core';
import * as F from '../functional/index.js';
import type { ConvOptions, ConvTransposeOptions } from '../functional/conv.js';
import type { MaxPoolOptions } from '../functional/pooling.js';

type IntOrList = number | readonly number[];

/** A Tensor, null, or (F's convention, when bias is a keyword) the options object itself. */
type BiasOrOptions<O> = Tensor | null | (O & { bias?: Tensor | null });

/** Positional conv arguments folded into F's options; `undefined` keeps F's default. */
function convOptions<O extends object>(keys: readonly (keyof O)[], values: readonly unknown[]): O {
  const o: Record<string, unknown> = {};
  keys.forEach((k, i) => {
    if (values[i] !== undefined) o[k as string] = values[i];
  });
  return o as O;
}

/**
 * `torch.conv1d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1)`
 * (`padding` may be `'valid'` / `'same'`); options may also be passed as F takes them.
 *
 * @example
 * torch.conv1d(x, w, b, 1, 1);
 * torch.conv1d(x, w, null, 2);
 */
export function conv1d(input: Tensor, weight: Tensor, bias: BiasOrOptions<ConvOptions> = null, stride?: IntOrList, padding?: IntOrList | 'valid' | 'same', dilation?: IntOrList, groups?: number): Tensor {
  if (bias !== null && !(bias instanceof Tensor)) return F.conv1d(input, weight, bias);
  return F.conv1d(input, weight, bias, convOptions<ConvOptions>(['stride', 'padding', 'dilation', 'groups'], [stride, padding, dilation, groups]));
}

/**
 * `torch.conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1)`.
 *
 * @example
 * torch.conv2d(x, w, b, 1, 1);            // 3x3 "same" for stride 1
 * torch.conv2d(x, w, null, [2, 2], 'valid');
 */
export function conv2d(input: Tensor, weight: Tensor, bias: BiasOrOptions<ConvOptions> = null, stride?: IntOrList, padding?: IntOrList | 'valid' | 'same', dilation?: IntOrList, groups?: number): Tensor {
  if (bias !== null && !(bias instanceof Tensor)) return F.conv2d(input, weight, bias);
  return F.conv2d(input, weight, bias, convOptions<ConvOptions>(['stride', 'padding', 'dilation', 'groups'], [stride, padding, dilation, groups]));
}

/**
 * `torch.conv_transpose2d(input, weight, bias=None, stride=1, padding=0, output_padding=0,
 * groups=1, dilation=1)` (note: groups before dilation, as in PyTorch).
 *
 * @example
 * torch.conv_transpose2d(x, w, b, 2, 1, 1);
 */
export function conv_transpose2d(input: Tensor, weight: Tensor, bias: BiasOrOptions<ConvTransposeOptions> = null, stride?: IntOrList, padding?: IntOrList, output_padding?: IntOrList, groups?: number, dilation?: IntOrList): Tensor {
  if (bias !== null && !(bias instanceof Tensor)) return F.conv_transpose2d(input, weight, bias);
  return F.conv_transpose2d(input, weight, bias, convOptions<ConvTransposeOptions>(['stride', 'padding', 'output_padding', 'groups', 'dilation'], [stride, padding, output_padding, groups, dilation]));
}

/** Options of `torch.max_pool1d` / `torch.max_pool2d` (no `return_indices`: that is `max_pool2d_with_indices`). */
export type TorchMaxPoolOptions = Omit<MaxPoolOptions, 'return_indices'>;

function poolOptions(stride: IntOrList | null | TorchMaxPoolOptions | undefined, padding?: IntOrList, dilation?: IntOrList, ceil_mode?: boolean): TorchMaxPoolOptions {
  if (stride !== null && stride !== undefined && typeof stride === 'object' && !Array.isArray(stride)) return stride as TorchMaxPoolOptions;
  // ATen's default stride=[] means "the kernel size".
  const s = stride === undefined || (Array.isArray(stride) && stride.length === 0) ? null : (stride as IntOrList | null);
  return convOptions<TorchMaxPoolOptions>(['stride', 'padding', 'dilation', 'ceil_mode'], [s, padding, dilation, ceil_mode]);
}

/**
 * `torch.max_pool2d(input, kernel_size, stride=[], padding=0, dilation=1, ceil_mode=False)`:
 * the pooled tensor only (an empty/absent stride means the kernel size).
 *
 * @example
 * torch.max_pool2d(x, 2);
 * torch.max_pool2d(x, 3, 2, 1);
 */
export function max_pool2d(input: Tensor, kernel_size: IntOrList, stride?: IntOrList | null | TorchMaxPoolOptions, padding?: IntOrList, dilation?: IntOrList, ceil_mode?: boolean): Tensor {
  return F.max_pool2d(input, kernel_size, { ...poolOptions(stride, padding, dilation, ceil_mode), return_indices: false });
}

/**
 * `torch.max_pool1d(input, kernel_size, stride=[], padding=0, dilation=1, ceil_mode=False)`.
 *
 * @example
 * torch.max_pool1d(x, 2);
 */
export function max_pool1d(input: Tensor, kernel_size: IntOrList, stride?: IntOrList | null | TorchMaxPoolOptions, padding?: IntOrList, dilation?: IntOrList, ceil_mode?: boolean): Tensor {
  return F.max_pool1d(input, kernel_size, { ...poolOptions(stride, padding, dilation, ceil_mode), return_indices: false });
}

/**
 * `torch.batch_norm(input, weight, bias, running_mean, running_var, training, momentum, eps,
 * cudnn_enabled)`: ATen's order and all required (F.batch_norm takes the running stats first).
 * `cudnn_enabled` only picks a CUDA kernel in PyTorch and is ignored.
 *
 * @example
 * torch.batch_norm(x, gamma, beta, runMean, runVar, false, 0.1, 1e-5, true);
 */
export function batch_norm(
  input: Tensor, weight: Tensor | null, bias: Tensor | null, running_mean: Tensor | null, running_var: Tensor | null,
  training: boolean, momentum: number, eps: number, cudnn_enabled?: boolean,
): Tensor {
  void cudnn_enabled;
  return F.batch_norm(input, running_mean, running_var, { weight, bias, training, momentum, eps });
}

/**
 * `torch.layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-05,
 * cudnn_enable=True)` (`cudnn_enable` is ignored).
 *
 * @example
 * torch.layer_norm(x, [16], gamma, beta, 1e-6);
 */
export function layer_norm(input: Tensor, normalized_shape: number | readonly number[], weight: Tensor | null = null, bias: Tensor | null = null, eps = 1e-5, cudnn_enable?: boolean): Tensor {
  void cudnn_enable;
  return F.layer_norm(input, normalized_shape, { weight, bias, eps });
}

/**
 * `torch.group_norm(input, num_groups, weight=None, bias=None, eps=1e-05, cudnn_enabled=True)`.
 *
 * @example
 * torch.group_norm(x, 4, gamma, beta);
 */
export function group_norm(input: Tensor, num_groups: number, weight: Tensor | null = null, bias: Tensor | null = null, eps = 1e-5, cudnn_enabled?: boolean): Tensor {
  void cudnn_enabled;
  return F.group_norm(input, num_groups, { weight, bias, eps });
}

/**
 * `torch.dropout(input, p, train)`: both arguments required and positional (F.dropout's
 * defaults do not apply); the mask is PyTorch's for the same seed.
 *
 * @example
 * torch.manual_seed(0);
 * torch.dropout(x, 0.1, model.training);
 */
export function dropout(input: Tensor, p: number, train: boolean): Tensor {
  return F.dropout(input, { p, training: train });
}

/**
 * `torch.embedding(weight, indices, padding_idx=-1, scale_grad_by_freq=False, sparse=False)`:
 * note `weight` first (F.embedding takes `input` first). A negative `padding_idx` means none,
 * as in ATen; row `padding_idx` gets no gradient.
 *
 * @example
 * torch.embedding(table, torch.tensor([[1, 2], [0, 1]]));
 */
export function embedding(weight: Tensor, indices: Tensor, padding_idx = -1, scale_grad_by_freq = false, sparse = false): Tensor {
  return F.embedding(indices, weight, { padding_idx: padding_idx >= 0 ? padding_idx : null, scale_grad_by_freq, sparse });
}

/**
 * `torch.bilinear(input1, input2, weight, bias=None)`: `x1ᵀ W x2 + b` per output feature.
 *
 * @example
 * torch.bilinear(a, b, w, bias);
 */
export function bilinear(input1: Tensor, input2: Tensor, weight: Tensor, bias: Tensor | null = null): Tensor {
  return F.bilinear(input1, input2, weight, bias);
}

/** `dim`/`eps` of `torch.cosine_similarity` given as keywords. */
export interface CosineSimilarityArgs {
  dim?: number;
  eps?: number;
}

/**
 * `torch.cosine_similarity(x1, x2, dim=1, eps=1e-08)`.
 *
 * @example
 * torch.cosine_similarity(a, b, -1);
 * torch.cosine_similarity(a, b, { dim: 0, eps: 1e-6 });
 */
export function cosine_similarity(x1: Tensor, x2: Tensor, dim: number | CosineSimilarityArgs = 1, eps = 1e-8): Tensor {
  return F.cosine_similarity(x1, x2, typeof dim === 'number' ? { dim, eps } : dim);
}
