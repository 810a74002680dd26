/** batch_norm, layer_norm and group_norm, composed from core ops (biased variance, as ATen). */
import { no_grad, RuntimeError, type Tensor, ValueError } from '@nncompat/core';
import { checkArg, bindArgs, p, type PyArgs } from './pyargs.js';
import { shapeStr, sizeStr } from './reduction.js';

/** Options of `F.batch_norm`. */
export interface BatchNormOptions {
  weight?: Tensor | null;
  bias?: Tensor | null;
  training?: boolean;
  momentum?: number;
  eps?: number;
}

const BN_PARAMS = [p.optTensor('weight'), p.optTensor('bias'), p.bool('training'), p.float('momentum'), p.float('eps')];
/** weight, bias, eps: the trailing parameters of layer_norm and group_norm. */
const AFFINE_PARAMS = [p.optTensor('weight'), p.optTensor('bias'), p.float('eps')];
type AffinePositional = [weight: Tensor | null, bias: Tensor | null, eps: number];

/** Shape `[1, C, 1, ...]` that broadcasts a per-channel vector over `x`. */
function channelView(v: Tensor, x: Tensor): Tensor {
  const shape = x.shape.map((_, i) => (i === 1 ? -1 : 1));
  return v.reshape(shape);
}

/**
 * `F.batch_norm(input, running_mean, running_var, weight=None, bias=None, training=False,
 * momentum=0.1, eps=1e-05)`. In training mode the batch statistics normalize the input and the
 * running buffers (when given) are updated in place with the unbiased variance.
 *
 * @example
 * F.batch_norm(x, rm, rv, w, b, true);
 * F.batch_norm(x, rm, rv, { weight: w, bias: b, training: true });
 */
export function batch_norm(
  input: Tensor, running_mean: Tensor | null, running_var: Tensor | null,
  ...args: PyArgs<[weight: Tensor | null, bias: Tensor | null, training: boolean, momentum: number, eps: number], BatchNormOptions>
): Tensor {
  checkArg('batch_norm', p.optTensor('running_mean'), 2, running_mean);
  checkArg('batch_norm', p.optTensor('running_var'), 3, running_var);
  const opts = bindArgs<BatchNormOptions>('batch_norm', 3, BN_PARAMS, args);
  const training = opts.training ?? false;
  const momentum = opts.momentum ?? 0.1;
  const eps = opts.eps ?? 1e-5;
  if (input.dim() < 2) throw new ValueError(`expected 2D or 3D input (got ${input.dim()}D input)`);
  if (training) {
    let size = 1;
    for (let i = 0; i < input.dim(); i++) if (i !== 1) size *= input.shape[i]!;
    if (size === 1) throw new ValueError(`Expected more than 1 value per channel when training, got input size ${sizeStr(input.shape)}`);
  }
  const dims = input.shape.map((_, i) => i).filter((i) => i !== 1);
  let mean: Tensor;
  let varB: Tensor;
  if (training || !running_mean || !running_var) {
    mean = input.mean(dims, true);
    const dev = input.sub(mean);
    varB = dev.mul(dev).mean(dims, true);
    if (training && running_mean && running_var) {
      const n = input.numel() / input.shape[1]!;
      const m = mean.detach().reshape(-1);
      const v = varB.detach().reshape(-1).mul(n / Math.max(n - 1, 1));
      no_grad(() => {
        running_mean.mul_(1 - momentum).add_(m.mul(momentum));
        running_var.mul_(1 - momentum).add_(v.mul(momentum));
      });
    }
  } else {
    mean = channelView(running_mean, input);
    varB = channelView(running_var, input);
  }
  let y = input.sub(mean).mul(varB.add(eps).rsqrt());
  if (opts.weight) y = y.mul(channelView(opts.weight, input));
  if (opts.bias) y = y.add(channelView(opts.bias, input));
  return y;
}

/** Options of `F.layer_norm`. */
export interface LayerNormOptions {
  weight?: Tensor | null;
  bias?: Tensor | null;
  eps?: number;
}

/**
 * `F.layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-05)`: normalizes over
 * the last `normalized_shape.length` dims.
 *
 * @example
 * F.layer_norm(x, [16], g, b);
 * F.layer_norm(x, [16], { weight: g, bias: b });
 */
export function layer_norm(input: Tensor, normalized_shape: number | readonly number[], ...args: PyArgs<AffinePositional, LayerNormOptions>): Tensor {
  checkArg('layer_norm', p.ints('normalized_shape'), 2, normalized_shape);
  const opts = bindArgs<LayerNormOptions>('layer_norm', 2, AFFINE_PARAMS, args);
  const ns = typeof normalized_shape === 'number' ? [normalized_shape] : [...normalized_shape];
  const k = ns.length;
  const tail = input.shape.slice(input.dim() - k);
  if (k === 0 || input.dim() < k || tail.some((s, i) => s !== ns[i])) {
    throw new RuntimeError(`Given normalized_shape=${shapeStr(ns)}, expected input with shape [*, ${ns.join(', ')}], but got input of size${shapeStr(input.shape)}`);
  }
  for (const [name, t] of [['weight', opts.weight], ['bias', opts.bias]] as const) {
    if (t && (t.dim() !== k || t.shape.some((s, i) => s !== ns[i]))) {
      throw new RuntimeError(`Expected ${name} to be of same shape as normalized_shape, but got ${name} of shape ${shapeStr(t.shape)} and normalized_shape = ${shapeStr(ns)}`);
    }
  }
  const dims = tail.map((_, i) => input.dim() - k + i);
  const mean = input.mean(dims, true);
  const dev = input.sub(mean);
  const v = dev.mul(dev).mean(dims, true);
  let y = dev.mul(v.add(opts.eps ?? 1e-5).rsqrt());
  if (opts.weight) y = y.mul(opts.weight);
  if (opts.bias) y = y.add(opts.bias);
  return y;
}

/** Options of `F.group_norm`. */
export interface GroupNormOptions {
  weight?: Tensor | null;
  bias?: Tensor | null;
  eps?: number;
}

/**
 * `F.group_norm(input, num_groups, weight=None, bias=None, eps=1e-05)` on `[N, C, *]`.
 *
 * @example
 * F.group_norm(x, 4, g, b, 1e-6);
 * F.group_norm(x, 4, { weight: g, bias: b });
 */
export function group_norm(input: Tensor, num_groups: number, ...args: PyArgs<AffinePositional, GroupNormOptions>): Tensor {
  checkArg('group_norm', p.int('num_groups'), 2, num_groups);
  const opts = bindArgs<GroupNormOptions>('group_norm', 2, AFFINE_PARAMS, args);
  if (input.dim() < 2) throw new RuntimeError(`Expected at least 2 dimensions for input tensor but received ${input.dim()}`);
  const [N, C] = input.shape as [number, number];
  if (C % num_groups !== 0) {
    throw new RuntimeError(`Expected number of channels in input to be divisible by num_groups, but got input of shape ${shapeStr(input.shape)} and num_groups=${num_groups}`);
  }
  const g = input.reshape(N, num_groups, -1);
  const mean = g.mean(2, true);
  const dev = g.sub(mean);
  const v = dev.mul(dev).mean(2, true);
  let y = dev.mul(v.add(opts.eps ?? 1e-5).rsqrt()).reshape(input.shape);
  if (opts.weight) y = y.mul(channelView(opts.weight, input));
  if (opts.bias) y = y.add(channelView(opts.bias, input));
  return y;
}
