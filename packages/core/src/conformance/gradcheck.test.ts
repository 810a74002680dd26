// Finite-difference gradchecks (float64) of every differentiable core op of issue 2: the
// analytical gradients of the autograd engine against central differences.
import { describe, expect, it } from 'vitest';
import { avg_pool2d, cat, conv2d, max_pool2d, stack, Tensor, where } from '../index.js';
import { gradcheck } from '../testing/index.js';

/** Seeded uniform numbers (mulberry32) so every run checks the same points. */
function makeRng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = makeRng(7);

/** A float64 leaf of `shape` with values in [lo, hi) that requires grad. */
function x64(shape: number[], lo = -1, hi = 1): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const h = new Float64Array(n);
  for (let i = 0; i < n; i++) h[i] = lo + (hi - lo) * rand();
  return Tensor.fromHost(h, shape, 'float64').requires_grad_(true);
}
const idx = (vals: number[], shape: number[]): Tensor => Tensor.fromHost(Float64Array.from(vals), shape, 'int64');
const mask = (vals: number[], shape: number[]): Tensor => Tensor.fromHost(Uint8Array.from(vals), shape, 'bool');

type Case = [string, (...xs: Tensor[]) => Tensor | readonly Tensor[], () => Tensor[]];
const CASES: Case[] = [
  // elementwise, with broadcasting
  ['add', (a, b) => a.add(b), () => [x64([3, 4]), x64([4])]],
  ['add alpha', (a, b) => a.add(b, { alpha: -2.5 }), () => [x64([2, 3]), x64([2, 1])]],
  ['sub', (a, b) => a.sub(b), () => [x64([2, 1, 3]), x64([4, 3])]],
  ['mul', (a, b) => a.mul(b), () => [x64([3, 4]), x64([3, 1])]],
  ['mul scalar', (a) => a.mul(-1.5), () => [x64([5])]],
  ['div', (a, b) => a.div(b), () => [x64([3, 4]), x64([4], 0.5, 2)]],
  ['div scalar', (a) => a.div(3.5), () => [x64([4])]],
  ['pow tensor', (a, b) => a.pow(b), () => [x64([3, 2], 0.5, 2), x64([2], -1, 2)]],
  ['pow scalar', (a) => a.pow(3), () => [x64([6])]],
  ['pow fractional', (a) => a.pow(0.5), () => [x64([6], 0.2, 2)]],
  ['maximum', (a, b) => a.maximum(b), () => [x64([3, 4]), x64([4])]],
  ['minimum', (a, b) => a.minimum(b), () => [x64([3, 1]), x64([3, 4])]],
  ['exp', (a) => a.exp(), () => [x64([2, 3])]],
  ['log', (a) => a.log(), () => [x64([2, 3], 0.2, 3)]],
  ['sqrt', (a) => a.sqrt(), () => [x64([2, 3], 0.2, 3)]],
  ['abs', (a) => a.abs(), () => [x64([7])]],
  ['neg', (a) => a.neg(), () => [x64([7])]],
  ['clamp', (a) => a.clamp(-0.5, 0.4), () => [x64([9])]],
  ['clamp min only', (a) => a.clamp(0.1, null), () => [x64([9])]],
  ['where', (a, b) => where(mask([1, 0, 1, 1], [4]), a, b), () => [x64([3, 4]), x64([3, 1])]],
  ['masked_fill', (a) => a.masked_fill(mask([0, 1, 0], [3, 1]), 2.5), () => [x64([3, 4])]],
  // activations
  ['relu', (a) => a.relu(), () => [x64([8])]],
  ['sigmoid', (a) => a.sigmoid(), () => [x64([8], -4, 4)]],
  ['tanh', (a) => a.tanh(), () => [x64([8], -3, 3)]],
  ['gelu', (a) => a.gelu(), () => [x64([8], -3, 3)]],
  ['gelu tanh', (a) => a.gelu({ approximate: 'tanh' }), () => [x64([8], -3, 3)]],
  ['silu', (a) => a.silu(), () => [x64([8], -3, 3)]],
  ['softmax dim=1', (a) => a.softmax(1), () => [x64([2, 4, 3], -2, 2)]],
  ['softmax dim=-1', (a) => a.softmax(-1), () => [x64([3, 5], -2, 2)]],
  ['log_softmax dim=0', (a) => a.log_softmax(0), () => [x64([4, 3], -2, 2)]],
  // reductions
  ['sum all', (a) => a.sum(), () => [x64([3, 4])]],
  ['sum dims keepdim', (a) => a.sum([0, 2], true), () => [x64([2, 3, 2])]],
  ['mean dim', (a) => a.mean(1), () => [x64([3, 4])]],
  ['max all', (a) => a.max(), () => [x64([3, 4])]],
  ['max dim', (a) => a.max(1)[0], () => [x64([3, 4])]],
  ['min dim keepdim', (a) => a.min(0, true)[0], () => [x64([3, 4])]],
  ['prod all', (a) => a.prod(), () => [x64([5], 0.5, 1.5)]],
  ['prod dim', (a) => a.prod(1, true), () => [x64([3, 4], 0.5, 1.5)]],
  ['var', (a) => a.var(1), () => [x64([3, 5])]],
  ['var biased keepdim', (a) => a.var(0, false, true), () => [x64([4, 3])]],
  ['std', (a) => a.std(), () => [x64([3, 4])]],
  ['logsumexp', (a) => a.logsumexp(1), () => [x64([3, 4], -3, 3)]],
  // linear algebra
  ['mm', (a, b) => a.mm(b), () => [x64([3, 4]), x64([4, 2])]],
  ['bmm', (a, b) => a.bmm(b), () => [x64([2, 3, 4]), x64([2, 4, 2])]],
  ['matmul 1d@1d', (a, b) => a.matmul(b), () => [x64([4]), x64([4])]],
  ['matmul 2d@1d', (a, b) => a.matmul(b), () => [x64([3, 4]), x64([4])]],
  ['matmul 1d@3d', (a, b) => a.matmul(b), () => [x64([4]), x64([2, 4, 3])]],
  ['matmul broadcast batch', (a, b) => a.matmul(b), () => [x64([2, 1, 3, 4]), x64([3, 4, 2])]],
  ['matmul transposed operand', (a, b) => a.t().matmul(b), () => [x64([4, 3]), x64([4, 2])]],
  // joining and indexing
  ['cat', (a, b) => cat([a, b], 1), () => [x64([2, 3]), x64([2, 2])]],
  ['stack', (a, b) => stack([a, b], -1), () => [x64([2, 3]), x64([2, 3])]],
  ['split', (a) => a.split(2, 1), () => [x64([2, 5])]],
  ['split sections', (a) => a.split([1, 3], 0), () => [x64([4, 2])]],
  ['chunk', (a) => a.chunk(3, 0), () => [x64([7, 2])]],
  ['gather', (a) => a.gather(1, idx([0, 2, 2, 1, 0, 0], [2, 3])), () => [x64([2, 4])]],
  ['index_select', (a) => a.index_select(0, idx([2, 0, 2], [3])), () => [x64([3, 4])]],
  ['tril', (a) => a.tril(), () => [x64([3, 4])]],
  ['triu diagonal', (a) => a.triu(1), () => [x64([2, 3, 3])]],
  // convolution and pooling
  ['conv2d', (x, w, b) => conv2d(x, w, b), () => [x64([2, 2, 5, 4]), x64([3, 2, 3, 3]), x64([3])]],
  ['conv2d stride/padding/dilation', (x, w) => conv2d(x, w, null, { stride: [2, 1], padding: [1, 2], dilation: [1, 2] }), () => [x64([1, 2, 6, 5]), x64([2, 2, 3, 2])]],
  ['conv2d groups', (x, w, b) => conv2d(x, w, b, { groups: 2, padding: 1 }), () => [x64([1, 4, 4, 4]), x64([4, 2, 3, 3]), x64([4])]],
  ['max_pool2d', (x) => max_pool2d(x, 2) as Tensor, () => [x64([2, 2, 4, 5])]],
  ['max_pool2d stride/padding', (x) => max_pool2d(x, 3, { stride: 2, padding: 1 }) as Tensor, () => [x64([1, 2, 5, 5])]],
  ['avg_pool2d', (x) => avg_pool2d(x, 2), () => [x64([2, 2, 4, 5])]],
  ['avg_pool2d padding ceil_mode', (x) => avg_pool2d(x, 3, { stride: 2, padding: 1, ceil_mode: true, count_include_pad: false }), () => [x64([1, 2, 6, 5])]],
  // views
  ['view', (a) => a.view(4, 3), () => [x64([2, 6])]],
  ['reshape of transposed', (a) => a.t().reshape(-1), () => [x64([3, 4])]],
  ['transpose', (a) => a.transpose(0, 2), () => [x64([2, 3, 2])]],
  ['permute', (a) => a.permute(2, 0, 1), () => [x64([2, 3, 2])]],
  ['expand', (a) => a.expand(2, 3, 4), () => [x64([3, 1])]],
  ['squeeze', (a) => a.squeeze(1), () => [x64([3, 1, 2])]],
  ['unsqueeze', (a) => a.unsqueeze(-1), () => [x64([3, 2])]],
  ['flatten', (a) => a.flatten(1), () => [x64([2, 3, 2])]],
  ['narrow', (a) => a.narrow(1, 1, 2), () => [x64([3, 4])]],
  ['select', (a) => a.select(0, -1), () => [x64([3, 4])]],
  ['slice with step', (a) => a.slice(1, 1, null, 2), () => [x64([3, 6])]],
  ['view chain feeding an op', (a) => a.t().slice(0, 0, 3, 2).mul(a.narrow(1, 0, 1).t().expand(2, 3)), () => [x64([3, 4])]],
];

describe('gradcheck (float64 central differences)', () => {
  for (const [name, fn, inputs] of CASES) {
    it(name, () => {
      expect(gradcheck(fn, inputs(), { eps: 1e-6, atol: 1e-5, rtol: 1e-3 })).toBe(true);
    });
  }

  it('reports a wrong gradient', () => {
    // A deliberately wrong backward: detach() hides the dependence of the second factor.
    const f = (a: Tensor): Tensor => a.mul(a.detach());
    expect(() => gradcheck(f, [x64([3])])).toThrow(/Jacobian mismatch for input 0/);
  });
});
