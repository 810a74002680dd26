/**
 * The layers added for issue #7 (activations, Conv1d, ConvTranspose2d, MaxPool1d, GroupNorm,
 * Dropout1d/2d, the remaining losses): each against its torch-compat twin with the same weights
 * (identical outputs, input and parameter gradients, identical state-dict keys), reprs in
 * OneFlow 1.0's `extra_repr` formats, default parameter shapes, OneFlow's constructor checks.
 */
import { describe, expect, it } from 'vitest';
import * as torch from '@nncompat/torch-compat';
import * as flow from '../index.js';
import { agreeTwins, copyWeights, itAgreesWithTwins, paramShapes, type TwinCase, type TwinInput } from './twins.test-util.js';

const { nn } = flow;
const T = torch.nn;
type FMod = flow.nn.Module;

/** Probabilities strictly inside (0, 1) for the BCE input. */
const probs = (n: number): number[] => Array.from({ length: n }, (_, i) => (i + 0.5) / (n + 1));
const bits = [[0, 1, 1], [1, 0, 1]];

describe('new oneflow.nn layers agree with their torch-compat twins', () => {
  const cases: TwinCase<TwinInput[]>[] = [
    ['ELU', () => new T.ELU(0.5), () => new nn.ELU(0.5), [{ shape: [3, 4] }]],
    ['ReLU6', () => new T.ReLU6(), () => new nn.ReLU6(), [{ data: [[-1, 0.5, 3], [7, 6.5, -0.25]], dtype: 'float32', grad: true }]],
    ['Hardtanh', () => new T.Hardtanh(-0.5, 0.75), () => new nn.Hardtanh(-0.5, 0.75), [{ shape: [3, 4] }]],
    ['Softplus', () => new T.Softplus(2, 1), () => new nn.Softplus(2, 1), [{ shape: [3, 4] }]],
    ['SiLU', () => new T.SiLU(), () => new nn.SiLU(), [{ shape: [3, 4] }]],
    ['Mish', () => new T.Mish(), () => new nn.Mish(), [{ shape: [3, 4] }]],
    ['Conv1d', () => new T.Conv1d(4, 6, 3, { stride: 2, padding: 1, groups: 2 }), () => new nn.Conv1d(4, 6, 3, { stride: 2, padding: 1, groups: 2 }), [{ shape: [2, 4, 9] }]],
    ['Conv1d dilation, no bias', () => new T.Conv1d(3, 2, 2, { dilation: 2, bias: false }), () => new nn.Conv1d(3, 2, 2, { dilation: 2, bias: false }), [{ shape: [2, 3, 7] }]],
    ["Conv1d padding='same' (odd kernel)", () => new T.Conv1d(2, 3, 5, { padding: 'same' }), () => new nn.Conv1d(2, 3, 5, { padding: 'same' }), [{ shape: [1, 2, 6] }]],
    ['ConvTranspose2d', () => new T.ConvTranspose2d(4, 6, 3, { stride: 2, padding: 1, output_padding: 1, groups: 2 }),
      () => new nn.ConvTranspose2d(4, 6, 3, { stride: 2, padding: 1, output_padding: 1, groups: 2 }), [{ shape: [2, 4, 3, 3] }]],
    ['MaxPool1d', () => new T.MaxPool1d(3, { stride: 2, padding: 1 }), () => new nn.MaxPool1d(3, { stride: 2, padding: 1 }), [{ shape: [2, 3, 9] }]],
    ['MaxPool1d dilation ceil_mode', () => new T.MaxPool1d(2, { dilation: 2, ceil_mode: true }), () => new nn.MaxPool1d(2, { dilation: 2, ceil_mode: true }), [{ shape: [1, 2, 8] }]],
    ['GroupNorm', () => new T.GroupNorm(2, 4), () => new nn.GroupNorm(2, 4), [{ shape: [3, 4, 5] }]],
    ['GroupNorm without affine', () => new T.GroupNorm(3, 6, { eps: 1e-3, affine: false }), () => new nn.GroupNorm(3, 6, { eps: 1e-3, affine: false }), [{ shape: [2, 6, 2, 2] }]],
    ['Dropout1d (eval)', () => new T.Dropout1d(0.3).eval(), () => new nn.Dropout1d(0.3).eval(), [{ shape: [2, 3, 4] }]],
    ['Dropout2d (eval)', () => new T.Dropout2d(0.3).eval(), () => new nn.Dropout2d(0.3).eval(), [{ shape: [2, 3, 2, 2] }]],
    ['L1Loss', () => new T.L1Loss(), () => new nn.L1Loss(), [{ shape: [3, 4] }, { shape: [3, 4] }]],
    ['L1Loss sum', () => new T.L1Loss({ reduction: 'sum' }), () => new nn.L1Loss('sum'), [{ shape: [3, 4] }, { shape: [3, 4] }]],
    ['SmoothL1Loss', () => new T.SmoothL1Loss({ beta: 0.5 }), () => new nn.SmoothL1Loss('mean', 0.5), [{ shape: [3, 4] }, { shape: [3, 4] }]],
    ['SmoothL1Loss none', () => new T.SmoothL1Loss({ reduction: 'none' }), () => new nn.SmoothL1Loss('none'), [{ shape: [3, 4] }, { shape: [3, 4] }]],
    ['BCELoss', () => new T.BCELoss(), () => new nn.BCELoss(), [{ data: [probs(3), probs(3).reverse()], dtype: 'float32', grad: true }, { data: bits, dtype: 'float32' }]],
    ['BCEWithLogitsLoss', () => new T.BCEWithLogitsLoss(), () => new nn.BCEWithLogitsLoss(), [{ shape: [2, 3] }, { data: bits, dtype: 'float32' }]],
    ['KLDivLoss batchmean', () => new T.KLDivLoss({ reduction: 'batchmean' }), () => new nn.KLDivLoss('batchmean'), [{ shape: [3, 4] }, { data: [probs(4), probs(4), probs(4)], dtype: 'float32' }]],
    ['KLDivLoss log_target sum', () => new T.KLDivLoss({ reduction: 'sum', log_target: true }), () => new nn.KLDivLoss('sum', true), [{ shape: [3, 4] }, { shape: [3, 4] }]],
  ];
  itAgreesWithTwins(cases, 7, agreeTwins);

  it('GroupNorm with random affine weights', () => {
    torch.manual_seed(8);
    const tm = new T.GroupNorm(2, 4);
    torch.no_grad(() => {
      (tm.weight as torch.Tensor).copy_(torch.randn(4));
      (tm.bias as torch.Tensor).copy_(torch.randn(4));
    });
    const fm = new nn.GroupNorm(2, 4);
    copyWeights(tm, fm);
    agreeTwins(tm, fm, [{ shape: [2, 4, 3] }]);
  });

  it('BCELoss and BCEWithLogitsLoss with weights', () => {
    const w = [[1, 2, 0.5], [0.25, 1, 3]];
    const tb = new T.BCELoss(torch.tensor(w));
    const fb = new nn.BCELoss(flow.tensor(w));
    copyWeights(tb, fb);
    agreeTwins(tb, fb, [{ data: [probs(3), probs(3)], dtype: 'float32', grad: true }, { data: bits, dtype: 'float32' }]);
    const tl = new T.BCEWithLogitsLoss(torch.tensor(w), { pos_weight: torch.tensor([2, 0.5, 1]) });
    const fl = new nn.BCEWithLogitsLoss({ weight: flow.tensor(w), pos_weight: flow.tensor([2, 0.5, 1]) });
    // PyTorch registers pos_weight as a buffer; OneFlow keeps it as a plain attribute.
    expect([...tl.state_dict().keys()]).toEqual(['weight', 'pos_weight']);
    expect([...fl.state_dict().keys()]).toEqual(['weight']);
    agreeTwins(tl, fl, [{ shape: [2, 3] }, { data: bits, dtype: 'float32' }]);
  });

  it('Dropout1d / Dropout2d in training: the same seed zeroes the same channels', () => {
    for (const [tm, fm, shape] of [[new T.Dropout1d(0.5), new nn.Dropout1d(0.5), [4, 6, 3]], [new T.Dropout2d(0.5), new nn.Dropout2d(0.5), [3, 5, 2, 2]]] as const) {
      const x = torch.randn(...shape).tolist() as number[];
      torch.manual_seed(11);
      const ty = (tm as unknown as (t: torch.Tensor) => torch.Tensor)(torch.tensor(x));
      torch.manual_seed(11);
      const fy = (fm as unknown as (t: flow.Tensor) => flow.Tensor)(flow.tensor(x));
      expect(fy.tolist()).toEqual(ty.tolist());
      // whole channels are zeroed
      const zeroed = (fy.reshape(shape[0] * shape[1], -1).abs().sum(1).eq(0).tolist() as boolean[]).filter(Boolean).length;
      expect(zeroed).toBeGreaterThan(0);
    }
  });

  it("Conv1d padding='same' with an even kernel pads symmetrically, as OneFlow's get_padding does", () => {
    const conv = new nn.Conv1d(1, 1, 4, { padding: 'same', bias: false });
    expect(conv.padding).toEqual([1]);
    expect(String(conv)).toBe('Conv1d(1, 1, kernel_size=(4,), stride=(1,), padding=(1,), bias=False)');
    // dilation*(k-1)//2 = 1 on both sides: L + 2 - 3 = L - 1 (PyTorch would keep L).
    expect(conv(flow.randn(1, 1, 8)).shape).toEqual([1, 1, 7]);
    expect(new nn.Conv1d(1, 1, 3, { padding: 'valid' }).padding).toEqual([0]);
    expect(() => new nn.Conv1d(1, 1, 3, { padding: 'same', stride: 2 })).toThrow("padding='same' is not supported for strided convolutions");
    expect(() => new nn.Conv1d(1, 1, 3, { padding: 'full' as 'same' })).toThrow("Invalid padding string 'full', should be one of {'same', 'valid'}");
  });

  it('MaxPool1d return_indices gives values and indices', () => {
    const x = flow.tensor([[[1, 5, 2, 8, 3, 0]]]);
    const [v, i] = new nn.MaxPool1d(2, { return_indices: true })(x) as [flow.Tensor, flow.Tensor];
    expect(v.tolist()).toEqual([[[5, 8, 3]]]);
    expect(i.tolist()).toEqual([[[1, 3, 4]]]);
  });
});

