/**
 * Agreement cases shared by the per-mode agreement tests: native kernels on seeded random
 * inputs with broadcasting and non-contiguous views (transposed, sliced, stepped, expanded,
 * diagonal), NaN, infinities, and a few calls that run on the reference by design.
 */
import { cat, conv2d, max_pool2d, where, type Tensor } from '@nncompat/core';
import type { Inputs } from '@nncompat/core/testing';

/** [name, expression over seeded inputs]. */
export type Case = readonly [string, (x: Inputs) => Tensor | readonly Tensor[]];

/** NaN where a second random draw exceeds 0.8 (division by zero of 0/0 style masks). */
const withNaN = (x: Inputs, shape: number[]): Tensor => x.f(shape).div(x.f(shape, -1, 1).gt(0.6).float()).mul(0);

export const BINARY: readonly Case[] = [
  ['add broadcast', (x) => x.f([2, 3, 4]).add(x.f([3, 1]))],
  ['add transposed + expanded', (x) => x.f([4, 3]).t().add(x.f([4]).expand([3, 4]))],
  ['sub stepped slice', (x) => x.f([6, 8]).slice(1, 0, 8, 2).sub(x.f([6, 4]))],
  ['mul permuted', (x) => x.f([2, 3, 4]).permute([2, 0, 1]).mul(x.f([4, 2, 3]))],
  ['mul by a 0-d tensor and a scalar', (x) => [x.f([3, 5]).mul(x.f([])), x.f([7]).mul(2.5)]],
  ['div', (x) => x.f([5, 4]).div(x.f([4], 0.5, 2))],
  ['pow', (x) => x.f([3, 4], 0.1, 2).pow(x.f([4], -1, 2))],
  ['maximum/minimum with NaN', (x) => { const a = withNaN(x, [6]).add(x.f([6])); return [a.maximum(x.f([6])), a.minimum(x.f([6])), x.f([6]).maximum(a)]; }],
  ['atan2', (x) => x.f([3, 4]).atan2(x.f([3, 1]))],
  ['comparisons (float32 in, bool out)', (x) => { const a = x.f([4, 5]).round(); const b = x.f([5]).round(); return [a.eq(b), a.ne(b), a.lt(b), a.le(b), a.gt(b), a.ge(b)]; }],
  ['comparisons with NaN', (x) => { const a = withNaN(x, [8]); return [a.eq(a), a.ne(a), a.lt(1)]; }],
  ['broadcast of two non-contiguous operands to rank 4', (x) => x.f([3, 1, 5]).transpose(0, 2).unsqueeze(0).add(x.f([2, 3, 8, 1]).permute([0, 3, 2, 1]).slice(2, 0, 8, 8))],
  ['int32 add (reference path, exact)', (x) => x.i([6], -100, 100, 'int32').add(x.i([6], -100, 100, 'int32'))],
  ['float64 mul (reference path, exact)', (x) => x.f([4]).double().mul(3)],
];

export const UNARY: readonly Case[] = [
  ['exp/expm1/log/log1p', (x) => { const a = x.f([4, 5], 0.1, 3).t(); return [a.exp(), a.expm1(), a.log(), a.log1p()]; }],
  ['sqrt/rsqrt/reciprocal', (x) => { const a = x.f([7], 0.1, 4); return [a.sqrt(), a.rsqrt(), a.reciprocal()]; }],
  ['trig/tanh/sigmoid', (x) => { const a = x.f([3, 4], -6, 6); return [a.sin(), a.cos(), a.tanh(), a.sigmoid()]; }],
  ['relu/silu/erf/neg/abs on a slice', (x) => { const a = x.f([4, 6], -4, 4).slice(1, 1, 5); return [a.relu(), a.silu(), a.erf(), a.neg(), a.abs()]; }],
  ['erf near 0 and in the tails', (x) => cat([x.f([40], -1e-3, 1e-3), x.f([40], -6, 6)]).erf()],
  ['sign/floor/ceil/round/trunc', (x) => { const a = cat([x.f([12], -3, 3).mul(2), x.f([4]).mul(0).add(2.5), x.f([2]).mul(0).sub(0.5)]); return [a.sign(), a.floor(), a.ceil(), a.round(), a.trunc()]; }],
  // logical_not of NaN is left out: the reference backend gives True, PyTorch False (see backend.test.ts).
  ['isnan / relu / sign of NaN, logical_not', (x) => { const a = withNaN(x, [8]); return [a.isnan(), a.relu(), a.sign(), x.f([6]).round().logical_not()]; }],
  ['gelu both forms', (x) => { const a = x.f([16], -5, 5); return [a.gelu(), a.gelu({ approximate: 'tanh' })]; }],
  ['softplus / leaky_relu / clamp', (x) => { const a = x.f([9], -30, 30); return [a.softplus(2, 20), a.leaky_relu(0.1), a.clamp(-1, 0.5), a.clamp(null, 3), a.clamp(0)]; }],
  ['contiguous of a diagonal view', (x) => x.f([4, 4]).as_strided([4], [5]).contiguous()],
  ['contiguous of an expanded + permuted view', (x) => x.f([3, 1, 2]).expand([3, 4, 2]).permute([1, 2, 0]).contiguous()],
  ['where (reference fallback)', (x) => where(x.b([3, 1]), x.f([3, 4]), x.f([4]))],
];

