// ATen's mm_mat1_backward / mm_mat2_backward pick the gradient's layout from the operand's: a
// column-major operand (a Linear weight's `.t()`) gets its gradient computed column-major (so the
// weight's own gradient is contiguous with no copy), and alpha scales the product afterwards.
// Strides below are what torch 1.13 returns for the same calls (torch.autograd.grad on the view).
import { describe, expect, it } from 'vitest';
import { addmm, grad, manual_seed, randn } from '../index.js';
import { assertClose } from '../testing/assert.js';

describe('mm / addmm backward layouts (ATen)', () => {
  it("a column-major mat2 (w.t()) gets a column-major gradient: strides (1, 4), as torch's", () => {
    manual_seed(0);
    const x = randn(5, 4);
    const w = randn(3, 4).requires_grad_();
    const g = randn(5, 3);
    const wt = w.t();
    const [gw] = grad(addmm(randn(3), x, wt), [wt], { grad_outputs: g });
    expect(gw!.shape).toEqual([4, 3]);
    expect(gw!._strides).toEqual([1, 4]);
    assertClose(gw!, x.t().mm(g), { rtol: 1e-6, atol: 1e-6 });
    const [gm] = grad(x.mm(wt), [wt], { grad_outputs: g });
    expect(gm!._strides).toEqual([1, 4]);
  });

  it('a column-major mat1 gets a column-major gradient, strides (1, 5); alpha scales it', () => {
    manual_seed(1);
    const a = randn(4, 5).requires_grad_();
    const at = a.t();
    const m2 = randn(4, 3);
    const g = randn(5, 3);
    const [ga] = grad(addmm(randn(5, 3), at, m2), [at], { grad_outputs: g });
    expect(ga!._strides).toEqual([1, 5]);
    assertClose(ga!, g.mm(m2.t()), { rtol: 1e-6, atol: 1e-6 });
    // With alpha the values are alpha·(g·m2ᵀ), and the multiply keeps the (1, 5) layout (torch's
    // TensorIterator rule, which core's elementwise ops follow).
    const [gs] = grad(addmm(randn(5, 3), at, m2, { alpha: 0.5 }), [at], { grad_outputs: g });
    expect(gs!._strides).toEqual([1, 5]);
    assertClose(gs!, g.mm(m2.t()).mul(0.5), { rtol: 1e-6, atol: 1e-6 });
    // A row-major operand keeps the row-major formula (torch: strides (4, 1)).
    const m1 = randn(5, 4).requires_grad_();
    const [g1] = grad(m1.mm(randn(3, 4).t()), [m1], { grad_outputs: g });
    expect(g1!._strides).toEqual([4, 1]);
  });
});
