/**
 * The `mx.nd` operators Gluon's layers call through `F` (MXNet 1.9's operator names and
 * keyword arguments: `FullyConnected`, `Convolution`, `Pooling`, `BatchNorm`, `LayerNorm`,
 * `Embedding`, `Dropout`, `Activation`, `Flatten`, …), computed with core's tensor ops so they
 * are differentiable while `autograd.record` is on.
 */
import {
  Tensor, ValueError, allocHostArray, avg_pool2d, conv2d, dropoutMask, max_pool2d, no_grad,
} from '@nncompat/core';
import { is_training, runOp } from '../autograd/state.js';
import { MXNetError } from '../errors.js';
import { NDArray } from './ndarray.js';

function ctxOf(...xs: (NDArray | null | undefined)[]): NDArray {
  const first = xs.find((x) => x instanceof NDArray);
  if (!first) throw new TypeError('expected at least one NDArray input');
  return first;
}

function need(x: unknown, what: string): NDArray {
  if (!(x instanceof NDArray)) throw new TypeError(`'${what}' must be an NDArray, got ${x === null ? 'None' : typeof x}`);
  return x;
}

function tuple2(v: number | readonly number[] | undefined, dflt: number): [number, number] {
  if (v === undefined) return [dflt, dflt];
  if (typeof v === 'number') return [v, v];
  if (v.length === 0) return [dflt, dflt];
  if (v.length !== 2) throw new MXNetError(`expected 2 values for a 2-D operator, got (${v.join(', ')})`);
  return [v[0]!, v[1]!];
}

/** Keyword arguments of `FullyConnected`. */
export interface FullyConnectedOptions {
  num_hidden: number;
  no_bias?: boolean;
  flatten?: boolean;
  name?: string;
}

/**
 * `nd.FullyConnected(data, weight, bias, num_hidden, no_bias=False, flatten=True)`:
 * `dot(data, weight.T) + bias`; with `flatten` the data is reshaped to `(N, -1)` first,
 * otherwise the last axis is transformed.
 *
 * @example
 * ```ts
 * mx.nd.FullyConnected(x, w, b, { num_hidden: 10 });
 * ```
 */
export function FullyConnected(data: NDArray, weight: NDArray, bias: NDArray | null, opts: FullyConnectedOptions): NDArray {
  need(data, 'data');
  need(weight, 'weight');
  const noBias = opts.no_bias ?? false;
  const flatten = opts.flatten ?? true;
  if (weight.shape[0] !== opts.num_hidden) {
    throw new MXNetError(`Shape inconsistent, Provided = [${weight.shape.join(',')}], inferred shape=(${opts.num_hidden},${weight.shape[1]})`);
  }
  return runOp(() => {
    const x = data._in();
    const w = weight._in();
    const inUnits = w.shape[1]!;
    const lead = flatten ? [x.shape[0] ?? 1] : x.shape.slice(0, -1);
    const x2 = x.reshape([-1, flatten ? x.numel() / Math.max(1, x.shape[0] ?? 1) : x.shape[x.dim() - 1]!]);
    if (x2.shape[1] !== inUnits) {
      throw new MXNetError(
        `Shape inconsistent, Provided = [${w.shape.join(',')}], inferred shape=(${opts.num_hidden},${x2.shape[1]})`,
      );
    }
    let y = x2.matmul(w.t());
    if (!noBias && bias) y = y.add(bias._in());
    return data._wrap(y.reshape([...lead, opts.num_hidden]));
  });
}

/** Keyword arguments of `Convolution` (2-D, NCHW). */
export interface ConvolutionOptions {
  kernel: readonly number[];
  stride?: readonly number[];
  dilate?: readonly number[];
  pad?: readonly number[];
  num_filter: number;
  num_group?: number;
  no_bias?: boolean;
  layout?: string | null;
  name?: string;
}

/** `nd.Convolution(data, weight, bias, kernel, stride, dilate, pad, num_filter, num_group, no_bias, layout)` for 2-D NCHW. */
export function Convolution(data: NDArray, weight: NDArray, bias: NDArray | null, opts: ConvolutionOptions): NDArray {
  need(data, 'data');
  need(weight, 'weight');
  if (opts.layout && opts.layout !== 'NCHW') throw new MXNetError(`Convolution: only layout 'NCHW' is supported here, got '${opts.layout}'`);
  if (opts.kernel.length !== 2) throw new MXNetError(`Convolution: only 2-D kernels are supported here, got kernel=(${opts.kernel.join(', ')})`);
  return runOp(() => {
    const b = !(opts.no_bias ?? false) && bias ? bias._in() : null;
    const y = conv2d(data._in(), weight._in(), b, {
      stride: tuple2(opts.stride, 1), padding: tuple2(opts.pad, 0), dilation: tuple2(opts.dilate, 1), groups: opts.num_group ?? 1,
    });
    return data._wrap(y);
  });
}