describe('reprs follow OneFlow 1.0 extra_repr', () => {
  it('prints like OneFlow', () => {
    const s = (m: FMod): string => String(m);
    expect(s(new nn.ELU())).toBe('ELU(alpha=1.0)');
    expect(s(new nn.ELU(0.5, true))).toBe('ELU(alpha=0.5, inplace=True)');
    expect(s(new nn.ReLU6())).toBe('ReLU6()');
    expect(s(new nn.ReLU6(true))).toBe('ReLU6(inplace=True)');
    expect(s(new nn.Hardtanh())).toBe('Hardtanh(min_val=-1, max_val=1)');
    expect(s(new nn.Hardtanh(-0.5, 2.5, true))).toBe('Hardtanh(min_val=-0.5, max_val=2.5, inplace=True)');
    expect(s(new nn.Softplus())).toBe('Softplus(beta=1, threshold=20)');
    expect(s(new nn.Softplus(0.5, 10))).toBe('Softplus(beta=0.5, threshold=10)');
    expect(s(new nn.SiLU(true))).toBe('SiLU()');
    expect(s(new nn.Mish())).toBe('Mish()');
    expect(s(new nn.Conv1d(4, 6, 3))).toBe('Conv1d(4, 6, kernel_size=(3,), stride=(1,))');
    expect(s(new nn.Conv1d(4, 6, 3, { stride: 2, padding: 1, dilation: 2, groups: 2, bias: false })))
      .toBe('Conv1d(4, 6, kernel_size=(3,), stride=(2,), padding=(1,), dilation=(2,), groups=2, bias=False)');
    expect(s(new nn.ConvTranspose2d(4, 6, 3, { stride: 2 }))).toBe('ConvTranspose2d()');
    expect(s(new nn.MaxPool1d(2))).toBe('MaxPool1d(kernel_size=(2,), stride=(2,), padding=(0,))');
    expect(s(new nn.MaxPool1d(3, { stride: 1, padding: 1, dilation: 2 }))).toBe('MaxPool1d(kernel_size=(3,), stride=(1,), padding=(1,))');
    expect(s(new nn.GroupNorm(2, 4))).toBe('GroupNorm(2, 4, eps=1e-05, affine=True)');
    expect(s(new nn.GroupNorm(3, 6, { eps: 0.001, affine: false }))).toBe('GroupNorm(3, 6, eps=0.001, affine=False)');
    expect(s(new nn.Dropout1d(0.2))).toBe('Dropout1d(p=0.2, inplace=False)');
    expect(s(new nn.Dropout2d())).toBe('Dropout2d(p=0.5, inplace=False)');
    for (const L of [nn.L1Loss, nn.SmoothL1Loss, nn.BCELoss, nn.BCEWithLogitsLoss, nn.KLDivLoss]) expect(s(new L())).toBe(`${L.name}()`);
  });
});

