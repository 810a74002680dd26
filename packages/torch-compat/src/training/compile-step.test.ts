// compileStep (backend-onnxruntime) on real torch-compat modules and optimizers: the compiled
// train step must follow the eager one (same seed, same batches) step for step.
import { describe, expect, it } from 'vitest';
import { manual_seed, randint, randn, type Tensor } from '@nncompat/core';
import { assertClose } from '@nncompat/core/testing';
import { compileStep, TraceError } from '@nncompat/backend-onnxruntime';
import * as F from '../functional/index.js';
import { BatchNorm1d } from '../nn/modules/batchnorm.js';
import { Conv2d } from '../nn/modules/conv.js';
import { Linear } from '../nn/modules/linear.js';
import { Module } from '../nn/modules/module.js';
import { Adam, AdamW } from '../optim/adam.js';
import type { Optimizer } from '../optim/optimizer.js';
import { StepLR } from '../optim/lr_scheduler.js';
import { SGD } from '../optim/sgd.js';
import { cnnProblem, lstmProblem, mlpProblem, transformerProblem } from './models.test-helpers.js';
import { expectTrajectory, loadTrajectories, type Problem, stateDictValues } from './trajectory.test-helpers.js';

class Net extends Module {
  declare fc1: Linear;
  declare bn: BatchNorm1d;
  declare fc2: Linear;
  constructor() {
    super();
    this.fc1 = new Linear(12, 24);
    this.bn = new BatchNorm1d(24);
    this.fc2 = new Linear(24, 5);
  }
  override forward(x: Tensor): Tensor {
    return this.fc2(F.relu(this.bn(this.fc1(x))));
  }
}

class ConvNet extends Module {
  declare conv: Conv2d;
  declare fc: Linear;
  constructor() {
    super();
    this.conv = new Conv2d(2, 4, 3, { padding: 1 });
    this.fc = new Linear(4 * 4 * 4, 3);
  }
  override forward(x: Tensor): Tensor {
    return this.fc(F.max_pool2d(F.relu(this.conv(x)), 2).flatten(1));
  }
}

type Make = () => Module & ((x: Tensor) => Tensor);

function trainer(make: Make, opt: (m: Module) => Optimizer) {
  manual_seed(0);
  const model = make().to('onnxruntime') as Module & ((x: Tensor) => Tensor);
  const o = opt(model);
  const step = (x: Tensor, y: Tensor): Tensor => {
    o.zero_grad();
    const loss = F.cross_entropy(model(x), y);
    loss.backward();
    o.step();
    return loss;
  };
  return { model, step, opt: o };
}

function batches(n: number, shape: number[], classes: number): [Tensor, Tensor][] {
  manual_seed(42);
  return Array.from({ length: n }, () => [randn(...shape).to('onnxruntime'), randint(0, classes, [shape[0]!]).to('onnxruntime')]);
}

function expectSame(a: Module, b: Module): void {
  const sa = a.state_dict();
  const sb = b.state_dict();
  expect([...sa.keys()]).toEqual([...sb.keys()]);
  for (const [k, value] of sa) {
    const v = value as Tensor;
    const w = sb.get(k) as Tensor;
    if (v.dtype.is_floating_point) assertClose(v.to('cpu'), w.to('cpu'), { rtol: 1e-5, atol: 1e-6 });
    else expect(v.to('cpu').tolist()).toEqual(w.to('cpu').tolist());
  }
}

/**
 * Trains two copies from the same seed, one through compileStep, on `data`: losses step by step
 * and the final state_dicts must agree; calls from the 4th on ran compiled. Returns the compiled copy.
 */
function followsEager(make: () => Module, opt: (m: Module) => Optimizer, data: [Tensor, Tensor][]): Module {
  const asNet = make as Make;
  const eager = trainer(asNet, opt);
  const fast = trainer(asNet, opt);
  const train = compileStep(fast.step);
  for (const [x, y] of data) assertClose(train(x, y).to('cpu'), eager.step(x, y).to('cpu'), { rtol: 1e-5, atol: 1e-6 });
  expect(train.compiledCalls).toBe(data.length - 3);
  expectSame(fast.model, eager.model);
  train.dispose();
  return fast.model;
}

