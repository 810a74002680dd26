/**
 * The layers beyond Linear/Conv2d: each OneFlow layer, given its torch-compat twin's weights
 * (moved as a user would: torch.save → oneflow.load → load_state_dict), must give identical
 * outputs and input gradients; reprs follow the `extra_repr` formats of OneFlow 1.0's sources
 * (python/oneflow/nn/modules/*.py); whole pickled modules load back into these classes.
 */
import { describe, expect, it } from 'vitest';
import * as torch from '@nncompat/torch-compat';
import * as flow from '../index.js';
import { registeredModuleClasses } from '../serialization/registry.js';
import { copyWeights, itAgreesWithTwins, type TwinCase } from './twins.test-util.js';

const { nn } = flow;
type TMod = torch.nn.Module;
type FMod = flow.nn.Module;

/** Runs both on the same float input (plus an optional integer target) and compares outputs and input gradients. */
function agree(tm: TMod, fm: FMod, shape: number[], target?: { data: unknown; float?: boolean }): void {
  const data = torch.randn(...shape).tolist() as number[];
  const tx = torch.tensor(data, { dtype: torch.float32, requires_grad: true });
  const fx = flow.tensor(data, { dtype: flow.float32, requires_grad: true });
  const targs: torch.Tensor[] = [];
  const fargs: flow.Tensor[] = [];
  if (target) {
    targs.push(torch.tensor(target.data as number[], { dtype: target.float ? torch.float32 : torch.int64 }));
    fargs.push(flow.tensor(target.data as number[], { dtype: target.float ? flow.float32 : flow.int64 }));
  }
  const ty = tm(tx, ...targs) as torch.Tensor;
  // flow.nn.Module types its call by `forward`; the layers here take one or two tensors.
  const fy = (fm as unknown as (...a: flow.Tensor[]) => flow.Tensor)(fx, ...fargs);
  expect(fy.tolist()).toEqual(ty.tolist());
  ty.pow(2).sum().backward();
  fy.pow(2).sum().backward();
  expect(fx.grad!.tolist()).toEqual(tx.grad!.tolist());
}

