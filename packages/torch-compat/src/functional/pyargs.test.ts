// Python call semantics of torch.nn.functional, nn.init and the losses (DESIGN.md §4): for each
// function, PyTorch's positional-or-keyword parameters given positionally and given in the
// trailing options object give identical results, and the documented bad calls (wrong types,
// an options object in the middle, a name given twice, an unknown keyword, a keyword-only
// parameter given positionally, too many arguments) throw a TypeError naming the function.
import { describe, expect, it } from 'vitest';
import { Generator, manual_seed, randint, randn, tensor, type Tensor } from '@nncompat/core';
import * as F from './index.js';
import * as init from '../init/index.js';

type Result = Tensor | readonly Tensor[] | number;
interface Row {
  name: string;
  positional: () => Result;
  keyword: () => Result;
  /** Calls that must throw, each with a fragment of the expected message. */
  bad?: [() => unknown, string][];
  /** Draws random numbers: both forms run after the same seed. */
  seeded?: boolean;
}

manual_seed(0);
const x = randn(2, 3, 5, 5);
const x1 = randn(2, 3, 8);
const w2 = randn(4, 3, 3, 3);
const w1 = randn(4, 3, 3);
const wt = randn(3, 4, 3, 3);
const b4 = randn(4);
const lin = randn(4, 5);
const v5 = randn(3, 5);
const bw = randn(6, 5, 7);
const v7 = randn(3, 7);
const c3 = randn(3);
const probs = randn(4, 3).sigmoid();
const y01 = randint(0, 2, [4, 3]).double().float();
const logits = randn(4, 5);
const labels = tensor([0, 3, 1, 4], { dtype: 'int64' });
const cw = randn(5).abs();
const q = randn(2, 4, 3);
const idx = tensor([[0, 2], [1, 0]], { dtype: 'int64' });
const emb = randn(5, 3);
const empty = (): Tensor => randn(4, 6).mul(0);
const bad = (f: () => unknown, msg: string): [() => unknown, string] => [f, msg];
// Plain-JS callers: the overloads reject these at compile time, so the calls go through `any`.
const Fu = F as any;
const Iu = init as any;

