// torch.autograd.grad / backward and custom Functions against PyTorch 1.13
// (fixtures/autograd.json, tooling/goldens/gen_autograd.py runs the same programs).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as torch from '../index.js';
import type { Tensor } from '../index.js';
import * as Fns from './functions.fixture.js';
import { captureWarnings } from '../utils/warn.js';

type Case = Record<string, unknown>;
const fx = JSON.parse(readFileSync(new URL('../../fixtures/autograd.json', import.meta.url), 'utf8')) as {
  torch: string;
  dir: string[];
  grad: Record<string, Case>;
  function: Record<string, Case>;
};
const G = fx.grad;
const FN = fx.function;
const X = [0.5, -1.25, 2.0];
const Y = [1.5, 0.25, -0.75];
const leaf = (v: number[]): Tensor => torch.tensor(v, { dtype: 'float64', requires_grad: true });
const plain = (v: number[]): Tensor => torch.tensor(v, { dtype: 'float64' });
const enc = (t: Tensor | null | undefined): unknown => (t ? t.tolist() : null);

/** "Type: message" of what `fn` throws, as the fixture writes errors. */
function error(fn: () => unknown): string | null {
  try {
    fn();
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
  return null;
}

/** Values within 1 ulp-ish of PyTorch's (exp/sin may differ in the last bit). */
function close(actual: unknown, expected: unknown): void {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual)).toBe(true);
    (expected as unknown[]).forEach((e, i) => close((actual as unknown[])[i], e));
  } else if (typeof expected === 'number') {
    expect(actual as number).toBeCloseTo(expected, 12);
  } else {
    expect(actual).toEqual(expected);
  }
}