describe('compileStep on torch-compat modules and optimizers', () => {
  const variants: [string, (m: Module) => Optimizer][] = [
    ['SGD momentum', (m) => new SGD(m.parameters(), { lr: 0.05, momentum: 0.9 })],
    ['SGD nesterov + weight decay', (m) => new SGD(m.parameters(), { lr: 0.05, momentum: 0.9, nesterov: true, weight_decay: 1e-3 })],
    ['SGD dampening, maximize', (m) => new SGD(m.parameters(), { lr: 0.01, momentum: 0.5, dampening: 0.3, maximize: true })],
    // capturable keeps the step count a tensor, so the whole Adam step compiles.
    ['Adam capturable', (m) => new Adam(m.parameters(), { lr: 1e-2, capturable: true })],
    ['AdamW capturable, amsgrad', (m) => new AdamW(m.parameters(), { lr: 1e-2, amsgrad: true, capturable: true })],
  ];
  for (const [name, opt] of variants) {
    it(`${name}: Linear + BatchNorm1d (running stats, int64 num_batches_tracked) follows the eager steps`, () => {
      const fast = followsEager(() => new Net(), opt, batches(8, [10, 12], 5));
      expect(Number((fast.state_dict().get('bn.num_batches_tracked') as Tensor).item())).toBe(8);
    });
  }

  it('a conv net (Conv2d weight gradient, max-pool, flatten) follows the eager steps', () => {
    followsEager(() => new ConvNet(), (m) => new SGD(m.parameters(), { lr: 0.05, momentum: 0.9 }), batches(7, [6, 2, 8, 8], 3));
  });

  it('dropout: compiled calls replay the generator, so masks (and the whole run) equal the eager run bit for bit', () => {
    class DropNet extends Module {
      declare fc1: Linear;
      declare fc2: Linear;
      constructor() {
        super();
        this.fc1 = new Linear(12, 32);
        this.fc2 = new Linear(32, 5);
      }
      override forward(x: Tensor): Tensor {
        return this.fc2(F.dropout(F.relu(this.fc1(x)), { p: 0.3, training: this.training }));
      }
    }
    const opt = (m: Module) => new SGD(m.parameters(), { lr: 0.05, momentum: 0.9 });
    const data = batches(8, [10, 12], 5);
    const fast = trainer(() => new DropNet() as Module & ((x: Tensor) => Tensor), opt);
    const train = compileStep(fast.step);
    const fastLosses = data.map(([x, y]) => train(x, y).item() as number);
    const afterFast = randn(4).tolist();
    const eager = trainer(() => new DropNet() as Module & ((x: Tensor) => Tensor), opt);
    const eagerLosses = data.map(([x, y]) => eager.step(x, y).item() as number);
    const afterEager = randn(4).tolist();
    expect(train.compiledCalls).toBe(5);
    expect(fastLosses).toEqual(eagerLosses);
    expect(afterFast).toEqual(afterEager); // the generator advanced exactly as in the eager run
    expectSame(fast.model, eager.model);
    train.dispose();
  });

  // PyTorch's 20-step trajectories (fixtures/training/*.json, the SGD cases) replayed with every
  // step compiled: the same value-by-value tolerance as the eager replays (expectTrajectory).
  const problems: [string, () => Problem][] = [
    ['mlp', () => mlpProblem()], ['mlp_dropout', () => mlpProblem(0.25)], ['cnn', cnnProblem], ['lstm', lstmProblem], ['transformer', transformerProblem],
  ];
  for (const [name, problem] of problems) {
    it(`PyTorch's ${name} trajectories (SGD cases) replayed through compileStep on onnxruntime`, () => {
      const fx = loadTrajectories(name);
      const lossFn = fx.loss === 'cross_entropy' ? F.cross_entropy : F.mse_loss;
      for (const c of fx.cases.filter((k) => k.optim === 'SGD')) {
        manual_seed(fx.seed);
        const { model, x, y } = problem();
        model.to('onnxruntime');
        const o = new SGD(model.parameters(), { ...(c.kwargs as { lr: number }) });
        const train = compileStep((xb: Tensor, yb: Tensor) => {
          o.zero_grad();
          const loss = lossFn((model as unknown as (t: Tensor) => Tensor)(xb), yb);
          loss.backward();
          o.step();
          return loss;
        });
        const [xo, yo] = [x.to('onnxruntime'), y.to('onnxruntime')];
        const losses = Array.from({ length: fx.steps }, () => train(xo, yo).item() as number);
        expect(train.compiledCalls).toBe(fx.steps - 3);
        expectTrajectory(c, losses, stateDictValues(model), `${JSON.stringify(c.kwargs)} `);
        train.dispose();
      }
    });
  }

  it('an lr scheduler needs no guard: param-group writes retrace the compiled step, which follows the eager run', () => {
    const data = batches(15, [10, 12], 5);
    const run = (compiled: boolean): { losses: number[]; compiledCalls: number } => {
      const t = trainer(() => new Net() as Module & ((x: Tensor) => Tensor), (m) => new SGD(m.parameters(), { lr: 0.1, momentum: 0.9 }));
      const sched = new StepLR(t.opt, 5, { gamma: 0.1 });
      const train = compiled ? compileStep(t.step) : t.step;
      const losses = data.map(([x, y]) => {
        const l = train(x, y).item() as number;
        sched.step();
        return l;
      });
      const compiledCalls = compiled ? (train as ReturnType<typeof compileStep>).compiledCalls : 0;
      return { losses, compiledCalls };
    };
    const eager = run(false);
    const fast = run(true);
    fast.losses.forEach((l, i) => expect(Math.abs(l - eager.losses[i]!)).toBeLessThanOrEqual(1e-5 * Math.abs(eager.losses[i]!)));
    // Each lr lasts 5 calls: 1 eager + 2 traced + 2 compiled.
    expect(fast.compiledCalls).toBe(6);
  });

  it("refuses Adam's host-computed bias correction with a TraceError; the refused call still applies, later ones raise", () => {
    const opt = (m: Module) => new Adam(m.parameters(), { lr: 1e-3 });
    const eager = trainer(() => new Net() as Module & ((x: Tensor) => Tensor), opt);
    const fast = trainer(() => new Net() as Module & ((x: Tensor) => Tensor), opt);
    const train = compileStep(fast.step);
    const data = batches(4, [10, 12], 5);
    // The step count lives on the CPU (PyTorch's default), or on the default backend when
    // NNCOMPAT_BACKEND picks onnxruntime: then its .item() is a traced read, refused one call earlier.
    let refusedAt = -1;
    data.forEach(([x, y], i) => {
      try {
        train(x, y);
      } catch (e) {
        expect(e).toBeInstanceOf(TraceError);
        expect((e as Error).message).toMatch(/made on the host during the call whose values change|read a traced tensor on the host/);
        if (refusedAt < 0) {
          refusedAt = i;
          eager.step(x, y); // the refused call ran eagerly
        }
        return;
      }
      eager.step(x, y);
    });
    expect([1, 2]).toContain(refusedAt);
    expectSame(fast.model, eager.model);
  });

  it('reports an out-of-range target eagerly with PyTorch\'s error while tracing', () => {
    const fast = trainer(() => new Net() as Module & ((x: Tensor) => Tensor), (m) => new SGD(m.parameters(), { lr: 0.1 }));
    const train = compileStep(fast.step);
    const [[x, y]] = batches(1, [10, 12], 5) as [[Tensor, Tensor]];
    train(x, y);
    expect(() => train(x, y.add(10))).toThrow('Target 1');
  });
});
