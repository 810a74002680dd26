/**
 * OneFlow's LSTM / GRU against torch-compat's with the same weights: outputs, final states,
 * input and every weight's gradient identical (one and two layers, bidirectional,
 * batch_first, unbatched, given initial states); OneFlow's reprs, parameter names and shapes,
 * `_flat_weights`, and a pickled module loaded back by `oneflow.load`.
 */
import { describe, expect, it } from 'vitest';
import * as torch from '@nncompat/torch-compat';
import type { Tensor as CoreTensor } from '@nncompat/core';
import * as flow from '../index.js';
import { agreeTwins, copyWeights, itAgreesWithTwins, paramShapes, type TwinCase } from './twins.test-util.js';

const { nn } = flow;
const T = torch.nn;

describe('LSTM / GRU agree with torch-compat', () => {
  const cases: TwinCase<number[]>[] = [
    ['LSTM', () => new T.LSTM(3, 4), () => new nn.LSTM(3, 4), [5, 2, 3]],
    ['LSTM 2 layers bidirectional batch_first', () => new T.LSTM(3, 4, { num_layers: 2, bidirectional: true, batch_first: true }),
      () => new nn.LSTM(3, 4, { num_layers: 2, bidirectional: true, batch_first: true }), [2, 5, 3]],
    ['LSTM unbatched without bias', () => new T.LSTM(3, 2, { bias: false }), () => new nn.LSTM(3, 2, { bias: false }), [4, 3]],
    ['GRU', () => new T.GRU(3, 4), () => new nn.GRU(3, 4), [5, 2, 3]],
    ['GRU 2 layers bidirectional', () => new T.GRU(3, 4, 2, { bidirectional: true }), () => new nn.GRU(3, 4, 2, { bidirectional: true }), [4, 2, 3]],
    ['GRU batch_first', () => new T.GRU(2, 3, { batch_first: true }), () => new nn.GRU(2, 3, { batch_first: true }), [2, 4, 2]],
  ];
  itAgreesWithTwins(cases, 5, (tm, fm, shape) => agreeTwins(tm, fm, [{ shape }]));

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

  it('.double() after a forward: the next forward uses the converted weights', () => {
    const g = new nn.GRU(3, 4);
    g(flow.randn(2, 1, 3));
    g.double();
    const [o, h] = g(flow.randn(2, 1, 3, { dtype: flow.float64 }));
    expect([o.dtype, h.dtype]).toEqual([flow.float64, flow.float64]);
    expect(g._flat_weights.every((w) => w!.dtype === flow.float64)).toBe(true);
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

/** The Elman recurrence written out with tensor ops, one layer and direction at a time. */
function elmanReference(rnn: flow.nn.RNN, x: CoreTensor, act: (t: CoreTensor) => CoreTensor): [CoreTensor, CoreTensor] {
  const dirs = rnn.bidirectional ? 2 : 1;
  const T = x.shape[0]!;
  let input = x;
  const finals: CoreTensor[] = [];
  for (let layer = 0; layer < rnn.num_layers; layer++) {
    const outs: CoreTensor[] = [];
    for (let d = 0; d < dirs; d++) {
      const [wih, whh, bih, bhh] = rnn.all_weights[layer * dirs + d]!;
      let h: CoreTensor = flow.zeros(x.shape[1]!, rnn.hidden_size);
      const steps: CoreTensor[] = new Array<CoreTensor>(T);
      for (let s = 0; s < T; s++) {
        const t = d === 0 ? s : T - 1 - s;
        h = act(input.select(0, t).matmul(wih!.t()).add(bih!).add(h.matmul(whh!.t())).add(bhh!));
        steps[t] = h;
      }
      outs.push(flow.stack(steps, 0));
      finals.push(h);
    }
    input = dirs === 1 ? outs[0]! : flow.cat(outs, 2);
  }
  return [input, flow.stack(finals, 0)];
}

describe("OneFlow's Elman RNN (torch-compat has none: checked against the recurrence written out)", () => {
  for (const [name, opts, act] of [
    ['tanh', {}, (t: CoreTensor) => t.tanh()],
    ['relu, 2 layers, bidirectional', { nonlinearity: 'relu', num_layers: 2, bidirectional: true }, (t: CoreTensor) => t.relu()],
  ] as const) {
    it(name, () => {
      const rnn = new nn.RNN(3, 4, opts);
      const data = flow.randn(5, 2, 3).tolist() as number[];
      const x = flow.tensor(data, { requires_grad: true });
      const xr = flow.tensor(data, { requires_grad: true });
      const [out, hn] = rnn(x);
      const [rout, rhn] = elmanReference(rnn, xr, act);
      expect(out.shape).toEqual(rout.shape);
      // the same math; the reference adds the four terms in another order, so compare to rounding
      for (const [a, b] of [[out, rout], [hn, rhn]] as const) expect(a.sub(b).abs().max().item()).toBeLessThan(1e-6);
      out.pow(2).sum().backward();
      const w = rnn._parameters.get('weight_hh_l0') as flow.nn.Parameter;
      const g = w.grad!.clone();
      w.grad = null;
      rout.pow(2).sum().backward();
      expect(x.grad!.sub(xr.grad!).abs().max().item()).toBeLessThan(1e-5);
      expect(g.sub(w.grad!).abs().max().item()).toBeLessThan(1e-5);
    });
  }

  it('batch_first, unbatched and a given h0 go through the same layouts as GRU', () => {
    const rnn = new nn.RNN(2, 3, { batch_first: true });
    const x = flow.randn(4, 5, 2);
    const [o] = rnn(x);
    expect(o.shape).toEqual([4, 5, 3]);
    const [ou, hu] = rnn(flow.randn(5, 2), flow.zeros(1, 3));
    expect([ou.shape, hu.shape]).toEqual([[5, 3], [1, 3]]);
  });

  it('mode, nonlinearity, repr, parameters, checks', () => {
    const rnn = new nn.RNN(3, 4, 2, { nonlinearity: 'relu' });
    expect([rnn.mode, rnn.nonlinearity]).toEqual(['RNN_RELU', 'relu']);
    expect(new nn.RNN(3, 4).mode).toBe('RNN_TANH');
    expect(String(rnn)).toBe('RNN(3, 4, num_layers=2)');
    expect(paramShapes(new nn.RNN(3, 4))).toEqual([['weight_ih_l0', [4, 3]], ['weight_hh_l0', [4, 4]], ['bias_ih_l0', [4]], ['bias_hh_l0', [4]]]);
    expect(() => new nn.RNN(3, 4, { nonlinearity: 'gelu' as 'relu' })).toThrow("Unknown nonlinearity 'gelu'");
    expect(() => new nn.RNN(3, 4, { proj_size: 0 })).toThrow('proj_size argument is only supported for LSTM, not RNN or GRU');
  });

  it("input-rank errors are OneFlow's RNN.forward texts (never naming GRU, whose loop computes it)", () => {
    const rnn = new nn.RNN(3, 4);
    // OneFlow unsqueezes any input that is not 3-D as unbatched, then check_input refuses the rank.
    expect(() => rnn(flow.randn(2, 2, 2, 3))).toThrow(new RegExp('^input must have 3 dimensions, got 5$'));
    expect(() => rnn(flow.randn(3))).toThrow('input must have 3 dimensions, got 2');
    expect(() => rnn(flow.randn(2, 2, 2, 3), flow.zeros(1, 2, 4))).toThrow('For unbatched 2-D input, hx should also be 2-D but got 3-D tensor');
    for (const x of [flow.randn(2, 2, 2, 3), flow.randn(3)]) {
      let msg = '';
      try {
        rnn(x);
      } catch (e) {
        msg = String(e);
      }
      expect(msg).toMatch(/^RuntimeError: /);
      expect(msg).not.toContain('GRU');
    }
    // Valid ranks still reach the loop: a wrong feature size is the loop's (name-free) check.
    expect(() => rnn(flow.randn(5, 2, 4))).toThrow('input.size(-1) must be equal to input_size. Expected 3, got 4');
  });

  it('round-trips as a pickled module', () => {
    const rnn = new nn.RNN(3, 4, { nonlinearity: 'relu', bidirectional: true });
    const back = flow.load(flow.save(rnn, null)) as flow.nn.RNN;
    expect(back).toBeInstanceOf(nn.RNN);
    expect(back.nonlinearity).toBe('relu');
    const x = flow.randn(3, 2, 3);
    expect(back(x)[0].tolist()).toEqual(rnn(x)[0].tolist());
  });
});
