// Cross-backend agreement: every kernel through core ops on seeded random inputs (broadcasting,
// transposed / sliced / stepped / expanded views), on tfjs (wasm) and tfjs-cpu versus the
// reference backend, within float32 tolerances.
import { beforeAll, describe, it } from 'vitest';
import { avg_pool2d, cat, conv2d, conv_transpose2d, max_pool2d, where, type Tensor } from '@nncompat/core';
import { ready } from './index.js';
import { agree, type Inputs } from '@nncompat/core/testing';

type Case = [string, (x: Inputs) => Tensor | readonly Tensor[]];

const BINARY: Case[] = [
  ['add broadcast', (x) => x.f([2, 3, 4]).add(x.f([3, 1]))],
  ['add transposed + expanded', (x) => x.f([4, 3]).t().add(x.f([4]).expand([3, 4]))],
  ['sub stepped slice', (x) => x.f([6, 8]).slice(1, 0, 8, 2).sub(x.f([6, 4]))],
  ['mul permuted', (x) => x.f([2, 3, 4]).permute([2, 0, 1]).mul(x.f([4, 2, 3]))],
  ['div', (x) => x.f([5, 4]).div(x.f([4], 0.5, 2))],
  ['div int trunc', (x) => x.i([12], -20, 20).div(x.i([12], 1, 5), { rounding_mode: 'trunc' } as never)],
  ['pow', (x) => x.f([3, 4], 0.1, 2).pow(x.f([4], -1, 2))],
  ['maximum/minimum with NaN', (x) => { const a = x.f([6]).div(x.f([6], -1, 1).gt(0.5).float()); return [a.maximum(x.f([6])), a.minimum(x.f([6]))]; }],
  ['floor_divide', (x) => x.f([3, 4]).floor_divide(x.f([4], 0.5, 2))],
  ['floor_divide int', (x) => x.i([10], -50, 50).floor_divide(x.i([10], 1, 7))],
  ['remainder', (x) => [x.f([3, 4], -5, 5).remainder(x.f([4], -3, 3)), x.i([10], -50, 50, 'int32').remainder(x.i([10], -7, -1, 'int32'))]],
  ['atan2', (x) => x.f([3, 4]).atan2(x.f([3, 1]))],
  ['comparisons', (x) => { const a = x.i([4, 5], 0, 3); const b = x.i([5], 0, 3); return [a.eq(b), a.ne(b), a.lt(b), a.le(b), a.gt(b), a.ge(b)]; }],
  ['logical', (x) => { const a = x.b([3, 4]); const b = x.b([4]); return [a.logical_and(b), a.logical_or(b), a.logical_xor(b), a.logical_not()]; }],
  ['int8 wraps', (x) => x.i([8], -128, 127, 'int8').add(x.i([8], -128, 127, 'int8'))],
  ['uint8 mul wraps', (x) => x.i([8], 0, 255, 'uint8').mul(x.i([8], 0, 255, 'uint8'))],
  ['int64 add beyond int32 (runs exactly on the host)', (x) => x.i([4], 2e9, 2.1e9).add(x.i([4], 2e9, 2.1e9))],
];

const UNARY: Case[] = [
  ['exp/expm1/log/log1p', (x) => { const a = x.f([4, 5], 0.1, 3).t(); return [a.exp(), a.expm1(), a.log(), a.log1p()]; }],
  ['sqrt/rsqrt/reciprocal', (x) => { const a = x.f([7], 0.1, 4); return [a.sqrt(), a.rsqrt(), a.reciprocal()]; }],
  ['trig/tanh/sigmoid', (x) => { const a = x.f([3, 4]); return [a.sin(), a.cos(), a.tanh(), a.sigmoid()]; }],
  ['relu/silu/erf/neg/abs', (x) => { const a = x.f([4, 6]).slice(1, 1, 5); return [a.relu(), a.silu(), a.erf(), a.neg(), a.abs()]; }],
  ['sign/floor/ceil/round/trunc', (x) => { const a = x.f([10], -3, 3).mul(2); return [a.sign(), a.floor(), a.ceil(), a.round(), a.trunc()]; }],
  ['isnan', (x) => x.f([5]).log().isnan()],
  ['gelu both forms', (x) => { const a = x.f([8], -4, 4); return [a.gelu(), a.gelu({ approximate: 'tanh' })]; }],
  ['softplus / leaky_relu / clamp', (x) => { const a = x.f([9], -30, 30); return [a.softplus(2, 20), a.leaky_relu(0.1), a.clamp(-1, 0.5), a.clamp(null, 3)]; }],
  ['cast', (x) => { const a = x.f([8], -300, 300); return [a.long(), a.int(), a.short(), a.char(), a.byte(), a.bool(), a.long().float()]; }],
  ['float64 stays exact (host)', (x) => x.f([4]).double().mul(3).add(1)],
  ['where', (x) => where(x.b([3, 1]), x.f([3, 4]), x.f([4]))],
  ['contiguous of a diagonal view (gather path)', (x) => x.f([4, 4]).as_strided([4], [5]).contiguous()],
  ['contiguous of an expanded + permuted view', (x) => x.f([3, 1, 2]).expand([3, 4, 2]).permute([1, 2, 0]).contiguous()],
];

