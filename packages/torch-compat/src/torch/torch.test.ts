import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { expectClose, loadFunctionalFixture, type TensorJson } from '../functional/golden.test-helpers.js';
import * as torch from './index.js';

interface NsFixture {
  draws: Record<string, TensorJson>;
  reprs: { size: string; size_repr: string; size_empty: string; size_one: string; device_cpu_str: string; device_cpu_repr: string;
    device_cuda1_str: string; device_cuda1_repr: string; dtypes: Record<string, string> };
  allclose: Record<string, boolean>;
}
const fx = loadFunctionalFixture<NsFixture>('torch_namespace.json');

describe('torch namespace against PyTorch', () => {
  it('draws after manual_seed are PyTorch\'s', () => {
    torch.manual_seed(123);
    const d = fx.draws;
    expectClose(torch.rand(5).dataSync(), d.rand!.data, 0, 0, 'rand');
    expectClose(torch.randn(20).dataSync(), d.randn!.data, 0, 0, 'randn');
    expectClose(torch.randint(0, 10, [7]).dataSync(), d.randint!.data, 0, 0, 'randint');
    expectClose(torch.randperm(12).dataSync(), d.randperm!.data, 0, 0, 'randperm');
    expectClose(torch.rand(3, { dtype: torch.float64 }).dataSync(), d.rand_f64!.data, 0, 0, 'rand f64');
    const g = new torch.Generator().manual_seed(7);
    expectClose(torch.randn(4, { generator: g }).dataSync(), d.gen_randn!.data, 0, 0, 'randn(generator)');
  });
  it('prints torch.Size, torch.device and dtypes as PyTorch', () => {
    const r = fx.reprs;
    expect(String(new torch.Size([2, 3]))).toBe(r.size);
    expect(inspect(new torch.Size([2, 3]))).toBe(r.size_repr);
    expect(String(new torch.Size([]))).toBe(r.size_empty);
    expect(String(new torch.Size([4]))).toBe(r.size_one);
    expect(String(new torch.device('cpu'))).toBe(r.device_cpu_str);
    expect(new torch.device('cpu').repr()).toBe(r.device_cpu_repr);
    expect(String(new torch.device('cuda:1'))).toBe(r.device_cuda1_str);
    expect(new torch.device('cuda', 1).repr()).toBe(r.device_cuda1_repr);
    for (const [name, printed] of Object.entries(r.dtypes)) {
      expect(String((torch as unknown as Record<string, unknown>)[name]), name).toBe(printed);
    }
  });
  it('torch.Size is a frozen array with numel()', () => {
    const s = new torch.Size([2, 3, 4]);
    expect(Array.isArray(s)).toBe(true);
    expect(Object.isFrozen(s)).toBe(true);
    expect(s.numel()).toBe(24);
    expect([...s]).toEqual([2, 3, 4]);
    expect(s.map((x) => x * 2)).toEqual([4, 6, 8]);
    expect(() => new torch.Size([1.5])).toThrow(TypeError);
  });
  it('allclose matches PyTorch', () => {
    const a = torch.tensor([1.0, 2.0, NaN]);
    const c = fx.allclose;
    expect(torch.allclose(torch.tensor([1.0, 2.0]), torch.tensor([1.0 + 1e-6, 2.0]))).toBe(c.allclose_default);
    expect(torch.allclose(torch.tensor([1.0, 2.0]), torch.tensor([1.001, 2.0]))).toBe(c.allclose_far);
    expect(torch.allclose(a, a)).toBe(c.allclose_nan);
    expect(torch.allclose(a, a, { equal_nan: true })).toBe(c.allclose_nan_eq);
    expect(torch.allclose(torch.tensor([100.0]), torch.tensor([100.5]), { rtol: 1e-2 })).toBe(c.allclose_rtol);
  });
  it('is_tensor, numel, randint_like, grad modes', () => {
    const x = torch.zeros(2, 3);
    expect(torch.is_tensor(x)).toBe(true);
    expect(torch.is_tensor([1])).toBe(false);
    expect(torch.numel(x)).toBe(6);
    const r = torch.randint_like(x, 5);
    expect([...r.shape]).toEqual([2, 3]);
    expect(r.dtype).toBe(torch.float32);
    expect(Array.from(r.dataSync()).every((v) => v >= 0 && v < 5 && Number.isInteger(v))).toBe(true);
    const w = torch.ones(2, { requires_grad: true });
    expect(torch.no_grad(() => w.mul(2)).requires_grad).toBe(false);
    expect(torch.no_grad(() => torch.enable_grad(() => w.mul(2))).requires_grad).toBe(true);
  });
});