describe(`torch.autograd.grad / backward (PyTorch ${fx.torch})`, () => {
  it('create_graph gives differentiable gradients (second derivatives)', () => {
    const x = leaf(X);
    const [dx] = torch.autograd.grad(x.pow(3).sum(), x, { create_graph: true });
    const [d2x] = torch.autograd.grad(dx!.sum(), x);
    const c = G.create_graph!;
    close(enc(dx), c.dx);
    expect(dx!.requires_grad).toBe(c.dx_requires_grad);
    close(enc(d2x), c.d2x);
  });
  it('allow_unused', () => {
    const x = leaf(X);
    const y = leaf(Y);
    close(torch.autograd.grad(x.mul(x).sum(), [x, y], { allow_unused: true }).map(enc), G.allow_unused!.grads);
    expect(error(() => torch.autograd.grad(x.mul(2).sum(), [x, y]))).toBe(G.allow_unused!.error);
  });
  it('grad_outputs positionally and by keyword, and its errors', () => {
    const x = leaf(X);
    const v = plain(Y);
    const c = G.grad_outputs!;
    close(torch.autograd.grad(x.sin(), x, v).map(enc), c.grads);
    close(torch.autograd.grad(x.sin(), [x], { grad_outputs: [v] }).map(enc), c.keyword);
    expect(error(() => torch.autograd.grad(x.mul(2), x, torch.ones(2, { dtype: 'float64' })))).toBe(c.mismatch);
    expect(error(() => torch.autograd.grad([x.mul(2), x.mul(3)], x, [v]))).toBe(c.count);
    expect(error(() => torch.autograd.grad(x.mul(2), x))).toBe(c.implicit);
  });
  it('retain_graph, and backward through a freed graph', () => {
    const x = leaf(X);
    const z = x.exp().sum();
    torch.autograd.backward(z, { retain_graph: true });
    const c = G.retain_graph!;
    close(enc(x.grad), c.first);
    torch.autograd.backward(z);
    close(enc(x.grad), c.second);
    expect(error(() => torch.autograd.backward(z))).toBe(c.third);
    const y = leaf(X).exp();
    const x2 = leaf(X);
    const y2 = x2.exp();
    close(torch.autograd.grad(y2.sum(), x2).map(enc), [G.grad_twice!.grad]);
    expect(error(() => torch.autograd.grad(y2.sum(), x2))).toBe(G.grad_twice!.error);
    void y;
  });
  it('is_grads_batched: one backward per batch entry (a Jacobian from eye)', () => {
    const x = leaf(X);
    const c = G.is_grads_batched!;
    const eye = torch.eye(3, { dtype: 'float64' });
    close(torch.autograd.grad(x.sin().mul(x), x, eye, { is_grads_batched: true }).map(enc), c.jacobian);
    expect(error(() => torch.autograd.grad(x.mul(2), x, torch.ones(3, 2, { dtype: 'float64' }), { is_grads_batched: true }))).toBe(c.mismatch);
  });
  it('backward of several tensors, and with inputs', () => {
    let x = leaf(X);
    let y = leaf(Y);
    torch.autograd.backward([x.mul(y).sum(), x.pow(2)], [null, plain(Y)]);
    close(enc(x.grad), G.backward_many!.x_grad);
    close(enc(y.grad), G.backward_many!.y_grad);
    x = leaf(X);
    y = leaf(Y);
    torch.autograd.backward(x.mul(y).sum(), { inputs: [x] });
    close(enc(x.grad), G.backward_inputs!.x_grad);
    expect(enc(y.grad)).toEqual(G.backward_inputs!.y_grad);
  });
  it("PyTorch's errors", () => {
    const x = leaf(X);
    const nog = plain(X);
    const e = G.errors!;
    expect(error(() => torch.autograd.grad(nog.sum(), x))).toBe(e.output_no_grad);
    expect(error(() => torch.autograd.grad(x.mul(2).sum(), nog))).toBe(e.input_no_grad);
    expect(error(() => torch.autograd.grad(x.mul(2).sum(), []))).toBe(e.empty_inputs);
    expect(error(() => torch.autograd.backward(x.mul(2).sum(), { inputs: [] }))).toBe(e.backward_empty_inputs);
    expect(error(() => torch.autograd.backward([x.mul(2).sum(), x.mul(3).sum()], [torch.tensor(1)]))).toBe(e.backward_count);
    const [both, warned] = captureWarnings(() => error(() => torch.autograd.backward(x.mul(2).sum(), torch.tensor(1), { grad_variables: torch.tensor(1) })));
    expect(both).toBe(e.backward_both);
    expect(warned).toEqual(["'grad_variables' is deprecated. Use 'grad_tensors' instead."]);
  });
});