export const REDUCE: readonly Case[] = [
  ['sum/prod/amax/amin over axes of a permuted view', (x) => { const a = x.f([3, 4, 5]).permute([2, 0, 1]); return [a.sum([0, 2]), a.prod(1, true), a.amax([1]), a.amin(0), a.sum()]; }],
  ['long sums stay close to float64 (compensated)', (x) => [x.f([3, 5000], 0, 1).sum(1), x.f([20000], 1, 1.5).sum()]],
  ['sum with infinities and NaN', (x) => { const a = x.f([4, 3]).div(x.f([4, 3], -1, 1).gt(0.7).float()); return [a.sum(1), a.amax(1), a.amin(0)]; }],
  ['mean and var (composed of native kernels)', (x) => { const a = x.f([6, 7]); return [a.mean(0), a.var(1)]; }],
  ['softmax/log_softmax on every axis', (x) => { const a = x.f([3, 4, 5], -8, 8); return [a.softmax(1), a.log_softmax(-1), a.softmax(0), a.transpose(0, 2).log_softmax(0)]; }],
  ['softmax of a 0-d tensor and of a stepped view', (x) => [x.f([]).softmax(0), x.f([4, 10]).slice(1, 0, 10, 3).log_softmax(1)]],
  ['sum of int32 (reference path)', (x) => x.i([4, 5], -9, 9, 'int32').sum(1)],
];

export const HEAVY: readonly Case[] = [
  ['mm with transposed operands', (x) => [x.f([5, 3]).t().mm(x.f([6, 5]).t()), x.f([7, 9]).mm(x.f([9, 2]))]],
  ['addmm: Linear-style transposed weight, broadcast biases, alpha/beta, beta = 0 ignores NaN', (x) => [
    x.f([6]).addmm(x.f([4, 5]), x.f([6, 5]).t()),
    x.f([4, 1]).addmm(x.f([5, 4]).t(), x.f([5, 3]), { alpha: 0.5, beta: 2 }),
    x.f([]).addmm(x.f([3, 9]), x.f([9, 2]), { alpha: -1 }),
    x.f([4, 2]).t().addmm(x.f([2, 7]), x.f([7, 4])),
    withNaN(x, [3, 2]).addmm(x.f([3, 4]), x.f([4, 2]), { beta: 0 }),
  ]],
  ['bmm and batched matmul with broadcast', (x) => [x.f([2, 5, 3]).bmm(x.f([2, 4, 3]).transpose(1, 2)), x.f([2, 3, 4]).matmul(x.f([4, 5])), x.f([4, 6]).matmul(x.f([3, 6, 2]))]],
  ['matmul with k not a multiple of 4 and a sliced operand', (x) => x.f([6, 11]).slice(1, 1, 8).mm(x.f([7, 13]).slice(1, 0, 13, 2))],
  ['matmul 64×96×80', (x) => x.f([64, 96]).mm(x.f([96, 80]))],
  ['conv2d stride/pad/dilation/bias', (x) => conv2d(x.f([2, 3, 9, 8]), x.f([4, 3, 3, 2]), x.f([4]), { stride: [2, 1], padding: [1, 2], dilation: [1, 2] })],
  ['conv2d groups / depthwise / strided input', (x) => [conv2d(x.f([2, 4, 6, 6]), x.f([6, 2, 3, 3]), null, { groups: 2, padding: 1 }), conv2d(x.f([1, 3, 7, 7]).transpose(2, 3), x.f([6, 1, 3, 3]), x.f([6]), { groups: 3, stride: 2 })]],
  ['max_pool2d with indices: stride/pad/dilation/ceil_mode, NaN and -inf windows, 3-D input', (x) => {
    const nan = withNaN(x, [2, 3, 9, 7]).add(x.f([2, 3, 9, 7]));
    const ninf = x.f([1, 1, 4, 4]).mul(0).sub(1).div(0);
    return [
      ...(max_pool2d(nan, [3, 2], { stride: 2, padding: 1, dilation: [1, 2], ceil_mode: true, return_indices: true } as never) as unknown as Tensor[]),
      ...(max_pool2d(x.f([3, 6, 6]).transpose(1, 2), 2, { return_indices: true } as never) as unknown as Tensor[]),
      ...(max_pool2d(ninf, 2, { padding: 1, return_indices: true } as never) as unknown as Tensor[]),
    ];
  }],
];

export const GRADS: readonly Case[] = [
  ['conv2d + softmax gradients', (x) => {
    const inp = x.f([2, 4, 6, 6]).requires_grad_();
    const w = x.f([4, 2, 3, 3]).requires_grad_();
    const y = conv2d(inp, w, null, { padding: 1, groups: 2 }).flatten(1).log_softmax(1);
    y.mul(x.f(y.shape as number[])).sum().backward();
    return [inp.grad!, w.grad!];
  }],
  ['CNN step gradients through max_pool2d (its indices drive the backward)', (x) => {
    const inp = x.f([2, 3, 9, 9]).requires_grad_();
    const w1 = x.f([4, 3, 3, 3]).requires_grad_();
    const w2 = x.f([6, 2, 2, 2]).requires_grad_();
    const h = max_pool2d(conv2d(inp, w1, null, { padding: 1 }).relu(), 2) as Tensor;
    const y = conv2d(h, w2, null, { stride: 2, groups: 2, dilation: 1 });
    y.mul(x.f(y.shape as number[])).sum().backward();
    return [inp.grad!, w1.grad!, w2.grad!];
  }],
];

/** Every group, in order. */
export const GROUPS: readonly (readonly [string, readonly Case[]])[] = [
  ['binary', BINARY], ['unary', UNARY], ['reduce', REDUCE], ['heavy', HEAVY], ['grads', GRADS],
];
