/**
 * Whole pickled modules of the new classes (`oneflow.save(model)`) load back through
 * `oneflow.load` into the same classes, registered under OneFlow's module paths, with the same
 * attributes, weights, reprs and outputs.
 */
import { describe, expect, it } from 'vitest';
import { pickle } from '@nncompat/core';
import * as flow from '../index.js';
import { registeredModuleClasses } from '../serialization/registry.js';

const { nn } = flow;

/** Every `module.name` global a pickle refers to (read inertly: nothing is called). */
function globalsIn(bytes: Uint8Array): Set<string> {
  const names = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (v instanceof pickle.PickledObject) {
      names.add(`${v.module}.${v.name}`);
      [...v.args, v.state, v.listItems, v.dictItems].forEach(walk);
    } else if (v instanceof Map) {
      for (const [k, x] of v) {
        walk(k);
        walk(x);
      }
    } else if (Array.isArray(v)) v.forEach(walk);
  };
  walk(pickle.loads(bytes, { weightsOnly: false }));
  return names;
}

function roundTrip<M extends flow.nn.Module>(m: M): M {
  return flow.load(flow.save(m, null)) as M;
}

describe('pickled new modules load back', () => {
  it('LSTM', () => {
    const lstm = new nn.LSTM(3, 4, { num_layers: 2, bidirectional: true, batch_first: true });
    const back = roundTrip(lstm);
    expect(back).toBeInstanceOf(nn.LSTM);
    expect(String(back)).toBe('LSTM(3, 4, num_layers=2, batch_first=True, bidirectional=True)');
    expect([...back.state_dict().keys()]).toEqual([...lstm.state_dict().keys()]);
    for (const [k, v] of lstm.state_dict()) expect((back.state_dict().get(k) as flow.Tensor).tolist()).toEqual((v as flow.Tensor).tolist());
    // OneFlow's instance attributes travel with the pickle, `_flat_weights` pointing at the loaded Parameters.
    expect(back._flat_weights_names).toEqual(lstm._flat_weights_names);
    expect(back._all_weights).toEqual(lstm._all_weights);
    expect(back._flat_weights.length).toBe(16);
    back._flat_weights.forEach((p, i) => expect(p).toBe(back._parameters.get(back._flat_weights_names[i]!)));
    const x = flow.randn(2, 5, 3);
    const [yo, [yh, yc]] = lstm(x);
    const [bo, [bh, bc]] = back(x);
    expect(bo.tolist()).toEqual(yo.tolist());
    expect(bh.tolist()).toEqual(yh.tolist());
    expect(bc.tolist()).toEqual(yc.tolist());
  });

  it('GRU', () => {
    const gru = new nn.GRU(2, 3, { bias: false });
    const back = roundTrip(gru);
    expect(back).toBeInstanceOf(nn.GRU);
    expect(String(back)).toBe('GRU(2, 3, bias=False)');
    const x = flow.randn(4, 1, 2);
    expect(back(x)[0].tolist()).toEqual(gru(x)[0].tolist());
  });

  it('a model of several new layers, with backward through the loaded copy', () => {
    const model = new nn.Sequential(
      new nn.Conv1d(2, 4, 3, { padding: 1 }), new nn.GroupNorm(2, 4), new nn.ELU(), new nn.MaxPool1d(2),
      new nn.Dropout1d(0.2), new nn.Hardtanh(-2, 2), new nn.ConvTranspose2d(4, 2, 1), new nn.Softplus(), new nn.Mish(),
      new nn.SiLU(), new nn.ReLU6(), new nn.Dropout2d(),
    );
    // ConvTranspose2d needs 4-D input: a model that reshapes between the two halves.
    class Net extends nn.Module {
      declare body: flow.nn.Sequential;
      declare head: flow.nn.Sequential;
      declare loss: flow.nn.SmoothL1Loss;
      constructor() {
        super();
        this.body = new nn.Sequential(...[...model.children()].slice(0, 6));
        this.head = new nn.Sequential(...[...model.children()].slice(6));
        this.loss = new nn.SmoothL1Loss('sum', 0.5);
      }
      override forward(x: flow.Tensor, target: flow.Tensor): flow.Tensor {
        const h = this.body(x) as flow.Tensor;
        return this.loss(this.head(h.unsqueeze(-1)) as flow.Tensor, target);
      }
    }
    flow.register_module_class(Net);
    const net = new Net().eval();
    const bytes = flow.save(net, null);
    const names = globalsIn(bytes);
    for (const n of ['oneflow.nn.modules.conv.Conv1d', 'oneflow.nn.modules.normalization.GroupNorm', 'oneflow.nn.modules.activation.ELU',
      'oneflow.nn.modules.pooling.MaxPool1d', 'oneflow.nn.modules.dropout.Dropout1d', 'oneflow.nn.modules.activation.Hardtanh',
      'oneflow.nn.modules.conv.ConvTranspose2d', 'oneflow.nn.modules.activation.Softplus', 'oneflow.nn.modules.activation.Mish',
      'oneflow.nn.modules.activation.SiLU', 'oneflow.nn.modules.activation.ReLU6', 'oneflow.nn.modules.dropout.Dropout2d',
      'oneflow.nn.modules.loss.SmoothL1Loss', '__main__.Net']) {
      expect(names.has(n), n).toBe(true);
    }
    const back = flow.load(bytes) as Net;
    expect(back).toBeInstanceOf(Net);
    expect(String(back)).toBe(String(net));
    expect(String(back.head.__getitem__(0))).toBe('ConvTranspose2d()');
    expect(String(back.body.__getitem__(5))).toBe('Hardtanh(min_val=-2, max_val=2)');
    const x = flow.randn(2, 2, 6);
    const t = flow.randn(2, 2, 3, 1);
    const ya = net(x, t);
    const yb = back(x, t);
    expect(yb.item()).toBe(ya.item());
    ya.backward();
    yb.backward();
    const ga = [...net.named_parameters()].map(([n, p]) => [n, p.grad!.tolist()]);
    const gb = [...back.named_parameters()].map(([n, p]) => [n, p.grad!.tolist()]);
    expect(gb).toEqual(ga);
  });

  it('the losses round-trip with their buffers and attributes', () => {
    const bce = roundTrip(new nn.BCEWithLogitsLoss({ weight: flow.tensor([1.0, 2.0]), pos_weight: flow.tensor([3.0, 1.0]) }));
    expect(bce.weight!.tolist()).toEqual([1, 2]);
    expect(bce.pos_weight!.tolist()).toEqual([3, 1]);
    const kl = roundTrip(new nn.KLDivLoss('batchmean', true));
    expect([kl.reduction, kl.log_target]).toEqual(['batchmean', true]);
    expect(roundTrip(new nn.BCELoss())).toBeInstanceOf(nn.BCELoss);
    expect(roundTrip(new nn.L1Loss('sum')).reduction).toBe('sum');
  });

  it('every new class is registered under its OneFlow module path', () => {
    const names = registeredModuleClasses();
    const expected: [string, string[]][] = [
      ['activation', ['ELU', 'ReLU6', 'Hardtanh', 'Softplus', 'SiLU', 'Mish']], ['conv', ['Conv1d', 'ConvTranspose2d']],
      ['pooling', ['MaxPool1d']], ['normalization', ['GroupNorm']], ['dropout', ['Dropout1d', 'Dropout2d']],
      ['loss', ['L1Loss', 'SmoothL1Loss', 'BCELoss', 'BCEWithLogitsLoss', 'KLDivLoss']], ['rnn', ['LSTM', 'GRU']]];
    for (const n of expected.flatMap(([m, cs]) => cs.map((c) => `oneflow.nn.modules.${m}.${c}`))) expect(names).toContain(n);
  });
});
