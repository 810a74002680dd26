/**
 * The `torch.*` function forms added for the ported-code Tensor methods and the compositions:
 * every name is exported, and what the goldens cannot show (out= rejection, warnings, backward
 * errors, identity results, unsupported arguments).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SURFACE } from '../surface.js';
import * as torch from './index.js';
import { TORCH_FUNCTIONS_EXTRA } from './names.js';

describe('torch namespace function forms (ported-code methods and compositions)', () => {
  afterEach(() => vi.restoreAllMocks());
  it('exports each name as a function, reachable from the package root and listed in SURFACE', async () => {
    const ns = torch as unknown as Record<string, unknown>;
    expect(TORCH_FUNCTIONS_EXTRA.filter((n) => typeof ns[n] !== 'function')).toEqual([]);
    const root = (await import('../index.js')) as unknown as Record<string, unknown>;
    expect(TORCH_FUNCTIONS_EXTRA.filter((n) => typeof root[n] !== 'function')).toEqual([]);
    expect(TORCH_FUNCTIONS_EXTRA.filter((n) => !SURFACE.includes(`torch.${n}`))).toEqual([]);
    expect(TORCH_FUNCTIONS_EXTRA.length).toBe(112);
  });
  it('rejects out= with NotImplementedError', () => {
    const x = torch.ones(2, 2);
    const out = { out: torch.empty(2) } as unknown as { out?: null };
    for (const f of [() => torch.sort(x, out), () => torch.cumsum(x, 0, out), () => torch.norm(x, out), () => torch.topk(x, 1, out), () => torch.fmax(x, x, out), () => torch.diff(x, out)]) {
      expect(f).toThrow(expect.objectContaining({ name: 'NotImplementedError' }));
    }
  });
  it('sort / topk results are (values, indices) namedtuples', () => {
    const r = torch.sort(torch.tensor([3, 1, 2]), { descending: true });
    const [v, i] = r;
    expect(v).toBe(r.values);
    expect(i).toBe(r.indices);
    expect(r.values.tolist()).toEqual([3, 2, 1]);
    expect(torch.topk(torch.tensor([1, 5, 3]), 2).indices.tolist()).toEqual([1, 2]);
  });
  it('torch.median(input, keepdim) without dim is a TypeError, as in PyTorch', () => {
    expect(() => torch.median(torch.ones(3), { keepdim: true })).toThrow(TypeError);
  });
  it('torch.equal returns a boolean; torch.positive returns its input', () => {
    expect(torch.equal(torch.tensor([1, 2]), torch.tensor([1, 2]))).toBe(true);
    const x = torch.ones(2);
    expect(torch.positive(x)).toBe(x);
  });
  it('torch.heaviside requires grad like PyTorch and its backward raises', () => {
    const x = torch.tensor([-1.0, 0.0, 2.0], { dtype: torch.float64, requires_grad: true });
    const y = torch.heaviside(x, torch.tensor([0.5], { dtype: torch.float64 }));
    expect(y.requires_grad).toBe(true);
    expect(() => y.sum().backward()).toThrow('derivative for aten::heaviside is not implemented');
  });
  it('torch.meshgrid without indexing warns once (PyTorch 2.1 text) and uses ij', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const [a] = torch.meshgrid(torch.arange(2), torch.arange(3));
    torch.meshgrid(torch.arange(2), torch.arange(3));
    expect(a!.shape).toEqual([2, 3]);
    const msgs = warn.mock.calls.map((c) => String(c[0])).filter((m) => m.includes('meshgrid'));
    expect(msgs).toEqual(['UserWarning: torch.meshgrid: in an upcoming release, it will be required to pass the indexing argument.']);
  });
  it('torch.scatter(reduce="multiply") raises NotImplementedError (core has no multiply reduction)', () => {
    expect(() => torch.scatter(torch.ones(2, 2), 1, torch.tensor([[0], [1]]), 2, { reduce: 'multiply' })).toThrow(expect.objectContaining({ name: 'NotImplementedError' }));
  });
  it("torch.norm(p='nuc') is not supported", () => {
    expect(() => torch.norm(torch.ones(2, 2), 'nuc')).toThrow(expect.objectContaining({ name: 'NotImplementedError' }));
  });
  it('torch.signbit sees -0.0', () => {
    expect(torch.signbit(torch.tensor([-0.0, 0.0, -1.0], { dtype: torch.float64 })).tolist()).toEqual([true, false, true]);
  });
});