describe('oneflow.nn layers agree with their torch-compat twins', () => {
  const cases: TwinCase<number[]>[] = [
    ['MaxPool2d', () => new torch.nn.MaxPool2d(2, { stride: 1, padding: 1 }), () => new nn.MaxPool2d(2, { stride: 1, padding: 1 }), [2, 3, 5, 5]],
    ['AvgPool2d', () => new torch.nn.AvgPool2d(3, { stride: 2, padding: 1, count_include_pad: false }), () => new nn.AvgPool2d(3, { stride: 2, padding: 1, count_include_pad: false }), [2, 3, 6, 6]],
    ['AvgPool2d divisor_override', () => new torch.nn.AvgPool2d(2, { divisor_override: 3 }), () => new nn.AvgPool2d(2, { divisor_override: 3 }), [1, 2, 4, 4]],
    ['AdaptiveAvgPool2d', () => new torch.nn.AdaptiveAvgPool2d([2, 3]), () => new nn.AdaptiveAvgPool2d([2, 3]), [2, 3, 5, 7]],
    ['LayerNorm', () => new torch.nn.LayerNorm([3, 4]), () => new nn.LayerNorm([3, 4]), [2, 3, 4]],
    ['Flatten', () => new torch.nn.Flatten(0, 1), () => new nn.Flatten(0, 1), [2, 3, 4]],
    ['GELU', () => new torch.nn.GELU(), () => new nn.GELU(), [3, 4]],
    ['GELU tanh', () => new torch.nn.GELU('tanh'), () => new nn.GELU('tanh'), [3, 4]],
    ['LeakyReLU', () => new torch.nn.LeakyReLU(0.2), () => new nn.LeakyReLU(0.2), [3, 4]],
    ['Softmax', () => new torch.nn.Softmax(1), () => new nn.Softmax(1), [3, 4]],
    ['LogSoftmax', () => new torch.nn.LogSoftmax(0), () => new nn.LogSoftmax(0), [3, 4]],
    ['Dropout (eval)', () => new torch.nn.Dropout(0.3).eval(), () => new nn.Dropout(0.3).eval(), [3, 4]],
  ];
  itAgreesWithTwins(cases, 3, (tm, fm, shape) => agree(tm, fm, shape));

  it('LayerNorm with random affine weights', () => {
    torch.manual_seed(4);
    const tm = new torch.nn.LayerNorm(4);
    torch.no_grad(() => {
      (tm.weight as torch.Tensor).copy_(torch.randn(4));
      (tm.bias as torch.Tensor).copy_(torch.randn(4));
    });
    const fm = new nn.LayerNorm(4);
    copyWeights(tm, fm);
    agree(tm, fm, [2, 4]);
  });

  it('Dropout in training: the same seed drops the same entries', () => {
    torch.manual_seed(5);
    const x = torch.randn(4, 5).tolist() as number[][];
    torch.manual_seed(6);
    const ty = new torch.nn.Dropout(0.4)(torch.tensor(x));
    flow.manual_seed(6);
    const fy = new nn.Dropout(0.4)(flow.tensor(x)) as flow.Tensor;
    expect(fy.tolist()).toEqual(ty.tolist());
  });

  it('Embedding (padding_idx) forward and weight gradient', () => {
    torch.manual_seed(7);
    const tm = new torch.nn.Embedding(6, 3, { padding_idx: 1 });
    const fm = new nn.Embedding(6, 3, { padding_idx: -5 });
    expect(fm.padding_idx).toBe(1);
    expect(fm.weight.select(0, 1).tolist()).toEqual([0, 0, 0]);
    copyWeights(tm, fm);
    const idx = [[0, 1, 5], [2, 1, 0]];
    const ty = tm(torch.tensor(idx, { dtype: torch.int64 }));
    const fy = fm(flow.tensor(idx, { dtype: flow.int64 }));
    expect(fy.tolist()).toEqual(ty.tolist());
    ty.pow(2).sum().backward();
    fy.pow(2).sum().backward();
    expect(fm.weight.grad!.tolist()).toEqual((tm.weight as torch.Tensor).grad!.tolist());
  });

  it('losses: CrossEntropyLoss (weight, label smoothing), NLLLoss (ignore_index), MSELoss (sum)', () => {
    torch.manual_seed(8);
    const w = torch.rand(4).tolist() as number[];
    const ce = [new torch.nn.CrossEntropyLoss({ weight: torch.tensor(w), label_smoothing: 0.1 }),
      new nn.CrossEntropyLoss({ weight: flow.tensor(w), label_smoothing: 0.1 })] as const;
    copyWeights(ce[0], ce[1]);
    agree(ce[0], ce[1], [3, 4], { data: [0, 3, 2] });
    const nll = [new torch.nn.NLLLoss({ ignore_index: 2, reduction: 'sum' }), new nn.NLLLoss({ ignore_index: 2, reduction: 'sum' })] as const;
    agree(nll[0], nll[1], [3, 4], { data: [0, 2, 1] });
    const mse = [new torch.nn.MSELoss({ reduction: 'sum' }), new nn.MSELoss('sum')] as const;
    agree(mse[0], mse[1], [2, 3], { data: [[1, 2, 3], [4, 5, 6]], float: true });
  });
});

