// torch.autograd beyond the goldens: Python argument binding, PyTorch 2.1 additions checked by
// hand (materialize_grads, setup_context), finite-difference gradchecks of custom Functions,
// and the exported names against dir(torch.autograd).
import { readFileSync } from 'node:fs';
import { gradcheck } from '@nncompat/core/testing';
import { describe, expect, it } from 'vitest';
import * as torch from '../index.js';
import type { Tensor } from '../index.js';
import { captureWarnings } from '../utils/warn.js';
import { Exp, MulFirstOnly, ScaleAndSign } from './functions.fixture.js';

const fx = JSON.parse(readFileSync(new URL('../../fixtures/autograd.json', import.meta.url), 'utf8')) as { torch: string; dir: string[] };
const leaf = (v: number[]): Tensor => torch.tensor(v, { dtype: 'float64', requires_grad: true });

describe('torch.autograd names', () => {
  it(`are dir(torch.autograd) of PyTorch ${fx.torch}, plus FunctionCtx`, () => {
    const real = new Set(fx.dir);
    // FunctionCtx lives at torch.autograd.function.FunctionCtx in PyTorch; here it is also
    // re-exported one level up as the type to annotate `ctx` with.
    expect(Object.keys(torch.autograd).filter((n) => !real.has(n))).toEqual(['FunctionCtx']);
    expect(torch.autograd.no_grad).toBe(torch.no_grad);
    expect(torch.autograd.enable_grad).toBe(torch.enable_grad);
    expect(torch.autograd.set_grad_enabled).toBe(torch.set_grad_enabled);
    expect(torch.autograd.function.Function).toBe(torch.autograd.Function);
  });
});

describe('grad / backward argument binding (positional-or-keyword, as PyTorch)', () => {
  it('positional retain_graph and create_graph equal the keywords', () => {
    const x = leaf([1, 2]);
    const y = x.pow(3).sum();
    const [a] = torch.autograd.grad(y, x, null, true, true);
    expect(a!.requires_grad).toBe(true);
    const [b] = torch.autograd.grad(y, x, { retain_graph: true });
    expect(b!.tolist()).toEqual(a!.tolist());
  });
  it('wrong types, unknown and duplicate keywords throw TypeError', () => {
    const x = leaf([1, 2]);
    const y = x.sum();
    expect(() => (torch.autograd.grad as (...a: unknown[]) => unknown)(y, x, null, 'yes')).toThrow(
      "grad(): argument 'retain_graph' (position 4) must be bool, not str",
    );
    expect(() => (torch.autograd.grad as (...a: unknown[]) => unknown)(y, x, { allow_unsued: true })).toThrow(
      "grad() got an unexpected keyword argument 'allow_unsued'",
    );
    expect(() => torch.autograd.backward(y, null, true, { retain_graph: true })).toThrow("backward() got multiple values for argument 'retain_graph'");
  });
  it('only_inputs=false warns as deprecated', () => {
    const x = leaf([1, 2]);
    const [, msgs] = captureWarnings(() => torch.autograd.grad(x.sum(), x, { only_inputs: false }));
    expect(msgs).toEqual([
      'only_inputs argument is deprecated and is ignored now (defaults to True). To accumulate gradient for other parts of the graph, please use torch.autograd.backward.',
    ]);
  });
});

describe('PyTorch 2.1 materialize_grads (not in 1.13; from the 2.1 source)', () => {
  it('unused inputs get zeros that require grad, and allow_unused=false is refused', () => {
    const x = leaf([1, 2]);
    const y = leaf([3, 4]);
    const [gx, gy] = torch.autograd.grad(x.mul(2).sum(), [x, y], { materialize_grads: true });
    expect(gx!.tolist()).toEqual([2, 2]);
    expect(gy!.tolist()).toEqual([0, 0]);
    expect(gy!.requires_grad).toBe(true);
    expect(() => torch.autograd.grad(x.mul(2).sum(), [x, y], { materialize_grads: true, allow_unused: false })).toThrow(
      'Expected allow_unused to be True or not passed when materialize_grads=True, but got: allow_unused=False.',
    );
  });
});

class Cube extends torch.autograd.Function {
  // 2.x style: forward without ctx, setup_context saves what backward needs.
  static override forward(x: Tensor): Tensor {
    return x.pow(3);
  }
  static override setup_context(ctx: torch.autograd.FunctionCtx, inputs: [Tensor], output: Tensor): void {
    void output;
    ctx.save_for_backward(inputs[0]);
  }
  static override backward(ctx: torch.autograd.FunctionCtx, g: Tensor): Tensor {
    const [x] = ctx.saved_tensors;
    return g.mul(x!.pow(2)).mul(3);
  }
}

class Square extends torch.autograd.Function {
  static override forward(ctx: torch.autograd.FunctionCtx, x: Tensor): Tensor {
    ctx.save_for_backward(x);
    return x.mul(x);
  }
  static override vjp(ctx: torch.autograd.FunctionCtx, g: Tensor): Tensor {
    return g.mul(ctx.saved_tensors[0]!).mul(2);
  }
}

class Both extends Square {
  static override backward(_ctx: torch.autograd.FunctionCtx, g: Tensor): Tensor {
    return g;
  }
}

describe('custom Functions', () => {
  it('setup_context (2.x style), vjp, and implementing both backward and vjp', () => {
    const x = leaf([1, 2]);
    const y = Cube.apply(x);
    expect(y.grad_fn!.name()).toBe('CubeBackward');
    y.sum().backward();
    expect(x.grad!.tolist()).toEqual([3, 12]);
    const z = leaf([1, 2]);
    Square.apply(z).sum().backward();
    expect(z.grad!.tolist()).toEqual([2, 4]);
    expect(() => Both.apply(leaf([1])).sum().backward()).toThrow("Implementing both 'backward' and 'vjp' for a custom Function is not allowed.");
  });
  it('ctx is the grad_fn; next_functions point at the tensor inputs', () => {
    const a = leaf([1, 2]);
    const b = leaf([3, 4]);
    const y = MulFirstOnly.apply(a, b);
    const node = y.grad_fn as torch.autograd.FunctionCtx;
    expect(node.saved_tensors[0]).toBe(b);
    expect(node.needs_input_grad).toEqual([true, true]);
    expect(node.next_functions.map(([n]) => n?.name())).toEqual(['torch::autograd::AccumulateGrad', 'torch::autograd::AccumulateGrad']);
  });
  it('gradients agree with finite differences (core gradcheck), also through grad of grad', () => {
    const x = leaf([0.3, -0.7, 1.1]);
    gradcheck((t) => Exp.apply(t), [x]);
    gradcheck((t) => ScaleAndSign.apply(t, 2.5)[0], [x]);
    gradcheck((t) => Cube.apply(t), [x]);
    // The finite differences run under no_grad on detached inputs; grad needs a graph there too.
    const dExp = (t: Tensor): Tensor =>
      torch.enable_grad(() => {
        const u = t.requires_grad ? t : t.detach().requires_grad_();
        return torch.autograd.grad(Exp.apply(u).sum(), u, { create_graph: true })[0]!;
      });
    gradcheck(dExp, [x]);
  });
});
