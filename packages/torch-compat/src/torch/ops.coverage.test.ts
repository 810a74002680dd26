/**
 * The `torch.*` function forms of tensor ops: every name is exported as a function, and the
 * behaviour the goldens cannot show (out= rejection, namedtuple fields, in-place identity).
 */
import { describe, expect, it } from 'vitest';
import * as torch from './index.js';

/** torch.* function forms this package provides (140 names, all in PyTorch's torch namespace). */
const OPS = [
  'abs', 'abs_', 'absolute', 'add', 'addmm', 'all', 'amax', 'amin', 'any', 'arctan2', 'argmax', 'argmin',
  'as_strided', 'atan2', 'batch_norm', 'bilinear', 'binary_cross_entropy_with_logits', 'bmm', 'ceil', 'chunk',
  'clamp', 'clamp_', 'clamp_max', 'clamp_min', 'clamp_min_', 'clip', 'clone', 'conv1d', 'conv2d', 'conv_transpose2d',
  'cos', 'cosine_similarity', 'detach', 'detach_', 'div', 'divide', 'dot', 'dropout', 'embedding', 'eq', 'erf',
  'exp', 'exp_', 'expm1', 'fill_', 'fix', 'flatten', 'floor', 'floor_divide', 'gather', 'ge', 'greater',
  'greater_equal', 'group_norm', 'gt', 'index_add', 'index_select', 'is_floating_point', 'isnan', 'kl_div',
  'layer_norm', 'le', 'less', 'less_equal', 'log', 'log10', 'log1p', 'log2', 'log_', 'log_softmax', 'logical_and',
  'logical_not', 'logical_or', 'logical_xor', 'logsumexp', 'lt', 'masked_fill', 'matmul', 'max', 'max_pool1d',
  'max_pool2d', 'maximum', 'mean', 'min', 'minimum', 'mm', 'moveaxis', 'movedim', 'mul', 'multiply', 'mv', 'narrow',
  'ne', 'neg', 'neg_', 'negative', 'not_equal', 'permute', 'pow', 'prod', 'ravel', 'reciprocal', 'relu', 'relu_',
  'remainder', 'reshape', 'round', 'rsqrt', 'rsub', 'scatter_add', 'select', 'sigmoid', 'sigmoid_', 'sign', 'sin',
  'softmax', 'split', 'sqrt', 'sqrt_', 'square', 'squeeze', 'std', 'sub', 'subtract', 'sum', 'swapaxes', 'swapdims',
  't', 'tanh', 'tanh_', 'transpose', 'tril', 'triu', 'true_divide', 'trunc', 'unbind', 'unflatten', 'unsqueeze',
  'var', 'zero_',
] as const;

describe('torch namespace function forms', () => {
  it('exports each name as a function', () => {
    const ns = torch as unknown as Record<string, unknown>;
    const missing = OPS.filter((n) => typeof ns[n] !== 'function');
    expect(missing).toEqual([]);
    expect(OPS.length).toBe(140);
  });
  it('are reachable from the package root', async () => {
    const root = (await import('../index.js')) as unknown as Record<string, unknown>;
    expect(OPS.filter((n) => typeof root[n] !== 'function')).toEqual([]);
  });
  it('torch.max(input, dim) is a (values, indices) namedtuple', () => {
    const x = torch.tensor([[1, 5, 2], [7, 0, 7]]);
    const r = torch.max(x, 1);
    const [v, i] = r;
    expect(v).toBe(r.values);
    expect(i).toBe(r.indices);
    expect(r.values.tolist()).toEqual([5, 7]);
    expect(r.indices.tolist()).toEqual([1, 0]);
    expect(torch.min(x, { dim: 0, keepdim: true }).values.tolist()).toEqual([[1, 0, 2]]);
  });
  it('rejects out= with NotImplementedError', () => {
    const x = torch.ones(2);
    const out = { out: torch.empty(2) } as unknown as { out?: null };
    for (const f of [() => torch.sum(x, out), () => torch.add(x, x, out), () => torch.exp(x, out), () => torch.matmul(x, x, out), () => torch.clamp(x, out)]) {
      expect(f).toThrowError(/out= argument is not supported/);
    }
    expect(() => torch.sum(x, out)).toThrow(expect.objectContaining({ name: 'NotImplementedError' }));
    expect(torch.sum(x, { out: null }).item()).toBe(2);
  });
  it('in-place forms return their input', () => {
    const x = torch.tensor([-1.0, 2.0]);
    expect(torch.relu_(x)).toBe(x);
    expect(x.tolist()).toEqual([0, 2]);
    expect(torch.zero_(x)).toBe(x);
  });
  it('views share storage like the methods', () => {
    const x = torch.zeros(2, 3);
    torch.transpose(x, 0, 1).select(0, 1).fill_(1);
    expect(x.tolist()).toEqual([[0, 1, 0], [0, 1, 0]]);
  });
  it('a scalar first operand needs a tensor second one', () => {
    expect(() => torch.add(1, 2)).toThrow(TypeError);
  });
  it('torch.var: unbiased and correction cannot both be given', () => {
    expect(() => torch.var(torch.ones(3), 0, { unbiased: true, correction: 0 })).toThrow(/can't specify both/);
  });
  it('ATen reduction enums are checked', () => {
    expect(() => torch.kl_div(torch.zeros(2), torch.ones(2), 3 as 2)).toThrow(/not a valid value for reduction/);
  });
});
