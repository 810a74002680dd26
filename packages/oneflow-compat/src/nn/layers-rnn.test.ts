/**
 * OneFlow's LSTM / GRU against torch-compat's with the same weights: outputs, final states,
 * input and every weight's gradient identical (one and two layers, bidirectional,
 * batch_first, unbatched, given initial states); OneFlow's reprs, parameter names and shapes,
 * `_flat_weights`, and a pickled module loaded back by `oneflow.load`.
 */
import { describe, expect, it } from 'vitest';
import * as torch from '@nncompat/torch-compat';
import * as flow from '../index.js';
import { agreeTwins, copyWeights, paramShapes } from './twins.test-util.js';

const { nn } = flow;
const T = torch.nn;

describe('LSTM / GRU agree with torch-compat', () => {
  const cases: [string, () => torch.nn.Module, () => flow.nn.Module, number[]][] = [
    ['LSTM', () => new T.LSTM(3, 4), () => new nn.LSTM(3, 4), [5, 2, 3]],
    ['LSTM 2 layers bidirectional batch_first', () => new T.LSTM(3, 4, { num_layers: 2, bidirectional: true, batch_first: true }),
      () => new nn.LSTM(3, 4, { num_layers: 2, bidirectional: true, batch_first: true }), [2, 5, 3]],
    ['LSTM unbatched without bias', () => new T.LSTM(3, 2, { bias: false }), () => new nn.LSTM(3, 2, { bias: false }), [4, 3]],
    ['GRU', () => new T.GRU(3, 4), () => new nn.GRU(3, 4), [5, 2, 3]],
    ['GRU 2 layers bidirectional', () => new T.GRU(3, 4, 2, { bidirectional: true }), () => new nn.GRU(3, 4, 2, { bidirectional: true }), [4, 2, 3]],
    ['GRU batch_first', () => new T.GRU(2, 3, { batch_first: true }), () => new nn.GRU(2, 3, { batch_first: true }), [2, 4, 2]],
  ];
  for (const [name, mkT, mkF, shape] of cases) {
    it(name, () => {
      torch.manual_seed(5);
      const tm = mkT();
      const fm = mkF();
      copyWeights(tm, fm);
      agreeTwins(tm, fm, [{ shape }]);
    });
  }

  it('LSTM with initial states, in eval mode with dropout set', () => {
    torch.manual_seed(6);
    const tm = new T.LSTM(3, 4, { num_layers: 2, dropout: 0.5 }).eval();
    const fm = new nn.LSTM(3, 4, { num_layers: 2, dropout: 0.5 }).eval();
    copyWeights(tm, fm);
    const h = torch.randn(2, 2, 4).tolist() as number[];
    const c = torch.randn(2, 2, 4).tolist() as number[];
    agreeTwins(tm, fm, [{ shape: [3, 2, 3] }]);
    const ty = tm(torch.ones(3, 2, 3), [torch.tensor(h), torch.tensor(c)]) as [torch.Tensor, [torch.Tensor, torch.Tensor]];
    const fy = fm(flow.ones(3, 2, 3), [flow.tensor(h), flow.tensor(c)]);
    expect(fy[0].tolist()).toEqual(ty[0].tolist());
    expect(fy[1][0].tolist()).toEqual(ty[1][0].tolist());
    expect(fy[1][1].tolist()).toEqual(ty[1][1].tolist());
    expect(fy[1][1]).toBeInstanceOf(flow.Tensor);
  });

  it('LSTM dropout between layers in training: the same seed drops the same entries', () => {
    torch.manual_seed(9);
    const tm = new T.LSTM(3, 4, { num_layers: 2, dropout: 0.5 });
    const fm = new nn.LSTM(3, 4, { num_layers: 2, dropout: 0.5 });
    copyWeights(tm, fm);
    const x = torch.randn(4, 2, 3).tolist() as number[];
    torch.manual_seed(1);
    const [ty] = tm(torch.tensor(x)) as [torch.Tensor, unknown];
    torch.manual_seed(1);
    const [fy] = fm(flow.tensor(x));
    expect(fy.tolist()).toEqual(ty.tolist());
  });

  it('GRU with an initial state', () => {
    torch.manual_seed(10);
    const tm = new T.GRU(2, 3);
    const fm = new nn.GRU(2, 3);
    copyWeights(tm, fm);
    const h = torch.randn(1, 2, 3).tolist() as number[];
    const x = torch.randn(3, 2, 2).tolist() as number[];
    const [to, th] = tm(torch.tensor(x), torch.tensor(h)) as [torch.Tensor, torch.Tensor];
    const [fo, fh] = fm(flow.tensor(x), flow.tensor(h));
    expect(fo.tolist()).toEqual(to.tolist());
    expect(fh.tolist()).toEqual(th.tolist());
  });
});

