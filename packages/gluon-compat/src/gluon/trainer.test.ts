/**
 * gluon.Trainer and mx.optimizer: trajectories against PyTorch 1.13 optimizers running the
 * same update rules (tooling/goldens/gen_gluon_layers.py), grad_req 'write'/'add'/'null', and
 * MXNet 1.9's error texts from trainer.py / optimizer.py.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as mx from '../index.js';

const O = JSON.parse(readFileSync(new URL('../../fixtures/layers/optimizers.json', import.meta.url), 'utf8')) as {
  w0: number[];
  grads: number[][];
  batch_size: number;
  [k: string]: unknown;
};

function near(actual: ArrayLike<number>, expected: readonly number[], tol = 1e-5): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (Math.abs(actual[i]! - expected[i]!) > tol * (1 + Math.abs(expected[i]!))) throw new Error(`element ${i}: ${actual[i]} vs ${expected[i]}`);
  }
}

/** A parameter holding w0 whose gradient is set by hand before each step. */
function trajectory(optimizer: string, params: Record<string, unknown>, setup: (p: mx.gluon.Parameter) => void = () => {}): number[][] {
  const p = new mx.gluon.Parameter('w_weight', { shape: [6] });
  p.initialize();
  p.set_data(mx.nd.array(O.w0));
  setup(p);
  const trainer = new mx.gluon.Trainer([p], optimizer, params);
  const hist: number[][] = [];
  for (const g of O.grads) {
    p.grad().__setitem__(':', g);
    p.data()._fresh_grad = true; // as backward would
    trainer.step(O.batch_size);
    hist.push([...p.data().asnumpy()]);
  }
  return hist;
}

describe('gluon.Trainer updates (rescale_grad = 1/batch_size)', () => {
  const cases: [string, string, Record<string, unknown>, ((p: mx.gluon.Parameter) => void)?][] = [
    ['sgd', 'sgd', { learning_rate: 0.1 }],
    ['sgd_mom_wd', 'sgd', { learning_rate: 0.1, momentum: 0.9, wd: 0.01 }],
    ['sgd_clip', 'sgd', { learning_rate: 0.1, momentum: 0.9, wd: 0.01, clip_gradient: 0.1 }],
    ['sgd_mults', 'sgd', { learning_rate: 0.1, momentum: 0.9, wd: 0.01 }, (p) => { p.lr_mult = 0.5; p.wd_mult = 0; }],
    ['adam_eps0_wd', 'adam', { learning_rate: 0.01, wd: 0.01, epsilon: 0 }],
  ];
  for (const [golden, opt, params, setup] of cases) {
    it(`${golden}: 3 steps match the reference`, () => {
      const hist = trajectory(opt, params, setup);
      (O[golden] as number[][]).forEach((w, i) => near(hist[i]!, w));
    });
  }

  it('trains a Dense layer through autograd: loss decreases, learning_rate / set_learning_rate', () => {
    const net = new mx.gluon.nn.Dense(1, { in_units: 2 });
    net.initialize(new mx.init.Zero());
    const trainer = new mx.gluon.Trainer(net.collect_params(), 'sgd', { learning_rate: 0.01 });
    expect(trainer.learning_rate).toBe(0.01);
    const x = mx.nd.array([[1, 2], [3, 4], [5, 6], [7, 8]]);
    const y = mx.nd.array([[5], [11], [17], [23]]); // y = x0 + 2 x1
    const losses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const loss = mx.autograd.record(() => net(x).sub(y).square().sum());
      loss.backward();
      trainer.step(4);
      losses.push(loss.asscalar());
    }
    expect(losses[29]!).toBeLessThan(losses[0]! / 100);
    trainer.set_learning_rate(0.001);
    expect(trainer.learning_rate).toBe(0.001);
    expect(trainer.optimizer).toBeInstanceOf(mx.optimizer.SGD);
  });
});

describe("grad_req 'write' / 'add' / 'null'", () => {
  it("'add' accumulates over backward passes until zero_grad; 'write' overwrites", () => {
    const run = (req: 'write' | 'add') => {
      const net = new mx.gluon.nn.Dense(1, { in_units: 2, use_bias: false });
      net.initialize(new mx.init.One());
      net.collect_params().setattr('grad_req', req);
      const x = mx.nd.array([[1, 2]]);
      for (let i = 0; i < 3; i++) mx.autograd.record(() => net(x)).backward();
      const g = [...net.weight.grad().asnumpy()];
      net.collect_params().zero_grad();
      return { g, after: [...net.weight.grad().asnumpy()] };
    };
    expect(run('write').g).toEqual([1, 2]);
    expect(run('add')).toEqual({ g: [3, 6], after: [0, 0] });
  });

  it("the Trainer steps with the accumulated gradient under 'add' and leaves it for zero_grad", () => {
    const p = new mx.gluon.Parameter('acc_weight', { shape: [2], grad_req: 'add' });
    p.initialize(new mx.init.Zero());
    const trainer = new mx.gluon.Trainer([p], 'sgd', { learning_rate: 1 });
    for (let i = 0; i < 2; i++) mx.autograd.record(() => p.data().mul(mx.nd.array([1, 3])).sum()).backward();
    trainer.step(2); // rescale 1/2 of the summed gradient [2, 6]
    expect([...p.data().asnumpy()]).toEqual([-1, -3]);
    expect([...p.grad().asnumpy()]).toEqual([2, 6]);
    p.zero_grad();
    expect([...p.grad().asnumpy()]).toEqual([0, 0]);
  });

  it("'null' keeps no gradient and the Trainer skips the parameter", () => {
    const net = new mx.gluon.nn.Dense(1, { in_units: 2, prefix: 'fc_' });
    net.initialize(new mx.init.One());
    net.bias!.grad_req = 'null';
    expect(() => net.bias!.grad()).toThrow("Cannot get gradient array for Parameter 'fc_bias' because grad_req='null'");
    const trainer = new mx.gluon.Trainer(net.collect_params(), 'sgd', { learning_rate: 1 });
    mx.autograd.record(() => net(mx.nd.array([[1, 1]]))).backward();
    trainer.step(1);
    // bias_initializer='zeros' wins over the global One(); grad_req 'null' leaves it there.
    expect([...net.bias!.data().asnumpy()]).toEqual([0]);
    expect([...net.weight.data().asnumpy()]).toEqual([0, 0]);
  });
});