const rows: Row[] = [
  {
    name: 'normalize', positional: () => F.normalize(x, 1, 0, 1e-6), keyword: () => F.normalize(x, { p: 1, dim: 0, eps: 1e-6 }),
    bad: [
      bad(() => Fu.normalize(x, 2, 1.5), "normalize(): argument 'dim' (position 3) must be int, not float"),
      bad(() => Fu.normalize(x, { dimm: 0 }), "normalize() got an unexpected keyword argument 'dimm'"),
    ],
  },
  {
    name: 'cosine_similarity', positional: () => F.cosine_similarity(x, x.flip(0), 0, 1e-6), keyword: () => F.cosine_similarity(x, x.flip(0), { dim: 0, eps: 1e-6 }),
    bad: [
      bad(() => Fu.cosine_similarity(x, x, '0'), "cosine_similarity(): argument 'dim' (position 3) must be int, not str"),
      bad(() => Fu.cosine_similarity(x, x, 0, { dim: 1 }), "cosine_similarity() got multiple values for argument 'dim'"),
    ],
  },
  {
    name: 'softplus', positional: () => F.softplus(x, 2, 5), keyword: () => F.softplus(x, { beta: 2, threshold: 5 }),
    bad: [
      bad(() => Fu.softplus(x, '2'), "softplus(): argument 'beta' (position 2) must be float, not str"),
      bad(() => Fu.softplus(x, { beta: 2 }, 5), "argument 'beta' (position 2) must be float, not dict"),
      bad(() => Fu.softplus(x, 2, { beta: 3 }), "softplus() got multiple values for argument 'beta'"),
      bad(() => Fu.softplus(x, { betta: 2 }), "softplus() got an unexpected keyword argument 'betta'"),
      bad(() => Fu.softplus(x, 1, 2, 3), 'softplus() takes at most 3 positional arguments but 4 were given'),
    ],
  },
  { name: 'relu', positional: () => F.relu(x.clone(), true), keyword: () => F.relu(x.clone(), { inplace: true }), bad: [bad(() => Fu.relu(x, 1), "relu(): argument 'inplace' (position 2) must be bool, not int")] },
  {
    name: 'hardtanh', positional: () => F.hardtanh(x, -0.5, 0.7), keyword: () => F.hardtanh(x, { min_val: -0.5, max_val: 0.7 }),
    bad: [bad(() => Fu.hardtanh(x, true), "hardtanh(): argument 'min_val' (position 2) must be float, not bool")],
  },
  { name: 'relu6', positional: () => F.relu6(x.mul(4).clone(), true), keyword: () => F.relu6(x.mul(4).clone(), { inplace: true }), bad: [bad(() => Fu.relu6(x, 0, 6), 'relu6() takes at most 2 positional arguments but 3 were given')] },
  { name: 'leaky_relu', positional: () => F.leaky_relu(x, 0.2), keyword: () => F.leaky_relu(x, { negative_slope: 0.2 }), bad: [bad(() => Fu.leaky_relu(x, '0.2'), "leaky_relu(): argument 'negative_slope' (position 2) must be float, not str")] },
  { name: 'elu', positional: () => F.elu(x, 1.5), keyword: () => F.elu(x, { alpha: 1.5 }), bad: [bad(() => Fu.elu(x, null), "elu(): argument 'alpha' (position 2) must be float, not NoneType")] },
  {
    name: 'gelu (approximate is keyword-only)', positional: () => F.gelu(x, { approximate: 'tanh' }), keyword: () => F.gelu(x, { approximate: 'tanh' }),
    bad: [bad(() => Fu.gelu(x, 'tanh'), 'gelu() takes at most 1 positional arguments but 2 were given')],
  },
  { name: 'silu', positional: () => F.silu(x.clone(), true), keyword: () => F.silu(x.clone(), { inplace: true }) },
  { name: 'mish', positional: () => F.mish(x, false), keyword: () => F.mish(x, { inplace: false }) },
  { name: 'sigmoid', positional: () => F.sigmoid(x), keyword: () => x.sigmoid(), bad: [bad(() => Fu.sigmoid(x, 1), 'sigmoid() takes at most 1 positional arguments but 2 were given')] },
  { name: 'tanh', positional: () => F.tanh(x), keyword: () => x.tanh() },
  {
    name: 'softmax', positional: () => F.softmax(x, 1, 3, 'float64'), keyword: () => F.softmax(x, { dim: 1, dtype: 'float64' }),
    bad: [bad(() => Fu.softmax(x, 1.5), "softmax(): argument 'dim' (position 2) must be int, not float")],
  },
  { name: 'log_softmax', positional: () => F.log_softmax(x, -1), keyword: () => F.log_softmax(x, { dim: -1 }) },
  {
    name: 'conv1d', positional: () => F.conv1d(x1, w1, b4, 2, 1, 1, 1), keyword: () => F.conv1d(x1, w1, { bias: b4, stride: 2, padding: 1, dilation: 1, groups: 1 }),
    bad: [bad(() => Fu.conv1d(x1, w1, b4, '2'), "conv1d(): argument 'stride' (position 4) must be tuple of ints, not str")],
  },
  {
    name: 'conv2d', positional: () => F.conv2d(x, w2, null, 1, 'same'), keyword: () => F.conv2d(x, w2, { padding: 'same' }),
    bad: [bad(() => Fu.conv2d(x, w2, 3), "conv2d(): argument 'bias' (position 3) must be Tensor, not int")],
  },
  { name: 'conv_transpose2d', positional: () => F.conv_transpose2d(x, wt, null, 2, 1, 1, 1, 1), keyword: () => F.conv_transpose2d(x, wt, { stride: 2, padding: 1, output_padding: 1, groups: 1, dilation: 1 }) },
  {
    name: 'dropout', seeded: true, positional: () => F.dropout(x, 0.3, true, false), keyword: () => F.dropout(x, { p: 0.3, training: true, inplace: false }),
    bad: [bad(() => Fu.dropout(x, 0.3, 'yes'), "dropout(): argument 'training' (position 3) must be bool, not str")],
  },
  { name: 'dropout (generator keyword)', positional: () => F.dropout(x, { p: 0.5, generator: new Generator().manual_seed(3) }), keyword: () => F.dropout(x, 0.5, { generator: new Generator().manual_seed(3) }) },
  { name: 'linear', positional: () => F.linear(v5, lin, b4), keyword: () => F.linear(v5, lin, { bias: b4 }), bad: [bad(() => Fu.linear(v5, lin, 1), "linear(): argument 'bias' (position 3) must be Tensor, not int")] },
  { name: 'bilinear', positional: () => F.bilinear(v5, v7, bw, randn(6).mul(0)), keyword: () => F.bilinear(v5, v7, bw, { bias: randn(6).mul(0) }) },
  {
    name: 'interpolate', positional: () => F.interpolate(x, null, 2, 'bilinear', false), keyword: () => F.interpolate(x, { scale_factor: 2, mode: 'bilinear', align_corners: false }),
    bad: [bad(() => Fu.interpolate(x, 'bilinear'), "interpolate(): argument 'size' (position 2) must be tuple of ints, not str")],
  },
  { name: 'scaled_dot_product_attention', positional: () => F.scaled_dot_product_attention(q, q, q, null, 0, true), keyword: () => F.scaled_dot_product_attention(q, q, q, { is_causal: true }), bad: [bad(() => Fu.scaled_dot_product_attention(q, q, q, null, 0, false, 0.5), 'takes at most 6 positional arguments but 7 were given')] },
  {
    name: 'batch_norm', positional: () => F.batch_norm(x, c3.mul(0), c3.abs(), c3, c3, false, 0.2, 1e-3),
    keyword: () => F.batch_norm(x, c3.mul(0), c3.abs(), { weight: c3, bias: c3, training: false, momentum: 0.2, eps: 1e-3 }),
    bad: [bad(() => Fu.batch_norm(x, c3, c3, c3, c3, 1), "batch_norm(): argument 'training' (position 6) must be bool, not int")],
  },
  { name: 'layer_norm', positional: () => F.layer_norm(x, [5, 5], null, null, 1e-3), keyword: () => F.layer_norm(x, [5, 5], { eps: 1e-3 }), bad: [bad(() => Fu.layer_norm(x, 'a'), "layer_norm(): argument 'normalized_shape' (position 2) must be tuple of ints, not str")] },
  { name: 'group_norm', positional: () => F.group_norm(x, 3, c3, null, 1e-4), keyword: () => F.group_norm(x, 3, { weight: c3, eps: 1e-4 }), bad: [bad(() => Fu.group_norm(x, 3, 1e-4), "group_norm(): argument 'weight' (position 3) must be Tensor, not float")] },
  {
    name: 'pad', positional: () => F.pad(x, [1, 2], 'constant', -1), keyword: () => F.pad(x, [1, 2], { mode: 'constant', value: -1 }),
    bad: [bad(() => Fu.pad(x, [1, 1], -1), "pad(): argument 'mode' (position 3) must be str, not int"), bad(() => Fu.pad(x, 1), "pad(): argument 'pad' (position 2) must be tuple of ints, not int")],
  },
  {
    name: 'max_pool2d', positional: () => F.max_pool2d(x, 3, 2, 1, 1, true, true), keyword: () => F.max_pool2d(x, 3, { stride: 2, padding: 1, dilation: 1, ceil_mode: true, return_indices: true }),
    bad: [bad(() => Fu.max_pool2d(x, 3, { stride: 2 }, 1), "max_pool2d(): argument 'stride' (position 3) must be tuple of ints, not dict"), bad(() => Fu.max_pool2d(x, '3'), "max_pool2d(): argument 'kernel_size' (position 2) must be tuple of ints, not str")],
  },
  { name: 'max_pool1d', positional: () => F.max_pool1d(x1, 2, 2, 1), keyword: () => F.max_pool1d(x1, 2, { stride: 2, padding: 1 }) },
  { name: 'avg_pool2d', positional: () => F.avg_pool2d(x, 3, 2, 1, false, false), keyword: () => F.avg_pool2d(x, 3, { stride: 2, padding: 1, count_include_pad: false }) },
  { name: 'adaptive_avg_pool2d', positional: () => F.adaptive_avg_pool2d(x, [2, 3]), keyword: () => F.adaptive_avg_pool2d(x, [2, 3]), bad: [bad(() => Fu.adaptive_avg_pool2d(x, 'a'), "adaptive_avg_pool2d(): argument 'output_size' (position 2) must be tuple of ints, not str")] },
  { name: 'embedding', positional: () => F.embedding(idx, emb, 0, null, 2), keyword: () => F.embedding(idx, emb, { padding_idx: 0, norm_type: 2 }), bad: [bad(() => Fu.embedding(idx, emb, 0.5), "embedding(): argument 'padding_idx' (position 3) must be int, not float")] },
  { name: 'one_hot', positional: () => F.one_hot(labels, 6), keyword: () => F.one_hot(labels, { num_classes: 6 }) },
  {
    name: 'mse_loss', positional: () => F.mse_loss(probs, y01, null, null, 'sum'), keyword: () => F.mse_loss(probs, y01, { reduction: 'sum' }),
    bad: [bad(() => Fu.mse_loss(probs, y01, 'sum'), "mse_loss(): argument 'size_average' (position 3) must be bool, not str")],
  },
  { name: 'mse_loss (legacy reduce=False)', positional: () => F.mse_loss(probs, y01, null, false), keyword: () => F.mse_loss(probs, y01, { reduction: 'none' }) },
  { name: 'l1_loss (legacy size_average=False)', positional: () => F.l1_loss(probs, y01, false), keyword: () => F.l1_loss(probs, y01, { reduction: 'sum' }) },
  { name: 'smooth_l1_loss', positional: () => F.smooth_l1_loss(probs, y01, null, null, 'mean', 0.5), keyword: () => F.smooth_l1_loss(probs, y01, { beta: 0.5 }) },
  { name: 'binary_cross_entropy', positional: () => F.binary_cross_entropy(probs, y01, c3, null, null, 'sum'), keyword: () => F.binary_cross_entropy(probs, y01, { weight: c3, reduction: 'sum' }) },
  { name: 'binary_cross_entropy_with_logits', positional: () => F.binary_cross_entropy_with_logits(probs, y01, null, null, null, 'mean', c3.abs()), keyword: () => F.binary_cross_entropy_with_logits(probs, y01, { pos_weight: c3.abs() }) },
  { name: 'kl_div', positional: () => F.kl_div(probs.log(), y01, null, null, 'batchmean', false), keyword: () => F.kl_div(probs.log(), y01, { reduction: 'batchmean' }) },
  {
    name: 'nll_loss', positional: () => F.nll_loss(logits.log_softmax(1), labels, cw, null, 3), keyword: () => F.nll_loss(logits.log_softmax(1), labels, { weight: cw, ignore_index: 3 }),
    bad: [bad(() => Fu.nll_loss(logits, labels, cw, 3), "nll_loss(): argument 'size_average' (position 4) must be bool, not int")],
  },
  {
    name: 'cross_entropy', positional: () => F.cross_entropy(logits, labels, null, null, -100, null, 'mean', 0.1), keyword: () => F.cross_entropy(logits, labels, { label_smoothing: 0.1 }),
    bad: [bad(() => Fu.cross_entropy(logits, labels, { label_smoothing: '0.1' }), "cross_entropy(): argument 'label_smoothing' must be float, not str")],
  },
  // nn.init
  { name: 'calculate_gain', positional: () => init.calculate_gain('leaky_relu', 0.2), keyword: () => init.calculate_gain('leaky_relu', { param: 0.2 }) },
  { name: 'uniform_', seeded: true, positional: () => init.uniform_(empty(), -2, 3), keyword: () => init.uniform_(empty(), { a: -2, b: 3 }), bad: [bad(() => Iu.uniform_(empty(), -1, 1, 5), "uniform_(): argument 'generator' (position 4) must be torch.Generator, not int")] },
  { name: 'uniform_ (generator positional)', positional: () => init.uniform_(empty(), 0, 1, new Generator().manual_seed(7)), keyword: () => init.uniform_(empty(), { generator: new Generator().manual_seed(7) }) },
  { name: 'normal_', seeded: true, positional: () => init.normal_(empty(), 1, 0.5), keyword: () => init.normal_(empty(), { mean: 1, std: 0.5 }) },
  { name: 'trunc_normal_', seeded: true, positional: () => init.trunc_normal_(empty(), 0, 1, -1, 1), keyword: () => init.trunc_normal_(empty(), { a: -1, b: 1 }) },
  { name: 'constant_', positional: () => init.constant_(empty(), 0.5), keyword: () => empty().fill_(0.5), bad: [bad(() => Iu.constant_(empty(), '0.5'), "constant_(): argument 'val' (position 2) must be float, not str")] },
  { name: 'dirac_', positional: () => init.dirac_(randn(4, 2, 3), 2), keyword: () => init.dirac_(randn(4, 2, 3), { groups: 2 }) },
  { name: 'xavier_uniform_', seeded: true, positional: () => init.xavier_uniform_(empty(), 2), keyword: () => init.xavier_uniform_(empty(), { gain: 2 }), bad: [bad(() => Iu.xavier_uniform_(empty(), { gain: 2, mode: 'fan_in' }), "xavier_uniform_() got an unexpected keyword argument 'mode'")] },
  { name: 'xavier_normal_', seeded: true, positional: () => init.xavier_normal_(empty(), 0.5), keyword: () => init.xavier_normal_(empty(), { gain: 0.5 }) },
  {
    name: 'kaiming_uniform_', seeded: true, positional: () => init.kaiming_uniform_(empty(), 0.1, 'fan_out', 'relu'), keyword: () => init.kaiming_uniform_(empty(), { a: 0.1, mode: 'fan_out', nonlinearity: 'relu' }),
    bad: [bad(() => Iu.kaiming_uniform_(empty(), 'fan_out'), "kaiming_uniform_(): argument 'a' (position 2) must be float, not str")],
  },
  { name: 'kaiming_normal_', seeded: true, positional: () => init.kaiming_normal_(empty(), 0, 'fan_in', 'leaky_relu'), keyword: () => init.kaiming_normal_(empty(), { nonlinearity: 'leaky_relu' }) },
  { name: 'orthogonal_', seeded: true, positional: () => init.orthogonal_(empty(), 2), keyword: () => init.orthogonal_(empty(), { gain: 2 }) },
];

function values(r: Result): unknown {
  if (typeof r === 'number') return r;
  if (Array.isArray(r)) return r.map((t: Tensor) => t.tolist());
  return (r as Tensor).tolist();
}

describe('positional and keyword forms of PyTorch parameters', () => {
  for (const row of rows) {
    it(`${row.name}: positional == keyword`, () => {
      if (row.seeded) manual_seed(11);
      const a = values(row.positional());
      if (row.seeded) manual_seed(11);
      const b = values(row.keyword());
      expect(a).toEqual(b);
    });
    for (const [call, msg] of row.bad ?? []) {
      it(`${row.name}: throws TypeError "${msg}"`, () => {
        expect(call).toThrow(TypeError);
        expect(call).toThrow(msg);
      });
    }
  }
  it('softplus(x, 2.0, 20) is beta=2, not the default (the original bug)', () => {
    expect(values(F.softplus(x, 2, 20))).not.toEqual(values(F.softplus(x)));
  });
});
