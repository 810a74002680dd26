/**
 * Random tensors and in-place random fills, drawing from PyTorch-exact generators
 * (`random/`): the same seed gives the same values as PyTorch's CPU generator.
 */
import { allocHostArray, type DType, type DTypeName, getDefaultDtype, int64, toDType } from '../dtype.js';
import { RuntimeError } from '../errors.js';
import { Assign } from '../kernels/names.js';
import { numelOf } from '../shape.js';
import { runKernel } from '../tensor/dispatch.js';
import { denseOrder, preservedStrides } from '../tensor/layout.js';
import { type MemoryFormat, memoryFormatArg, preserve_format } from '../tensor/memory-format.js';
import { Tensor } from '../tensor/tensor.js';
import { defaultGenerator, type Generator } from '../random/generator.js';
import { uniformFill } from '../random/uniform.js';
import { normalFill } from '../random/normal.js';
import { randomFromToFill } from '../random/randint.js';
import { randperm as randpermHost } from '../random/randperm.js';
import { bernoulliFill } from '../random/bernoulli.js';
import { empty_like, type FactoryOptions, parseSizeArgs } from './creation.js';

/** Factory options plus an explicit generator, as PyTorch's `generator=` keyword. */
export interface RandomOptions extends FactoryOptions {
  generator?: Generator | null;
}

declare module '../tensor/tensor.js' {
  interface Tensor {
    /** `tensor.uniform_(from=0, to=1, *, generator=None)`. */
    uniform_(from?: number, to?: number, opts?: { generator?: Generator | null }): this;
    /** `tensor.normal_(mean=0, std=1, *, generator=None)`. */
    normal_(mean?: number, std?: number, opts?: { generator?: Generator | null }): this;
    /** `tensor.bernoulli_(p=0.5, *, generator=None)` with a float or tensor of probabilities. */
    bernoulli_(p?: number | Tensor, opts?: { generator?: Generator | null }): this;
    /** `tensor.random_(from, to)`: integers in [from, to). */
    random_(from: number, to: number, opts?: { generator?: Generator | null }): this;
  }
}

/**
 * Writes a host array of draws into `t` in the order ATen's serial kernels visit it: a
 * TensorIterator over `t` alone walks a dense tensor in memory order and any other in its
 * strides' order (so a channels_last or transposed tensor gets the draws a contiguous one
 * would, in storage order).
 */
function writeHost(t: Tensor, host: ReturnType<typeof allocHostArray>): void {
  const order = t.numel() === 0 ? null : denseOrder(t.shape, preservedStrides(t.shape, t._strides));
  const dst = order === null ? t : new Tensor(t._storage, order.map((d) => t.shape[d]!), order.map((d) => t._strides[d]!), t._offset);
  const src = Tensor.fromHost(host, dst.shape, t.dtype, t.backend);
  runKernel(Assign, { dst, src }, {});
  t._storage.version++;
}

const P = Tensor.prototype;

P.uniform_ = function (from = 0, to = 1, opts) {
  const host = uniformFill(allocHostArray(this.dtype, this.numel()), this.dtype, from, to, opts?.generator ?? defaultGenerator);
  writeHost(this, host);
  return this;
};
P.normal_ = function (mean = 0, std = 1, opts) {
  const host = normalFill(allocHostArray(this.dtype, this.numel()), this.dtype, mean, std, opts?.generator ?? defaultGenerator, {
    contiguous: this.is_contiguous(),
  });
  writeHost(this, host);
  return this;
};
P.bernoulli_ = function (p = 0.5, opts) {
  const gen = opts?.generator ?? defaultGenerator;
  const probs = p instanceof Tensor ? { data: p.expand(this.shape).contiguous().dataSync(), dtype: p.dtype } : p;
  const host = bernoulliFill(allocHostArray(this.dtype, this.numel()), this.dtype, probs, gen);
  writeHost(this, host);
  return this;
};
P.random_ = function (from, to, opts) {
  const host = randomFromToFill(allocHostArray(this.dtype, this.numel()), this.dtype, from, to, opts?.generator ?? defaultGenerator);
  writeHost(this, host);
  return this;
};

function sized(args: readonly unknown[]): { shape: number[]; opts: RandomOptions | undefined } {
  return parseSizeArgs(args) as { shape: number[]; opts: RandomOptions | undefined };
}
function floatDtype(opts: RandomOptions | undefined): DType {
  return opts?.dtype ? toDType(opts.dtype) : getDefaultDtype();
}
function finish(host: ReturnType<typeof allocHostArray>, shape: number[], dtype: DType, opts: RandomOptions | undefined): Tensor {
  const t = Tensor.fromHost(host, shape, dtype, opts?.device);
  if (opts?.requires_grad) t._setRequiresGrad(true, 'Only Tensors of floating point and complex dtype can require gradients');
  return t;
}