/** Keyword arguments of `Pooling` (2-D, NCHW). */
export interface PoolingOptions {
  kernel?: readonly number[];
  stride?: readonly number[];
  pad?: readonly number[];
  pool_type?: 'max' | 'avg';
  global_pool?: boolean;
  pooling_convention?: 'valid' | 'full';
  count_include_pad?: boolean;
  layout?: string | null;
  name?: string;
}

/** `nd.Pooling(data, kernel, pool_type, global_pool, pooling_convention, stride, pad, layout)` for 2-D NCHW. */
export function Pooling(data: NDArray, opts: PoolingOptions = {}): NDArray {
  need(data, 'data');
  if (opts.layout && opts.layout !== 'NCHW') throw new MXNetError(`Pooling: only layout 'NCHW' is supported here, got '${opts.layout}'`);
  if (data.ndim !== 4) throw new MXNetError(`Pooling: expected a 4-D NCHW input, got shape (${data.shape.join(', ')})`);
  const global = opts.global_pool ?? false;
  const kernel = global ? [data.shape[2]!, data.shape[3]!] : tuple2(opts.kernel, 1);
  const stride = global ? [1, 1] : tuple2(opts.stride, 1);
  const pad = global ? [0, 0] : tuple2(opts.pad, 0);
  const ceil = (opts.pooling_convention ?? 'valid') === 'full';
  const type = opts.pool_type ?? 'max';
  return runOp(() => {
    const x = data._in();
    const y = type === 'max'
      ? (max_pool2d(x, kernel, { stride, padding: pad, ceil_mode: ceil }) as Tensor)
      : type === 'avg'
        ? avg_pool2d(x, kernel, { stride, padding: pad, ceil_mode: ceil, count_include_pad: opts.count_include_pad ?? true })
        : (() => { throw new MXNetError(`Pooling: pool_type '${String(type)}' is not supported here (max, avg)`); })();
    return data._wrap(y);
  });
}

/** Keyword arguments of `BatchNorm`. */
export interface BatchNormOptions {
  axis?: number;
  eps?: number;
  momentum?: number;
  fix_gamma?: boolean;
  use_global_stats?: boolean;
  name?: string;
}

function channelView(v: Tensor, ndim: number, axis: number): Tensor {
  return v.reshape(Array.from({ length: ndim }, (_, i) => (i === axis ? -1 : 1)));
}

/**
 * `nd.BatchNorm(data, gamma, beta, moving_mean, moving_var, eps=1e-3, momentum=0.9,
 * fix_gamma=True, use_global_stats=False, axis=1)`. In training mode (`autograd.is_training()`)
 * without `use_global_stats` it normalises with the batch statistics (biased variance) and
 * updates the moving statistics in place: `moving = moving * momentum + batch * (1 - momentum)`.
 */
export function BatchNorm(data: NDArray, gamma: NDArray, beta: NDArray, moving_mean: NDArray, moving_var: NDArray, opts: BatchNormOptions = {}): NDArray {
  need(data, 'data');
  const eps = opts.eps ?? 1e-3;
  const momentum = opts.momentum ?? 0.9;
  const fixGamma = opts.fix_gamma ?? true;
  const nd = data.ndim;
  const axis = (opts.axis ?? 1) < 0 ? (opts.axis ?? 1) + nd : (opts.axis ?? 1);
  if (axis < 0 || axis >= nd) throw new MXNetError(`Check failed: axis < ndim: Channel axis out of range: ${opts.axis}`);
  const train = is_training() && !(opts.use_global_stats ?? false);
  return runOp(() => {
    const x = data._in();
    const dims = x.shape.map((_, i) => i).filter((i) => i !== axis);
    let mean: Tensor;
    let varB: Tensor;
    if (train) {
      mean = x.mean(dims, true);
      const dev = x.sub(mean);
      varB = dev.mul(dev).mean(dims, true);
      const m = mean.detach().reshape([-1]);
      const v = varB.detach().reshape([-1]);
      no_grad(() => {
        moving_mean._tensor = moving_mean._tensor.mul(momentum).add(m.to(moving_mean._tensor.dtype).mul(1 - momentum));
        moving_var._tensor = moving_var._tensor.mul(momentum).add(v.to(moving_var._tensor.dtype).mul(1 - momentum));
      });
    } else {
      mean = channelView(moving_mean._tensor, nd, axis);
      varB = channelView(moving_var._tensor, nd, axis);
    }
    let y = x.sub(mean).mul(varB.add(eps).rsqrt());
    if (!fixGamma) y = y.mul(channelView(gamma._in(), nd, axis));
    y = y.add(channelView(beta._in(), nd, axis));
    return data._wrap(y);
  });
}

