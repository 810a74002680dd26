import { describe, expect, it } from 'vitest';
import { bernoulli, conv2d, full, manual_seed, no_grad, rand, randint, randn, RuntimeError, type Tensor } from '@nncompat/core';
import { assertClose } from '@nncompat/core/testing';
import { compile, compileStep, sessionCacheStats, TraceError } from '../index.js';

const ort = (t: Tensor): Tensor => t.to('onnxruntime');

/** A 2-layer MLP with SGD + momentum (lazy buffers, in-place updates), written with core ops. */
function mlpTrainer(seed: number, lr: () => number = () => 0.1) {
  manual_seed(seed);
  const params = [randn(16, 8).mul(0.3), randn(16).mul(0.1), randn(4, 16).mul(0.3), randn(4).mul(0.1)].map((t) => ort(t).requires_grad_());
  const momentum = new Map<Tensor, Tensor>();
  const step = (x: Tensor, y: Tensor): Tensor => {
    for (const p of params) p.grad = null;
    const [w1, b1, w2, b2] = params as [Tensor, Tensor, Tensor, Tensor];
    const logp = x.mm(w1.t()).add(b1).relu().mm(w2.t()).add(b2).log_softmax(1);
    const loss = logp.gather(1, y.unsqueeze(1)).neg().mean();
    loss.backward();
    no_grad(() => {
      for (const p of params) {
        let buf = momentum.get(p);
        if (!buf) momentum.set(p, (buf = p.grad!.clone()));
        else buf.mul_(0.9).add_(p.grad!);
        p.add_(buf, { alpha: -lr() });
      }
    });
    return loss;
  };
  return { params, momentum, step };
}

function batch(seed: number, n = 6): [Tensor, Tensor] {
  manual_seed(seed);
  return [ort(randn(n, 8)), ort(randint(0, 4, [n]))];
}