describe('defaults, attributes and checks as in OneFlow', () => {
  it('default-init parameter shapes and values', () => {
    expect(paramShapes(new nn.Conv1d(4, 6, 3, { groups: 2 }))).toEqual([['weight', [6, 2, 3]], ['bias', [6]]]);
    expect(paramShapes(new nn.ConvTranspose2d(4, 6, [3, 2], { groups: 2 }))).toEqual([['weight', [4, 3, 3, 2]], ['bias', [6]]]);
    expect(paramShapes(new nn.ConvTranspose2d(4, 6, 3, { bias: false }))).toEqual([['weight', [4, 6, 3, 3]]]);
    const gn = new nn.GroupNorm(2, 4);
    expect(paramShapes(gn)).toEqual([['weight', [4]], ['bias', [4]]]);
    expect(gn.weight!.tolist()).toEqual([1, 1, 1, 1]);
    expect(gn.bias!.tolist()).toEqual([0, 0, 0, 0]);
    expect(paramShapes(new nn.GroupNorm(2, 4, { affine: false }))).toEqual([]);
    // kaiming-uniform bound 1/√fan_in: Conv1d fan_in = 2·3, ConvTranspose2d fan_in = (6/2)·3·3.
    const c1 = new nn.Conv1d(4, 6, 3, { groups: 2 });
    expect(c1.weight.abs().max().item()).toBeLessThanOrEqual(1 / Math.sqrt(6));
    const ct = new nn.ConvTranspose2d(4, 6, 3, { groups: 2 });
    expect(ct.weight.abs().max().item()).toBeLessThanOrEqual(1 / Math.sqrt(27));
    expect(ct.bias!.abs().max().item()).toBeLessThanOrEqual(1 / Math.sqrt(27));
  });

  it("OneFlow's attributes", () => {
    const ct = new nn.ConvTranspose2d(4, 6, 3, { groups: 2 });
    expect([ct.in_channel_groups, ct.filters, ct._bias_add_op]).toEqual([2, 6, null]);
    const c1 = new nn.Conv1d(4, 6, 3, { groups: 2 });
    expect([c1.channel_pos, c1.out_channel_groups, c1.kernel_size]).toEqual(['channels_first', 3, [3]]);
    expect(new nn.MaxPool1d(2).stride).toEqual([2]);
    expect(new nn.ReLU6()).not.toBeInstanceOf(nn.Hardtanh);
    expect('min_val' in new nn.ReLU6()).toBe(false);
    expect(new nn.Dropout1d()).toBeInstanceOf(nn.Dropout);
    expect(new nn.Dropout2d().generator).toBeNull();
    const kl = new nn.KLDivLoss('batchmean');
    expect(kl.reduction).toBe('batchmean');
    expect(new nn.BCEWithLogitsLoss().pos_weight).toBeNull();
  });

  it("OneFlow's constructor checks", () => {
    expect(() => new nn.GroupNorm(0, 4)).toThrow('The num_groups must larger than zero');
    expect(() => new nn.GroupNorm(2, 0)).toThrow('The num_channels must larger than zero');
    expect(() => new nn.Conv1d(3, 4, 2, { groups: 2 })).toThrow(Error);
    expect(() => new nn.Dropout1d(2)).toThrow('dropout probability has to be between 0 and 1, but got 2');
    expect(() => new nn.L1Loss('avg' as 'mean')).toThrow(Error);
    expect(() => new nn.KLDivLoss('avg' as 'mean')).toThrow(Error);
    expect(() => new nn.Dropout1d()(flow.randn(1, 2, 3, 4))).toThrow('dropout1d: Expected 2D or 3D input, but received a 4D input.');
  });

  it('inplace=True only warns (OneFlow computes out of place)', () => {
    const x = flow.tensor([-2.0, 0.5, 9.0]);
    const y = new nn.Hardtanh(-1, 1, true)(x);
    expect(y.tolist()).toEqual([-1, 0.5, 1]);
    expect(x.tolist()).toEqual([-2, 0.5, 9]);
    expect(new nn.ReLU6(true)(x).tolist()).toEqual([0, 0.5, 6]);
    expect(x.tolist()).toEqual([-2, 0.5, 9]);
  });
});