describe('Trainer errors (trainer.py / optimizer.py texts)', () => {
  it('stale gradients raise UserWarning unless ignore_stale_grad', () => {
    const a = new mx.gluon.Parameter('a', { shape: [1] });
    const b = new mx.gluon.Parameter('b', { shape: [1] });
    a.initialize(new mx.init.One());
    b.initialize(new mx.init.One());
    const trainer = new mx.gluon.Trainer([a, b], 'sgd', { learning_rate: 1 });
    mx.autograd.record(() => a.data().mul(2).sum()).backward();
    expect(() => trainer.step(1)).toThrow(
      'Gradient of Parameter `b` on context cpu(0) has not been updated by backward since last `step`. This could mean a bug in your model that made it only use a subset of the Parameters (Blocks) for this iteration. If you are intentionally only using a subset, call step with ignore_stale_grad=True to suppress this warning and skip updating of Parameters with stale gradient',
    );
    // As in trainer.py, the parameters visited before the failing one had their fresh flag
    // cleared without an update: a new backward pass marks them fresh again.
    mx.autograd.record(() => a.data().mul(2).sum()).backward();
    trainer.step(1, true);
    expect([...a.data().asnumpy()]).toEqual([-1]);
    expect([...b.data().asnumpy()]).toEqual([1]);
  });

  it('rejects bad arguments with MXNet\'s messages', () => {
    const p = new mx.gluon.Parameter('p', { shape: [1] });
    expect(() => new mx.gluon.Trainer([p], 'sgd')).toThrow("Parameter 'p' has not been initialized");
    p.initialize();
    expect(() => new mx.gluon.Trainer([p], 'nadam2')).toThrow('Cannot find optimizer nadam2');
    expect(() => new mx.gluon.Trainer([p, 3 as unknown as mx.gluon.Parameter], 'sgd')).toThrow(
      "First argument must be a list or dict of Parameters, got list of <class 'int'>.",
    );
    expect(() => new mx.gluon.Trainer([p], new mx.optimizer.SGD(), { learning_rate: 1 })).toThrow(
      'optimizer_params must be None if optimizer is an instance of Optimizer instead of str',
    );
    expect(() => new mx.gluon.Trainer([p], 'sgd', { learnin_rate: 1 })).toThrow("__init__() got an unexpected keyword argument 'learnin_rate'");
    const q = new mx.gluon.Parameter('q', { shape: [1] });
    q.initialize({ ctx: [mx.cpu(0), mx.cpu(1)] });
    expect(() => new mx.gluon.Trainer([p, q], 'sgd')).toThrow(
      'All Parameters must be initialized on the same set of contexts, but Parameter q is initialized on [cpu(0), cpu(1)] while previous Parameters are initialized on [cpu(0)].',
    );
  });

  it('sorts a ParameterDict by name, as MXNet does', () => {
    const d = new mx.gluon.ParameterDict('n_');
    d.get('b', { shape: [1] });
    d.get('a', { shape: [1] });
    d.initialize();
    const trainer = new mx.gluon.Trainer(d, 'sgd');
    expect(trainer._params.map((p) => p.name)).toEqual(['n_a', 'n_b']);
  });
});

describe('several contexts', () => {
  it("sums gradients over contexts and keeps the copies equal (the 'device' KVStore)", () => {
    const p = new mx.gluon.Parameter('w', { shape: [2] });
    p.initialize({ init: new mx.init.One(), ctx: [mx.cpu(0), mx.cpu(1)] });
    const trainer = new mx.gluon.Trainer([p], 'sgd', { learning_rate: 0.5 });
    for (const ctx of [mx.cpu(0), mx.cpu(1)]) {
      mx.autograd.record(() => p.data(ctx).mul(mx.nd.array([1, 2], ctx)).sum()).backward();
    }
    trainer.step(1);
    expect([...p.data(mx.cpu(0)).asnumpy()]).toEqual([0, -1]);
    expect([...p.data(mx.cpu(1)).asnumpy()]).toEqual([0, -1]);
    expect(() => trainer.allreduce_grads()).toThrow('allreduce_grads() when parameters are updated on kvstore is not supported.');
  });

  it('with update_on_kvstore=False: allreduce_grads then update, one updater per context', () => {
    const p = new mx.gluon.Parameter('w', { shape: [2] });
    p.initialize({ init: new mx.init.One(), ctx: [mx.cpu(0), mx.cpu(1)] });
    const trainer = new mx.gluon.Trainer([p], 'sgd', { learning_rate: 0.5 }, { update_on_kvstore: false });
    for (const ctx of [mx.cpu(0), mx.cpu(1)]) {
      mx.autograd.record(() => p.data(ctx).mul(mx.nd.array([1, 2], ctx)).sum()).backward();
    }
    trainer.allreduce_grads();
    expect([...p.grad(mx.cpu(1)).asnumpy()]).toEqual([2, 4]);
    trainer.update(1);
    expect([...p.data(mx.cpu(1)).asnumpy()]).toEqual([0, -1]);
  });
});