describe('BatchNorm1d / BatchNorm2d', () => {
  it('OneFlow\'s parameters and buffers: weight 1, bias 0, running_mean 0, running_var 1, int64 num_batches_tracked', () => {
    const bn = new nn.BatchNorm2d(3);
    expect([...bn.state_dict().keys()]).toEqual(['weight', 'bias', 'running_mean', 'running_var', 'num_batches_tracked']);
    expect(bn.weight!.tolist()).toEqual([1, 1, 1]);
    expect(bn.bias!.tolist()).toEqual([0, 0, 0]);
    expect(bn.running_mean!.tolist()).toEqual([0, 0, 0]);
    expect(bn.running_var!.tolist()).toEqual([1, 1, 1]);
    expect(bn.num_batches_tracked!.dtype).toBe(flow.int64);
    expect(bn.num_batches_tracked!.shape).toEqual([]);
    const plain = new nn.BatchNorm1d(2, { affine: false, track_running_stats: false });
    expect([...plain.state_dict().keys()]).toEqual([]);
    expect(plain.running_mean).toBeNull();
    expect(plain.num_batches_tracked).toBeNull();
    expect([...plain._parameters.keys()]).toEqual(['weight', 'bias', 'running_mean', 'running_var']);
    expect([...plain._buffers.keys()]).toEqual(['num_batches_tracked']);
    expect(plain.training).toBe(true);
    const y = plain(flow.tensor([[1, 2], [3, 6]], { dtype: flow.float32 })) as flow.Tensor;
    expect(y.tolist()).toEqual([[-1, -1], [1, 1]].map((r) => r.map((v) => expect.closeTo(v, 4))));
  });

  for (const [name, mkT, mkF, shape] of [
    ['BatchNorm1d (N, C, L)', () => new torch.nn.BatchNorm1d(3, { momentum: 0.3 }), () => new nn.BatchNorm1d(3, { momentum: 0.3 }), [4, 3, 5]],
    ['BatchNorm1d (N, C)', () => new torch.nn.BatchNorm1d(3), () => new nn.BatchNorm1d(3), [6, 3]],
    ['BatchNorm2d', () => new torch.nn.BatchNorm2d(2, { eps: 1e-3 }), () => new nn.BatchNorm2d(2, { eps: 1e-3 }), [3, 2, 4, 4]],
  ] as [string, () => TMod, () => FMod, number[]][]) {
    it(`${name}: train twice, then eval; outputs, input gradients and running stats equal`, () => {
      torch.manual_seed(9);
      const tm = mkT();
      torch.no_grad(() => {
        (tm.get_parameter('weight') as torch.Tensor).copy_(torch.rand(shape[1]!).add(0.5));
        (tm.get_parameter('bias') as torch.Tensor).copy_(torch.randn(shape[1]!));
      });
      const fm = mkF();
      copyWeights(tm, fm);
      for (let step = 0; step < 2; step++) agree(tm, fm, shape);
      const tsd = tm.state_dict();
      const fsd = fm.state_dict();
      for (const k of ['running_mean', 'running_var', 'num_batches_tracked']) {
        expect((fsd.get(k) as flow.Tensor).tolist()).toEqual((tsd.get(k) as torch.Tensor).tolist());
      }
      expect((fsd.get('num_batches_tracked') as flow.Tensor).item()).toBe(2);
      tm.eval();
      fm.eval();
      agree(tm, fm, shape);
      expect((fm.state_dict().get('num_batches_tracked') as flow.Tensor).item()).toBe(2);
    });
  }

  it('wrong rank raises OneFlow\'s ValueError', () => {
    expect(() => new nn.BatchNorm2d(2)(flow.zeros(2, 2))).toThrow('expected 4D input (got 2D input)');
    expect(() => new nn.BatchNorm1d(2)(flow.zeros(2, 2, 2, 2))).toThrow('expected 2D or 3D input (got 4D input)');
  });
});

describe('reprs in OneFlow 1.0\'s extra_repr formats', () => {
  it('each layer', () => {
    const s = (m: FMod): string => String(m);
    expect(s(new nn.MaxPool2d(2))).toBe('MaxPool2d(kernel_size=(2, 2), stride=(2, 2), padding=(0, 0), dilation=(1, 1))');
    expect(s(new nn.AvgPool2d([3, 2], { stride: 1, padding: 1 }))).toBe('AvgPool2d(kernel_size=(3, 2), stride=(1, 1), padding=(1, 1), ceil_mode=False)');
    expect(s(new nn.AdaptiveAvgPool2d(1))).toBe('AdaptiveAvgPool2d()');
    expect(s(new nn.BatchNorm2d(8))).toBe('BatchNorm2d(8, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)');
    expect(s(new nn.BatchNorm1d(4, { eps: 0.001, affine: false }))).toBe('BatchNorm1d(4, eps=0.001, momentum=0.1, affine=False, track_running_stats=True)');
    expect(s(new nn.LayerNorm(4))).toBe('LayerNorm((4,), eps=1e-05, elementwise_affine=True)');
    expect(s(new nn.LayerNorm([2, 3], { elementwise_affine: false }))).toBe('LayerNorm((2, 3), eps=1e-05, elementwise_affine=False)');
    expect(s(new nn.Dropout())).toBe('Dropout(p=0.5, inplace=False)');
    expect(s(new nn.Embedding(10, 3))).toBe('Embedding(10, 3)');
    expect(s(new nn.Embedding(10, 3, { padding_idx: 0, max_norm: 1.5, norm_type: 1 }))).toBe('Embedding(10, 3, padding_idx=0, max_norm=1.5, norm_type=1.0)');
    expect(s(new nn.Flatten())).toBe('Flatten(start_dim=1, end_dim=-1)');
    expect(s(new nn.GELU())).toBe('GELU()');
    expect(s(new nn.LeakyReLU())).toBe('LeakyReLU(negative_slope=0.01)');
    expect(s(new nn.LeakyReLU(0.2, true))).toBe('LeakyReLU(negative_slope=0.2, inplace=True)');
    expect(s(new nn.Softmax())).toBe('Softmax(dim=None)');
    expect(s(new nn.LogSoftmax(1))).toBe('LogSoftmax(dim=1)');
    expect(s(new nn.CrossEntropyLoss())).toBe('CrossEntropyLoss()');
    expect(s(new nn.MSELoss())).toBe('MSELoss()');
    expect(s(new nn.NLLLoss())).toBe('NLLLoss()');
  });
});