/** Keyword arguments of `LayerNorm`. */
export interface LayerNormOptions {
  axis?: number;
  eps?: number;
  name?: string;
}

/** `nd.LayerNorm(data, gamma, beta, axis=-1, eps=1e-5)`: normalises along one axis. */
export function LayerNorm(data: NDArray, gamma: NDArray, beta: NDArray, opts: LayerNormOptions = {}): NDArray {
  need(data, 'data');
  const nd = data.ndim;
  const axis = (opts.axis ?? -1) < 0 ? (opts.axis ?? -1) + nd : (opts.axis ?? -1);
  if (axis < 0 || axis >= nd) throw new MXNetError(`Check failed: axis < ndim: Channel axis out of range: ${opts.axis ?? -1}`);
  return runOp(() => {
    const x = data._in();
    const mean = x.mean([axis], true);
    const dev = x.sub(mean);
    const v = dev.mul(dev).mean([axis], true);
    const y = dev.mul(v.add(opts.eps ?? 1e-5).rsqrt()).mul(channelView(gamma._in(), nd, axis)).add(channelView(beta._in(), nd, axis));
    return data._wrap(y);
  });
}

/** Keyword arguments of `Embedding`. */
export interface EmbeddingOptions {
  input_dim: number;
  output_dim: number;
  dtype?: string;
  sparse_grad?: boolean;
  name?: string;
}

/**
 * `nd.Embedding(data, weight, input_dim, output_dim)`: rows of `weight` picked by the (float)
 * indices in `data`, clipped to `[0, input_dim - 1]` as MXNet's `take` does.
 */
export function Embedding(data: NDArray, weight: NDArray, opts: EmbeddingOptions): NDArray {
  need(data, 'data');
  need(weight, 'weight');
  if (weight.shape[0] !== opts.input_dim || weight.shape[1] !== opts.output_dim) {
    throw new MXNetError(`Shape inconsistent, Provided = [${weight.shape.join(',')}], inferred shape=(${opts.input_dim},${opts.output_dim})`);
  }
  const idx = Float64Array.from(data.tensor().dataSync() as ArrayLike<number>, (v) => Math.min(Math.max(Math.trunc(v), 0), opts.input_dim - 1));
  return runOp(() => {
    const rows = weight._in().index_select(0, Tensor.fromHost(idx, [idx.length], 'int64'));
    return data._wrap(rows.reshape([...data.shape, opts.output_dim]));
  });
}

/** Keyword arguments of `Dropout`. */
export interface DropoutOptions {
  p?: number;
  axes?: readonly number[];
  mode?: 'training' | 'always';
  name?: string;
  cudnn_off?: boolean;
}

/**
 * `nd.Dropout(data, p=0.5, mode='training', axes=())`: zeroes elements with probability `p`
 * and scales the rest by `1/(1-p)` in training mode (a mask shared along `axes`); identity
 * otherwise. Masks come from core's generator (`mx.random.seed` is not MXNet's stream).
 */
export function Dropout(data: NDArray, opts: DropoutOptions = {}): NDArray {
  need(data, 'data');
  const p = opts.p ?? 0.5;
  if (!(p >= 0 && p <= 1)) throw new ValueError(`Dropout: p must be in [0, 1], got ${p}`);
  const active = (opts.mode ?? 'training') === 'always' || is_training();
  if (!active || p === 0) return identity(data);
  const axes = (opts.axes ?? []).map((a) => (a < 0 ? a + data.ndim : a));
  const maskShape = data.shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const dtype = data.tensor().dtype;
  const n = maskShape.reduce((a, b) => a * b, 1);
  const mask = Tensor.fromHost(dropoutMask(allocHostArray(dtype, n), dtype, p), maskShape, dtype);
  return runOp(() => data._wrap(data._in().mul(mask)));
}

