/**
 * Cross-API conformance: one network written against torch-compat and against
 * oneflow-compat, the PyTorch weights moved over the way a user would (torch.save →
 * oneflow.load → load_state_dict), must give identical outputs and identical gradients.
 */
import { describe, expect, it } from 'vitest';
import * as torch from '@nncompat/torch-compat';
import * as TF from '@nncompat/torch-compat/nn/functional';
import * as flow from './index.js';

class TorchNet extends torch.nn.Module {
  conv = new torch.nn.Conv2d(2, 4, 3, { padding: 1 });
  fc1 = new torch.nn.Linear(4 * 5 * 5, 16);
  fc2 = new torch.nn.Linear(16, 3);
  params = new torch.nn.ParameterDict({
    left: new torch.nn.Parameter(torch.randn(3, 3)),
    right: new torch.nn.Parameter(torch.randn(3, 3)),
  });
  override forward(x: torch.Tensor, choice: string): torch.Tensor {
    const h = TF.relu(this.conv(x)).flatten(1);
    const y = this.fc2(TF.tanh(this.fc1(h)));
    return y.mm(this.params[choice] as torch.Tensor);
  }
}

class FlowNet extends flow.nn.Module {
  conv = new flow.nn.Conv2d(2, 4, 3, { padding: 1 });
  relu = new flow.nn.ReLU();
  fc1 = new flow.nn.Linear(4 * 5 * 5, 16);
  act = new flow.nn.Tanh();
  fc2 = new flow.nn.Linear(16, 3);
  params = new flow.nn.ParameterDict({
    left: new flow.nn.Parameter(flow.randn(3, 3)),
    right: new flow.nn.Parameter(flow.randn(3, 3)),
  });
  override forward(x: flow.Tensor, choice: string): flow.Tensor {
    const h = this.relu(this.conv(x)).flatten(1) as flow.Tensor;
    const y = this.fc2(this.act(this.fc1(h)));
    return y.mm(this.params.__getitem__(choice)) as flow.Tensor;
  }
}

describe('torch-compat and oneflow-compat agree on one network', () => {
  it('same weights → identical outputs and gradients (weights moved through torch.save / oneflow.load)', () => {
    torch.manual_seed(0);
    const tnet = new TorchNet();
    const fnet = new FlowNet();
    const pt = torch.save(tnet.state_dict());
    const loaded = flow.load(pt) as Map<string, flow.Tensor>;
    expect([...loaded.keys()]).toEqual([...fnet.state_dict().keys()]);
    expect(String(fnet.load_state_dict(loaded))).toBe('<All keys matched successfully>');

    const xData = torch.randn(2, 2, 5, 5).tolist();
    for (const choice of ['left', 'right']) {
      const tx = torch.tensor(xData as number[][][][], { dtype: torch.float32, requires_grad: true });
      const fx = flow.tensor(xData as number[][][][], { dtype: flow.float32, requires_grad: true });
      const ty = tnet(tx, choice);
      const fy = fnet(fx, choice);
      expect(fy.tolist()).toEqual(ty.tolist());
      ty.pow(2).sum().backward();
      fy.pow(2).sum().backward();
      expect(fx.grad!.tolist()).toEqual(tx.grad!.tolist());
      const tgrads = new Map([...tnet.named_parameters()].map(([n, p]) => [n, p.grad?.tolist() ?? null]));
      const fgrads = new Map([...fnet.named_parameters()].map(([n, p]) => [n, p.grad?.tolist() ?? null]));
      expect(fgrads).toEqual(tgrads);
      tnet.zero_grad();
      fnet.zero_grad(true);
    }
  });

  it('the same optimizer step on both gives the same weights (explicit hyper-parameters)', () => {
    torch.manual_seed(1);
    const tnet = new TorchNet();
    const fnet = new FlowNet();
    fnet.load_state_dict(flow.load(torch.save(tnet.state_dict())) as Map<string, flow.Tensor>);
    const topt = new torch.optim.SGD(tnet.parameters(), { lr: 0.1, momentum: 0.9 });
    const fopt = new flow.optim.SGD(fnet.parameters(), { lr: 0.1, momentum: 0.9 });
    const x = torch.randn(1, 2, 5, 5).tolist() as number[][][][];
    for (let step = 0; step < 3; step++) {
      topt.zero_grad();
      fopt.zero_grad();
      tnet(torch.tensor(x, { dtype: torch.float32 }), 'left').sum().backward();
      fnet(flow.tensor(x, { dtype: flow.float32 }), 'left').sum().backward();
      topt.step();
      fopt.step();
    }
    const tsd = tnet.state_dict();
    for (const [k, v] of fnet.state_dict()) expect((v as flow.Tensor).tolist()).toEqual((tsd.get(k) as torch.Tensor).tolist());
  });
});