const REDUCE: Case[] = [
  ['sum/prod/amax/amin over axes', (x) => { const a = x.f([3, 4, 5]).permute([2, 0, 1]); return [a.sum([0, 2]), a.prod(1, true), a.amax([1]), a.amin(0)]; }],
  ['sum of bool and int', (x) => [x.b([4, 5]).sum(1), x.i([4, 5], -9, 9, 'int32').sum()]],
  ['max/min dim with indices and NaN', (x) => { const a = x.f([4, 6]).div(x.f([4, 6], -1, 1).gt(0.8).float()); return [...a.max(1), ...a.min(0, true)]; }],
  ['argmax/argmin', (x) => { const a = x.i([3, 7], 0, 4).float(); return [a.argmax(), a.argmax(1), a.argmin(0, true)]; }],
  ['softmax/log_softmax', (x) => { const a = x.f([3, 4, 5]); return [a.softmax(1), a.log_softmax(-1), a.softmax(0)]; }],
];

const HEAVY: Case[] = [
  ['matmul / bmm with transposed operands and batch broadcast', (x) => [x.f([5, 3]).t().mm(x.f([6, 5]).t()), x.f([2, 5, 3]).bmm(x.f([2, 4, 3]).transpose(1, 2)), x.f([2, 3, 4]).matmul(x.f([4, 5]))]],
  ['addmm: Linear-style transposed weight, column bias with alpha/beta, beta = 0 ignores NaN, grads', (x) => {
    const w = x.f([6, 5]).requires_grad_();
    const b = x.f([6]).requires_grad_();
    const inp = x.f([4, 5]).requires_grad_();
    const y = b.addmm(inp, w.t());
    y.mul(x.f([4, 6])).sum().backward();
    const nan = x.f([4, 1]).div(0).mul(0);
    return [y, inp.grad!, w.grad!, b.grad!, x.f([4, 1]).addmm(x.f([4, 3]), x.f([3, 2]), { alpha: 0.5, beta: 2 }), nan.addmm(x.f([3, 4]).t(), x.f([3, 2]), { beta: 0 })];
  }],
  ['a weight multiplied as w.t(), updated in place, multiplied again (its kept transposed copy is dropped)', (x) => {
    const w = x.f([6, 5]);
    const inp = x.f([4, 5]);
    const before = inp.mm(w.t());
    w.add_(1);
    const after = inp.mm(w.t());
    w.select(0, 2).fill_(3);
    return [before, after, inp.mm(w.t()), x.f([2, 6]).mm(w)];
  }],
  ['one weight as [16,1] then as its transpose (wasm matmul operator cache)', (x) => { const w = x.f([16, 1]); const a = x.f([8, 16]).mm(w); return [a, x.f([8, 1]).mm(w.t()), a.mm(w.t())]; }],
  ['conv2d stride/pad/dilation/bias', (x) => conv2d(x.f([2, 3, 9, 8]), x.f([4, 3, 3, 2]), x.f([4]), { stride: [2, 1], padding: [1, 2], dilation: [1, 2] })],
  ['conv2d stride and dilation both > 1', (x) => conv2d(x.f([1, 2, 11, 11]), x.f([3, 2, 3, 3]), null, { stride: 2, dilation: 2, padding: 1 })],
  ['conv2d groups / depthwise', (x) => [conv2d(x.f([2, 4, 6, 6]), x.f([6, 2, 3, 3]), null, { groups: 2, padding: 1 }), conv2d(x.f([1, 3, 7, 7]), x.f([6, 1, 3, 3]), x.f([6]), { groups: 3, stride: 2 })]],
  ['conv_transpose2d at stride 1 (conv2d path): padding, groups + dilation, bias, padding beyond the kernel', (x) => [
    conv_transpose2d(x.f([2, 4, 5, 4]), x.f([4, 3, 3, 3]), x.f([3]), { padding: 1 }),
    conv_transpose2d(x.f([1, 4, 6, 5]).transpose(2, 3), x.f([4, 2, 2, 3]), null, { groups: 2, dilation: 2, padding: [1, 2] }),
    conv_transpose2d(x.f([1, 2, 7, 7]), x.f([2, 2, 3, 3]), null, { padding: 3 }),
  ]],
  ['conv_transpose2d', (x) => [conv_transpose2d(x.f([2, 4, 5, 4]), x.f([4, 3, 3, 3]), x.f([3]), { stride: 2, padding: 1, output_padding: 1 }), conv_transpose2d(x.f([1, 4, 4, 4]), x.f([4, 1, 2, 3]), null, { groups: 2, dilation: 2, stride: [1, 2] })]],
  ['max_pool2d tiling windows (reshape path): ties, NaN, -inf, uneven sizes, 3-D input', (x) => {
    const nan = x.f([2, 3, 8, 9]).div(x.f([2, 3, 8, 9], -1, 1).gt(0.8).float()).mul(0).add(x.f([2, 3, 8, 9]).round());
    const ninf = x.f([1, 1, 4, 4]).mul(0).sub(1).div(0);
    const pool = (t: Tensor, k: number | number[]) => max_pool2d(t, k, { return_indices: true } as never) as unknown as Tensor[];
    return [...pool(nan, 2), ...pool(nan, [2, 3]), ...pool(ninf, 2), ...pool(x.f([3, 7, 5]).transpose(1, 2), [1, 2]), ...pool(x.f([1, 2, 6, 6]), 3)];
  }],
  ['max_pool2d with indices', (x) => max_pool2d(x.f([2, 3, 9, 7]), [3, 2], { stride: 2, padding: 1, dilation: [1, 2], ceil_mode: true, return_indices: true } as never)],
  ['avg_pool2d', (x) => [avg_pool2d(x.f([2, 2, 7, 7]), 3, { stride: 2, padding: 1, ceil_mode: true }), avg_pool2d(x.f([1, 2, 6, 5]), [2, 3], { padding: 1, count_include_pad: false }), avg_pool2d(x.f([1, 1, 5, 5]), 2, { divisor_override: 3 })]],
  ['gather / scatter_add', (x) => { const a = x.f([3, 5]); const idx = x.i([3, 4], 0, 5); return [a.gather(1, idx), a.scatter_add(1, idx, x.f([3, 6])), a.t().gather(0, x.i([2, 3], 0, 5))]; }],
  ['index_select / index_add', (x) => { const a = x.f([4, 3, 2]); const idx = x.i([5], 0, 3); return [a.index_select(1, idx), a.index_add(1, idx, x.f([4, 5, 2])), a.index_select(0, x.i([3], 0, 4))]; }],
  ['cat', (x) => [cat([x.f([2, 3]), x.f([4, 3]).t().t(), x.f([1, 3])], 0), cat([x.f([2, 1]), x.f([3, 2]).t()], 1), cat([x.b([2]), x.b([3])], 0)]],
  ['in-place writes through views (Assign)', (x) => { const a = x.f([4, 5]); a.slice(1, 1, 5, 2).copy_(x.f([4, 1])); a.select(0, 2).fill_(7); a.t().slice(0, 0, 2).mul_(2); return a.clone(); }],
];

const GRADS: Case[] = [
  ['conv2d / pool gradients (Conv2DBackpropFilter, AvgPool2DBackward)', (x) => {
    const inp = x.f([2, 4, 8, 8]).requires_grad_();
    const w = x.f([4, 2, 3, 3]).requires_grad_();
    const y = avg_pool2d(conv2d(inp, w, null, { stride: 1, padding: 1, dilation: 2, groups: 2 }), 2, { padding: 1 });
    y.mul(x.f(y.shape as number[])).sum().backward();
    return [inp.grad!, w.grad!];
  }],
];

for (const backend of ['tfjs', 'tfjs-cpu']) {
  describe(`${backend} agrees with the reference backend`, () => {
    beforeAll(async () => {
      await ready('wasm');
      await ready('cpu');
    });
    for (const [group, cases] of [['binary', BINARY], ['unary', UNARY], ['reduce', REDUCE], ['heavy', HEAVY], ['grads', GRADS]] as const) {
      for (const [name, fn] of cases) it(`${group}: ${name}`, () => agree(backend, fn, name.length));
    }
  });
}