/** The activations `Activation(act_type=…)` accepts. */
export type ActType = 'relu' | 'sigmoid' | 'tanh' | 'softrelu' | 'softsign';

/** `nd.Activation(data, act_type)`. */
export function Activation(data: NDArray, opts: { act_type: ActType; name?: string }): NDArray {
  need(data, 'data');
  const f = ACTS[opts.act_type];
  if (!f) {
    throw new MXNetError(
      `Invalid Input: '${String(opts.act_type)}', valid values are: {'relu', 'sigmoid', 'softrelu', 'softsign', 'tanh'}, in operator Activation(name="", act_type="${String(opts.act_type)}")`,
    );
  }
  return runOp(() => data._wrap(f(data._in())));
}

const ACTS: Record<ActType, (t: Tensor) => Tensor> = {
  relu: (t) => t.relu(),
  sigmoid: (t) => t.sigmoid(),
  tanh: (t) => t.tanh(),
  softrelu: (t) => t.softplus(),
  softsign: (t) => t.div(t.abs().add(1)),
};

/** `nd.relu(data)`. */
export function relu(data: NDArray): NDArray {
  return Activation(data, { act_type: 'relu' });
}
/** `nd.sigmoid(data)`. */
export function sigmoid(data: NDArray): NDArray {
  return Activation(data, { act_type: 'sigmoid' });
}
/** `nd.tanh(data)`. */
export function tanh(data: NDArray): NDArray {
  return Activation(data, { act_type: 'tanh' });
}

/** `nd.softmax(data, axis=-1)`. */
export function softmax(data: NDArray, opts: { axis?: number } = {}): NDArray {
  need(data, 'data');
  return runOp(() => data._wrap(data._in().softmax(opts.axis ?? -1)));
}

/** `nd.log_softmax(data, axis=-1)`. */
export function log_softmax(data: NDArray, opts: { axis?: number } = {}): NDArray {
  need(data, 'data');
  return runOp(() => data._wrap(data._in().log_softmax(opts.axis ?? -1)));
}

/** `nd.Flatten(data)` / `nd.flatten(data)`: `(N, ...)` → `(N, prod(...))`. */
export function Flatten(data: NDArray): NDArray {
  need(data, 'data');
  return data.flatten();
}
export { Flatten as flatten };

/** `nd.identity(data)`: a copy that stays in the graph. */
export function identity(data: NDArray): NDArray {
  need(data, 'data');
  return runOp(() => data._wrap(data._in().clone()));
}

/** `nd.dot(lhs, rhs)` for 1-D/2-D operands. */
export function dot(lhs: NDArray, rhs: NDArray): NDArray {
  need(lhs, 'lhs');
  need(rhs, 'rhs');
  return runOp(() => lhs._wrap(lhs._in().matmul(rhs._in())));
}

/** `nd.add(lhs, rhs)` (broadcasting). */
export function add(lhs: NDArray | number, rhs: NDArray | number): NDArray {
  return lhs instanceof NDArray ? lhs.add(rhs) : ctxOf(rhs as NDArray).add(lhs);
}
/** `nd.subtract(lhs, rhs)` (broadcasting). */
export function subtract(lhs: NDArray | number, rhs: NDArray | number): NDArray {
  return lhs instanceof NDArray ? lhs.sub(rhs) : (rhs as NDArray).neg().add(lhs);
}
/** `nd.multiply(lhs, rhs)` (broadcasting). */
export function multiply(lhs: NDArray | number, rhs: NDArray | number): NDArray {
  return lhs instanceof NDArray ? lhs.mul(rhs) : ctxOf(rhs as NDArray).mul(lhs);
}
/** `nd.square(data)`. */
export function square(data: NDArray): NDArray {
  return need(data, 'data').square();
}
/** `nd.sum(data, axis=None, keepdims=False)`. */
export function sum(data: NDArray, opts: { axis?: number | readonly number[] | null; keepdims?: boolean } = {}): NDArray {
  return need(data, 'data').sum(opts.axis ?? null, opts.keepdims ?? false);
}
/** `nd.mean(data, axis=None, keepdims=False)`. */
export function mean(data: NDArray, opts: { axis?: number | readonly number[] | null; keepdims?: boolean } = {}): NDArray {
  return need(data, 'data').mean(opts.axis ?? null, opts.keepdims ?? false);
}