describe('constructor checks with OneFlow\'s texts', () => {
  it('errors', () => {
    expect(() => new nn.Dropout(1.5)).toThrow('dropout probability has to be between 0 and 1, but got 1.5');
    expect(() => new nn.Embedding(4, 2, { padding_idx: 4 })).toThrow('Padding_idx must be within num_embeddings');
    expect(() => new nn.Embedding(4, 2, { padding_idx: -5 })).toThrow('Padding_idx must be within num_embeddings');
    expect(() => new nn.Embedding(4, 2, { _weight: flow.zeros(3, 2) })).toThrow('Shape of weight does not match num_embeddings and embedding_dim');
    expect(() => new nn.CrossEntropyLoss({ label_smoothing: 2 })).toThrow('label_smoothing must be between 0.0 and 1.0. Got: ');
    expect(() => new nn.AdaptiveAvgPool2d(2)(flow.zeros(1, 2, 2))).toThrow('expected 4-dimensional tensor, but got 3-dimensional tensor');
  });
});

describe('whole pickled modules load into these classes', () => {
  it('a Sequential of the new layers round-trips through oneflow.save / oneflow.load', () => {
    const seq = new nn.Sequential(new nn.BatchNorm2d(2), new nn.MaxPool2d(2), new nn.Flatten(), new nn.LayerNorm(2),
      new nn.GELU(), new nn.Dropout(0.1), new nn.LogSoftmax(1));
    const back = flow.load(flow.save(seq, null)) as flow.nn.Sequential;
    expect(String(back)).toBe(String(seq));
    const classes = [nn.BatchNorm2d, nn.MaxPool2d, nn.Flatten, nn.LayerNorm, nn.GELU, nn.Dropout, nn.LogSoftmax];
    classes.forEach((C, i) => expect(back.__getitem__(i)).toBeInstanceOf(C));
    seq.eval();
    back.eval();
    const x = flow.randn(2, 2, 2, 2);
    expect((back(x) as flow.Tensor).tolist()).toEqual((seq(x) as flow.Tensor).tolist());
    const bn = back.__getitem__(0) as flow.nn.BatchNorm2d;
    expect(bn.num_batches_tracked!.dtype).toBe(flow.int64);
  });

  it('every new class is registered under its OneFlow module path', () => {
    const names = registeredModuleClasses();
    const expected: [string, string[]][] = [
      ['activation', ['GELU', 'LeakyReLU', 'Softmax', 'LogSoftmax']], ['pooling', ['MaxPool2d', 'AvgPool2d', 'AdaptiveAvgPool2d']],
      ['batchnorm', ['BatchNorm1d', 'BatchNorm2d']], ['normalization', ['LayerNorm']], ['dropout', ['Dropout']], ['sparse', ['Embedding']],
      ['flatten', ['Flatten']], ['loss', ['CrossEntropyLoss', 'MSELoss', 'NLLLoss']]];
    for (const n of expected.flatMap(([m, cs]) => cs.map((c) => `oneflow.nn.modules.${m}.${c}`))) {
      expect(names).toContain(n);
    }
  });
});