/** `torch.rand(*size, generator=None, dtype=None, device=None, requires_grad=False)`. */
export function rand(...args: (number | readonly number[] | RandomOptions)[]): Tensor {
  const { shape, opts } = sized(args);
  const dtype = floatDtype(opts);
  return finish(uniformFill(allocHostArray(dtype, numelOf(shape)), dtype, 0, 1, opts?.generator ?? defaultGenerator), shape, dtype, opts);
}
/** `torch.randn(*size, ...)`. */
export function randn(...args: (number | readonly number[] | RandomOptions)[]): Tensor {
  const { shape, opts } = sized(args);
  const dtype = floatDtype(opts);
  return finish(normalFill(allocHostArray(dtype, numelOf(shape)), dtype, 0, 1, opts?.generator ?? defaultGenerator), shape, dtype, opts);
}
/** `torch.randint(low=0, high, size, ...)`: `randint(high, size)` or `randint(low, high, size)`. */
export function randint(lowOrHigh: number, highOrSize: number | readonly number[], sizeOrOpts?: readonly number[] | RandomOptions, opts?: RandomOptions): Tensor {
  let low = 0;
  let high: number;
  let size: readonly number[];
  let o = opts;
  if (typeof highOrSize === 'number') {
    low = lowOrHigh;
    high = highOrSize;
    if (!Array.isArray(sizeOrOpts)) throw new TypeError("randint(): argument 'size' must be a list of ints");
    size = sizeOrOpts as readonly number[];
  } else {
    high = lowOrHigh;
    size = highOrSize;
    o = sizeOrOpts as RandomOptions | undefined;
  }
  const dtype = o?.dtype ? toDType(o.dtype) : int64;
  const shape = [...size];
  return finish(randomFromToFill(allocHostArray(dtype, numelOf(shape)), dtype, low, high, o?.generator ?? defaultGenerator), shape, dtype, o);
}
/** `torch.randperm(n, ...)`: int64 by default. */
export function randperm(n: number, opts?: RandomOptions): Tensor {
  if (!Number.isInteger(n) || n < 0) throw new RuntimeError(`n must be non-negative, got${n}`);
  const dtype = opts?.dtype ? toDType(opts.dtype) : int64;
  const perm = randpermHost(n, opts?.generator ?? defaultGenerator);
  const host = allocHostArray(dtype, n);
  for (let i = 0; i < n; i++) host[i] = perm[i]!;
  return finish(host, [n], dtype, opts);
}
/** `torch.bernoulli(probs, generator=None)`. */
export function bernoulli(probs: Tensor, opts?: { generator?: Generator | null }): Tensor {
  const out = Tensor.fromHost(allocHostArray(probs.dtype, probs.numel()), probs.shape, probs.dtype, probs.backend);
  return out.bernoulli_(probs, opts);
}
/** Options of the random `*_like` factories (PyTorch's keywords). */
export interface RandomLikeOptions extends RandomOptions {
  /** Default preserve_format: a dense input's strides are kept; draws fill it in memory order. */
  memory_format?: MemoryFormat | null;
}

/** `empty_like(t, opts)` then an in-place fill, as ATen builds the random `*_like` factories. */
function drawnLike(fn: string, t: Tensor, opts: RandomLikeOptions | undefined, fill: (e: Tensor, gen: Generator) => void): Tensor {
  const memory_format = memoryFormatArg(opts?.memory_format, fn, preserve_format);
  const e = empty_like(t, { dtype: opts?.dtype ?? t.dtype, device: opts?.device ?? t.backend, memory_format });
  fill(e, opts?.generator ?? defaultGenerator);
  if (opts?.requires_grad) e._setRequiresGrad(true, 'Only Tensors of floating point and complex dtype can require gradients');
  return e;
}
/**
 * `torch.rand_like(input, {dtype, device, requires_grad, memory_format, generator})`.
 *
 * @example
 * rand_like(x); // x's shape, dtype and layout
 */
export function rand_like(t: Tensor, opts?: RandomLikeOptions): Tensor {
  return drawnLike('rand_like', t, opts, (e, generator) => e.uniform_(0, 1, { generator }));
}
/**
 * `torch.randn_like(input, {dtype, device, requires_grad, memory_format, generator})`.
 *
 * @example
 * randn_like(x, { dtype: 'float64' });
 */
export function randn_like(t: Tensor, opts?: RandomLikeOptions): Tensor {
  return drawnLike('randn_like', t, opts, (e, generator) => e.normal_(0, 1, { generator }));
}
/**
 * `torch.randint_like(input, low=0, high, {dtype, device, requires_grad, memory_format, generator})`:
 * integers in [low, high) shaped like input, in input's dtype by default.
 *
 * @example
 * randint_like(x, 10);      // [0, 10)
 * randint_like(x, -3, 3);   // [-3, 3)
 */
export function randint_like(t: Tensor, lowOrHigh: number, high?: number | RandomLikeOptions, opts?: RandomLikeOptions): Tensor {
  const hasLow = typeof high === 'number';
  const o = hasLow ? opts : (high as RandomLikeOptions | undefined);
  const lo = hasLow ? lowOrHigh : 0;
  const hi = hasLow ? (high as number) : lowOrHigh;
  return drawnLike('randint_like', t, o, (e, generator) => e.random_(lo, hi, { generator }));
}
export type { DTypeName };