describe(`torch.autograd.Function (PyTorch ${fx.torch})`, () => {
  it('Exp saving its output: values, first and second derivatives, freed saved tensors', () => {
    const c = FN.exp!;
    const x = leaf(X);
    const y = Fns.Exp.apply(x);
    expect(y.grad_fn!.name()).toBe(c.grad_fn);
    expect((y.grad_fn as torch.autograd.FunctionCtx).saved_tensors[0]!.grad_fn!.name()).toBe(c.saved_grad_fn);
    const [dx] = torch.autograd.grad(y.sum(), x, { create_graph: true });
    const [d2x] = torch.autograd.grad(dx!.sum(), x);
    const y2 = Fns.Exp.apply(x);
    y2.sum().backward();
    close(enc(y), c.y);
    close(enc(dx), c.dx);
    close(enc(d2x), c.d2x);
    close(enc(x.grad), c.x_grad);
    expect(error(() => (y2.grad_fn as torch.autograd.FunctionCtx).saved_tensors)).toBe(c.saved_after_free);
    expect(error(() => y2.sum().backward())).toBe(c.backward_twice);
  });
  it('a non-tensor argument and mark_non_differentiable', () => {
    const c = FN.non_tensor_arg!;
    const x = leaf(X);
    const [out, sign] = Fns.ScaleAndSign.apply(x, 3);
    out.mul(sign).sum().backward();
    close(enc(out), c.out);
    close(enc(sign), c.sign);
    expect(sign.requires_grad).toBe(c.sign_requires_grad);
    expect(out.requires_grad).toBe(c.out_requires_grad);
    expect(out.grad_fn!.name()).toBe(c.grad_fn);
    expect(out.grad_fn!.next_functions.length).toBe(c.next_functions);
    close(enc(x.grad), c.x_grad);
  });
  it('backward returning null for an input', () => {
    const a = leaf(X);
    const b = leaf(Y);
    Fns.MulFirstOnly.apply(a, b).sum().backward();
    close(enc(a.grad), FN.none_grad!.a_grad);
    expect(enc(b.grad)).toEqual(FN.none_grad!.b_grad);
  });
  it("backward's result is validated", () => {
    expect(error(() => Fns.WrongCount.apply(leaf(X), leaf(Y)).sum().backward())).toBe(FN.wrong_count!.error);
    expect(error(() => Fns.GradForNonTensor.apply(leaf(X), 2).sum().backward())).toBe(FN.grad_for_non_tensor!.error);
    expect(error(() => Fns.BadShape.apply(leaf(X)).sum().backward())).toBe(FN.bad_shape!.error);
    const x = leaf(X);
    Fns.Broadcasting.apply(x).sum().backward();
    close(enc(x.grad), FN.broadcast_grad!.x_grad);
  });
  it('needs_input_grad, and no graph under no_grad', () => {
    const c = FN.needs_input_grad!;
    const a = leaf(X);
    const b = plain(Y);
    const r = Fns.NeedsInputGrad.apply(a, b, 2);
    expect(Fns.NeedsInputGrad.seen).toEqual(c.seen);
    const r2 = torch.no_grad(() => Fns.NeedsInputGrad.apply(a, b, 2));
    expect(Fns.NeedsInputGrad.seen).toEqual(c.no_grad_seen);
    expect(r.requires_grad).toBe(c.requires_grad);
    expect(r2.requires_grad).toBe(c.no_grad_requires_grad);
    expect(r2.grad_fn !== null).toBe(c.no_grad_has_grad_fn);
  });
  it('set_materialize_grads', () => {
    for (const m of [true, false]) {
      const c = FN[`materialize_${m}`]!;
      const a = leaf(X);
      const [o1] = Fns.TwoOutputs.apply(a, m);
      o1.sum().backward();
      expect(Fns.TwoOutputs.seen).toEqual(c.seen_none);
      close(enc(a.grad), c.a_grad);
    }
  });
  it('mark_dirty', () => {
    const c = FN.mark_dirty!;
    const a = leaf(X);
    const base = a.mul(1);
    const r = Fns.AddOneInPlace.apply(base);
    r.sum().backward();
    expect(r === base).toBe(c.same_object);
    close(enc(r), c.r);
    expect(r.grad_fn!.name()).toBe(c.grad_fn);
    close(enc(a.grad), c.a_grad);
    expect(error(() => Fns.AddOneInPlace.apply(leaf(X)))).toBe(c.leaf_error);
  });
  it('an input returned unchanged comes back as a new tensor with the node as grad_fn', () => {
    const c = FN.identity!;
    const a = leaf(X);
    const r = Fns.Identity.apply(a);
    r.sum().backward();
    expect(r === a).toBe(c.same_object);
    expect(a.is_leaf).toBe(c.a_is_leaf);
    expect(r.grad_fn!.name()).toBe(c.grad_fn);
    close(enc(a.grad), c.a_grad);
  });
  it('missing forward, saving a non-tensor', () => {
    const c = FN.not_implemented!;
    expect(error(() => (torch.autograd.Function.apply as (...a: unknown[]) => unknown)(leaf(X)))).toBe(c.forward);
    expect(error(() => Fns.SaveInt.apply(leaf(X)))).toBe(c.save_non_tensor);
  });
});