describe('compileStep(step)', () => {
  it('runs a whole train step (forward, backward, optimizer update) as one graph, matching eager calls', () => {
    const eager = mlpTrainer(1);
    const fast = mlpTrainer(1);
    const train = compileStep(fast.step);
    for (let i = 0; i < 8; i++) {
      const [x, y] = batch(100 + i);
      const before = sessionCacheStats().hits;
      const a = train(x, y);
      if (i >= 3) expect(sessionCacheStats().hits).toBe(before); // one session run, no per-op sessions
      const b = eager.step(x, y);
      assertClose(a.to('cpu'), b.to('cpu'), { rtol: 1e-6, atol: 1e-7 });
    }
    expect(train.compiledCalls).toBe(5);
    fast.params.forEach((p, i) => assertClose(p.detach().to('cpu'), eager.params[i]!.detach().to('cpu'), { rtol: 1e-6, atol: 1e-7 }));
    for (const p of fast.params) {
      assertClose(fast.momentum.get(p)!.to('cpu'), eager.momentum.get(eager.params[fast.params.indexOf(p)]!)!.to('cpu'), { rtol: 1e-6, atol: 1e-7 });
    }
    expect(train.model).toBeInstanceOf(Uint8Array);
    train.dispose();
  });

  it('reads state at call time: eager updates between compiled calls are seen', () => {
    const fast = mlpTrainer(2);
    const eager = mlpTrainer(2);
    const train = compileStep(fast.step);
    const [x, y] = batch(7);
    for (let i = 0; i < 4; i++) {
      train(x, y);
      eager.step(x, y);
    }
    no_grad(() => {
      fast.params[0]!.mul_(0.5);
      eager.params[0]!.mul_(0.5);
    });
    assertClose(train(x, y).to('cpu'), eager.step(x, y).to('cpu'), { rtol: 1e-6, atol: 1e-7 });
    train.dispose();
  });

  it('makes tensors the trace left behind (e.g. .grad after set_to_none) raise when read, instead of going stale', () => {
    const fast = mlpTrainer(3);
    const train = compileStep(fast.step);
    const [x, y] = batch(8);
    for (let i = 0; i < 4; i++) train(x, y);
    expect(() => fast.params[0]!.grad!.to('cpu')).toThrow(RuntimeError);
    expect(() => fast.params[0]!.grad!.sum()).toThrow(/compiled calls do not update it/);
    // Parameters themselves stay readable and current.
    expect(Number.isFinite(fast.params[0]!.detach().sum().item() as number)).toBe(true);
    train.dispose();
  });

  it('retraces when the guard changes (a learning-rate schedule) and follows the new value', () => {
    let lr = 0.1;
    const fast = mlpTrainer(4, () => lr);
    const eager = mlpTrainer(4, () => lr);
    const train = compileStep(fast.step, { guard: () => lr });
    const [x, y] = batch(9);
    for (let i = 0; i < 10; i++) {
      if (i === 5) lr = 0.01;
      assertClose(train(x, y).to('cpu'), eager.step(x, y).to('cpu'), { rtol: 1e-6, atol: 1e-7 });
    }
    expect(train.compiledCalls).toBe(4); // calls 3-4 on the first graph, 8-9 on the second
    train.dispose();
  });

  it('compiles each input signature separately (a smaller last batch)', () => {
    const fast = mlpTrainer(5);
    const eager = mlpTrainer(5);
    const train = compileStep(fast.step);
    for (let i = 0; i < 10; i++) {
      const [x, y] = batch(20 + i, i % 2 === 0 ? 6 : 3);
      assertClose(train(x, y).to('cpu'), eager.step(x, y).to('cpu'), { rtol: 1e-6, atol: 1e-7 });
    }
    expect(train.compiledCalls).toBe(4);
    train.dispose();
  });

  it('captures partial in-place writes (a slice of a buffer) and int64 state', () => {
    const counts = ort(randint(0, 5, [5])).to('int64');
    const acc = ort(randn(4, 3));
    const step = (x: Tensor): Tensor => {
      no_grad(() => {
        acc.narrow(0, 1, 2).add_(x);
        counts.add_(1);
      });
      return acc.sum();
    };
    const accRef = acc.clone();
    const countsRef = counts.clone();
    const train = compileStep(step);
    for (let i = 0; i < 6; i++) {
      const x = ort(randn(2, 3));
      const got = train(x);
      accRef.narrow(0, 1, 2).add_(x);
      countsRef.add_(1);
      assertClose(got.to('cpu'), accRef.sum().to('cpu'), { rtol: 1e-6, atol: 1e-6 });
    }
    expect(train.compiledCalls).toBe(3);
    assertClose(acc.to('cpu'), accRef.to('cpu'), { rtol: 1e-6, atol: 1e-6 });
    expect(counts.to('cpu').tolist()).toEqual(countsRef.to('cpu').tolist());
    train.dispose();
  });

  it('runs a conv net step natively (the conv weight gradient is an onnxruntime Conv)', () => {
    manual_seed(6);
    const w = ort(randn(4, 2, 3, 3).mul(0.2)).requires_grad_();
    const wRef = w.detach().clone().requires_grad_();
    const mk = (weight: Tensor) => (x: Tensor): Tensor => {
      weight.grad = null;
      const loss = conv2d(x, weight, null, { stride: 2, padding: 1 }).relu().pow(2).mean();
      loss.backward();
      no_grad(() => weight.sub_(weight.grad!.mul(0.05)));
      return loss;
    };
    const train = compileStep(mk(w));
    const ref = mk(wRef);
    for (let i = 0; i < 6; i++) {
      const x = ort(randn(3, 2, 9, 9));
      assertClose(train(x).to('cpu'), ref(x).to('cpu'), { rtol: 1e-5, atol: 1e-6 });
    }
    expect(train.compiledCalls).toBe(3);
    assertClose(w.detach().to('cpu'), wRef.detach().to('cpu'), { rtol: 1e-5, atol: 1e-6 });
    train.dispose();
  });

  it('refuses a step that reads a traced value on the host, after letting that call finish eagerly', () => {
    const fast = mlpTrainer(7);
    const eager = mlpTrainer(7);
    const train = compileStep((x: Tensor, y: Tensor) => {
      const loss = fast.step(x, y);
      if ((loss.item() as number) > 100) throw new Error('diverged');
      return loss;
    });
    const [x, y] = batch(11);
    train(x, y);
    eager.step(x, y);
    let refusal: unknown = null;
    try {
      train(x, y);
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(TraceError);
    expect(((refusal as Error).cause as Error).stack).toContain('item'); // the cause points at the read
    eager.step(x, y);
    // The refused call still applied its update, like the eager step.
    fast.params.forEach((p, i) => assertClose(p.detach().to('cpu'), eager.params[i]!.detach().to('cpu'), { rtol: 1e-6, atol: 1e-7 }));
    // Later calls of that signature raise the same error without running.
    expect(() => train(x, y)).toThrow(refusal as Error);
    fast.params.forEach((p, i) => assertClose(p.detach().to('cpu'), eager.params[i]!.detach().to('cpu'), { rtol: 1e-6, atol: 1e-7 }));
  });

  it('replays draws made on onnxruntime (rand with device), bit for bit with the eager run and the generator', () => {
    const run = (compiled: boolean): { losses: number[]; next: number[] } => {
      manual_seed(8);
      const w = ort(randn(8, 8)).requires_grad_();
      const step = (x: Tensor): Tensor => {
        w.grad = null;
        const noise = rand([4, 8], { device: 'onnxruntime' });
        const loss = x.add(noise).mm(w).pow(2).mean();
        loss.backward();
        no_grad(() => w.sub_(w.grad!.mul(0.01)));
        return loss;
      };
      const train = compiled ? compileStep(step) : step;
      const x = ort(randn(4, 8));
      const losses = Array.from({ length: 6 }, () => train(x).item() as number);
      return { losses, next: randn(3).tolist() as number[] };
    };
    const eager = run(false);
    const compiled = run(true);
    expect(compiled.losses).toEqual(eager.losses);
    expect(compiled.next).toEqual(eager.next);
  });

  it('refuses draws it cannot replay: Bernoulli with tensor probabilities, and random tensors drawn elsewhere and moved', () => {
    manual_seed(8);
    const w = ort(randn(8, 8)).requires_grad_();
    const make = (mask: () => Tensor) => (x: Tensor): Tensor => {
      w.grad = null;
      const loss = x.mm(w).mul(mask()).sum();
      loss.backward();
      no_grad(() => w.sub_(w.grad!.mul(0.01)));
      return loss;
    };
    const x = ort(randn(4, 8));
    const tensorProbs = compileStep(make(() => ort(bernoulli(full([4, 8], 0.5)))));
    tensorProbs(x);
    tensorProbs(x);
    expect(() => tensorProbs(x)).toThrow(/depends on tensor values/);
    const moved = compileStep(make(() => ort(rand(4, 8))));
    moved(x);
    moved(x);
    expect(() => moved(x)).toThrow(/values change from call to call/);
  });

  it('rejects bad arguments with errors naming them', () => {
    expect(() => compileStep(42 as unknown as () => void)).toThrow("'step' must be a function");
    const train = compileStep((x: Tensor) => x.sum());
    expect(() => train(randn(2))).toThrow(/input 0 is on 'cpu'/);
  });
});

describe('compile(fn) and in-place writes', () => {
  it('compiles in-place ops on values the function made', () => {
    const x = ort(randn(3, 4));
    const fn = (t: Tensor): Tensor => {
      const h = t.mul(2);
      h.relu_();
      h.narrow(1, 0, 2).add_(1);
      return h;
    };
    const fast = compile(fn, [x]);
    const x2 = ort(randn(3, 4));
    assertClose((fast(x2) as Tensor).to('cpu'), fn(x2).to('cpu'), { rtol: 1e-6, atol: 1e-6 });
    fast.dispose();
  });

  it('refuses writes into tensors the function did not make (use compileStep for those)', () => {
    const buf = ort(randn(3));
    expect(() => compile((t: Tensor) => no_grad(() => buf.add_(t)), [ort(randn(3))])).toThrow(/writes in place into a tensor it did not create/);
  });
});