describe("OneFlow's LSTM / GRU attributes", () => {
  it('reprs', () => {
    expect(String(new nn.LSTM(10, 20))).toBe('LSTM(10, 20)');
    expect(String(new nn.LSTM(10, 20, 2))).toBe('LSTM(10, 20, num_layers=2)');
    expect(String(new nn.LSTM(10, 20, { num_layers: 2, bias: false, batch_first: true, dropout: 0.5, bidirectional: true })))
      .toBe('LSTM(10, 20, num_layers=2, bias=False, batch_first=True, dropout=0.5, bidirectional=True)');
    expect(String(new nn.GRU(3, 4, { bias: false }))).toBe('GRU(3, 4, bias=False)');
  });

  it('parameter names, shapes, init range and _flat_weights', () => {
    const lstm = new nn.LSTM(3, 4, { num_layers: 2, bidirectional: true });
    expect(paramShapes(lstm)).toEqual([
      ['weight_ih_l0', [16, 3]], ['weight_hh_l0', [16, 4]], ['bias_ih_l0', [16]], ['bias_hh_l0', [16]],
      ['weight_ih_l0_reverse', [16, 3]], ['weight_hh_l0_reverse', [16, 4]], ['bias_ih_l0_reverse', [16]], ['bias_hh_l0_reverse', [16]],
      ['weight_ih_l1', [16, 8]], ['weight_hh_l1', [16, 4]], ['bias_ih_l1', [16]], ['bias_hh_l1', [16]],
      ['weight_ih_l1_reverse', [16, 8]], ['weight_hh_l1_reverse', [16, 4]], ['bias_ih_l1_reverse', [16]], ['bias_hh_l1_reverse', [16]],
    ]);
    for (const p of lstm.parameters()) expect(p.abs().max().item()).toBeLessThanOrEqual(0.5);
    expect(lstm._flat_weights_names).toEqual([...lstm.named_parameters()].map(([n]) => n));
    expect(lstm._flat_weights).toEqual([...lstm.parameters()]);
    expect(lstm._all_weights[1]).toEqual(['weight_ih_l0_reverse', 'weight_hh_l0_reverse', 'bias_ih_l0_reverse', 'bias_hh_l0_reverse']);
    expect(lstm.all_weights[0]![0]).toBe(lstm._parameters.get('weight_ih_l0'));
    expect(paramShapes(new nn.GRU(2, 3, { bias: false }))).toEqual([['weight_ih_l0', [9, 2]], ['weight_hh_l0', [9, 3]]]);
    expect([lstm.mode, new nn.GRU(2, 3).mode]).toEqual(['LSTM', 'GRU']);
  });

  it('the hidden torch-compat twin is not part of the module and draws no random numbers', () => {
    flow.manual_seed(3);
    flow.randn(2, 1, 3);
    const expected = flow.rand(3).tolist();
    const fresh = new nn.LSTM(3, 4);
    flow.manual_seed(3);
    fresh(flow.randn(2, 1, 3)); // the first forward builds the twin
    expect(flow.rand(3).tolist()).toEqual(expected);
    expect([...fresh.named_modules()].length).toBe(1);
    expect([...fresh.state_dict().keys()]).toEqual(['weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0']);
  });

  it('a weight replaced after construction is the one used', () => {
    const fm = new nn.GRU(2, 2);
    const x = flow.randn(3, 1, 2);
    const [before] = fm(x);
    (fm as unknown as Record<string, unknown>).weight_hh_l0 = new nn.Parameter(flow.zeros(6, 2));
    const [after] = fm(x);
    expect(after.tolist()).not.toEqual(before.tolist());
    expect(fm._flat_weights[1]).toBe(fm._parameters.get('weight_hh_l0'));
  });

  it("OneFlow's checks", () => {
    expect(() => new nn.LSTM(3, 4, { dropout: 1.5 })).toThrow('dropout should be a number in range [0, 1] representing the probability of an element being zeroed');
    expect(() => new nn.GRU(3, 4, { proj_size: 0 })).toThrow('proj_size argument is only supported for LSTM, not RNN or GRU');
    expect(() => new nn.LSTM(3, 4, { proj_size: -1 })).toThrow('proj_size should be a positive integer or zero to disable projections');
    expect(() => new nn.LSTM(3, 4, { proj_size: 4 })).toThrow('proj_size has to be smaller than hidden_size');
    expect(() => new nn.LSTM(3, 4, { proj_size: 2 })).toThrow('proj_size > 0 is not implemented');
    expect(() => new nn.LSTM(3, 4)(flow.randn(2, 1, 5))).toThrow('input.size(-1) must be equal to input_size. Expected 3, got 5');
  });
});
