/**
 * Ports of PyTorch's test/nn/test_module_hooks.py (TestModuleHooks, TestStateDictHooks,
 * TestModuleGlobalHooks). Case names are kept; `nn.Sigmoid` is a local module here (layers
 * other than Linear live elsewhere). README.md lists what was not ported and why.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as torch from '../../index.js';
import { nn, type Tensor } from '../../index.js';
import { globalHooks } from './global-hooks.js';
import { captureWarnings } from '../../utils/warn.js';

class Sigmoid extends nn.Module {
  override forward(x: Tensor): Tensor {
    return x.sigmoid();
  }
}
class Net extends nn.Module {
  seq1 = new nn.Sequential(new nn.Linear(10, 10), new nn.Linear(10, 10));
  seq2 = new nn.Sequential(new nn.Linear(10, 10), new nn.Linear(10, 10));
  override forward(x: Tensor): Tensor {
    return this.seq2(this.seq1(x) as Tensor) as Tensor;
  }
}
class ToyModel extends nn.Module {
  net1 = new Net();
  net2 = new Net();
  override forward(x: Tensor): Tensor {
    return this.net2(this.net1(x));
  }
}
const close = (a: Tensor, b: Tensor): void => {
  const x = a.reshape(-1).tolist() as number[];
  const y = b.reshape(-1).tolist() as number[];
  expect(x.length).toBe(y.length);
  x.forEach((v, i) => expect(Math.abs(v - y[i]!)).toBeLessThan(1e-5));
};

describe('TestModuleHooks', () => {
  it('test_forward_hooks', () => {
    const fired: number[] = [];
    const model = new ToyModel();
    const x = torch.randn(10, 10);
    const target = model.net1.seq2;
    const hook = (id: number) => (m: nn.Module, inp: unknown[]) => {
      fired.push(id);
      expect(m).toBe(target);
      expect(inp.length).toBe(1);
    };
    target.register_forward_hook(hook(0));
    target.register_forward_hook(hook(1), { prepend: true });
    target.register_forward_hook(hook(2));
    target.register_forward_hook(hook(3));
    target.register_forward_hook(hook(4), { prepend: true });
    const expected = [4, 1, 0, 2, 3];
    expect(fired).toStrictEqual([]);
    const out = model(x);
    expect(fired).toStrictEqual(expected);
    out.sum().backward();
    expect(fired).toStrictEqual(expected);
    model(x).sum().backward();
    expect(fired).toStrictEqual([...expected, ...expected]);
  });

  it('test_forward_pre_hooks', () => {
    const fired: number[] = [];
    const model = new ToyModel();
    const x = torch.randn(10, 10);
    const target = model.net2.seq1;
    const hook = (id: number) => (m: nn.Module, inp: unknown[]) => {
      fired.push(id);
      expect(m).toBe(target);
      expect(inp.length).toBe(1);
    };
    target.register_forward_pre_hook(hook(0), { prepend: true });
    target.register_forward_pre_hook(hook(1));
    target.register_forward_pre_hook(hook(2));
    target.register_forward_pre_hook(hook(3));
    target.register_forward_pre_hook(hook(4), { prepend: true });
    const expected = [4, 0, 1, 2, 3];
    const out = model(x);
    expect(fired).toStrictEqual(expected);
    out.sum().backward();
    expect(fired).toStrictEqual(expected);
    model(x).sum().backward();
    expect(fired).toStrictEqual([...expected, ...expected]);
  });

  it('test_full_backward_hooks', () => {
    const fired: number[] = [];
    const model = new ToyModel();
    const x = torch.randn(10, 10);
    const hook = (id: number) => (m: nn.Module, gin: unknown[], gout: unknown[]) => {
      fired.push(id);
      expect(m).toBe(model.net1);
      expect(gin.length).toBe(1);
      expect(gout.length).toBe(1);
    };
    model.net1.register_full_backward_hook(hook(0));
    model.net1.register_full_backward_hook(hook(1));
    model.net1.register_full_backward_hook(hook(2));
    model.net1.register_full_backward_hook(hook(3), true);
    model.net1.register_full_backward_hook(hook(4), { prepend: true });
    const expected = [4, 3, 0, 1, 2];
    const out = model(x);
    expect(fired).toStrictEqual([]);
    out.sum().backward();
    expect(fired).toStrictEqual(expected);
    model(x).sum().backward();
    expect(fired).toStrictEqual([...expected, ...expected]);
  });

  it('test_full_backward_pre_hooks', () => {
    const fired: number[] = [];
    const model = new ToyModel();
    const x = torch.randn(10, 10);
    const hook = (id: number) => (m: nn.Module, gout: unknown[]) => {
      fired.push(id);
      expect(m).toBe(model.net1);
      expect(gout.length).toBe(1);
    };
    model.net1.register_full_backward_pre_hook(hook(0), true);
    model.net1.register_full_backward_pre_hook(hook(1), true);
    model.net1.register_full_backward_pre_hook(hook(2));
    model.net1.register_full_backward_pre_hook(hook(3));
    model.net1.register_full_backward_pre_hook(hook(4));
    const expected = [1, 0, 2, 3, 4];
    const out = model(x);
    expect(fired).toStrictEqual([]);
    out.sum().backward();
    expect(fired).toStrictEqual(expected);
    model(x).sum().backward();
    expect(fired).toStrictEqual([...expected, ...expected]);
    // Backward pre hook can affect subsequent gradient computation
    const a = torch.ones(2, { requires_grad: true });
    const lin = new nn.Linear(2, 2);
    lin.register_full_backward_pre_hook((_m, gout) => [gout[0]!.mul(0)]);
    lin(a).sum().backward();
    expect(a.grad!.tolist()).toStrictEqual([0, 0]);
  });

  it('test_mixed_hooks', () => {
    const fired: number[] = [];
    const model = new ToyModel();
    const x = torch.randn(10, 10);
    model.register_forward_pre_hook(() => void fired.push(0));
    model.register_forward_hook(() => void fired.push(1));
    model.register_full_backward_pre_hook(() => void fired.push(2));
    model.register_full_backward_hook(() => void fired.push(3));
    const out = model(x);
    expect(fired).toStrictEqual([0, 1]);
    out.sum().backward();
    expect(fired).toStrictEqual([0, 1, 2, 3]);
    model(x).sum().backward();
    expect(fired).toStrictEqual([0, 1, 2, 3, 0, 1, 2, 3]);
  });

  it('test_bw_hook_warning_for_non_tensor_or_tuple', () => {
    const counter = { forward: 0, backward: 0 };
    class TestModule extends nn.Module {
      override forward(d: Map<string, Tensor>): Map<string, Tensor> {
        return new Map([['x', d.get('x')!.softmax(0)]]);
      }
    }
    const x = torch.ones(2, { requires_grad: true });
    const model = new TestModule();
    model.register_forward_pre_hook(() => void counter.forward++);
    model.register_forward_hook(() => void counter.forward++);
    model.register_full_backward_pre_hook(() => void counter.backward++);
    model.register_full_backward_hook(() => void counter.backward++);
    const [, w] = captureWarnings(() => {
      const y = model(new Map([['x', x]])).get('x')!;
      y.sum().backward();
    });
    expect(counter).toStrictEqual({ forward: 2, backward: 0 });
    expect(w.length).toBe(1);
    expect(w[0]).toContain('should be a Tensor or a tuple of Tensors');
  });
});

describe('TestStateDictHooks', () => {
  it('test_load_state_dict_pre_hook', () => {
    const m = new nn.Linear(10, 10);
    const sd = m.state_dict();
    const mLoad = new nn.Linear(10, 10);
    let called = 0;
    mLoad._register_load_state_dict_pre_hook((state_dict: Map<string, unknown>) => {
      expect([...state_dict.keys()]).toStrictEqual([...sd.keys()]);
      called++;
    });
    mLoad.load_state_dict(sd);
    expect(called).toBe(1);
    called = 0;
    mLoad._register_load_state_dict_pre_hook((module: nn.Module, state_dict: Map<string, unknown>) => {
      expect([...state_dict.keys()]).toStrictEqual([...sd.keys()]);
      expect(module).toBe(mLoad);
      called++;
    }, true);
    mLoad.load_state_dict(sd);
    expect(called).toBe(2);
  });

  it('test_load_state_dict_module_pre_hook', () => {
    let called = 0;
    class MyModule extends nn.Module {
      foo = new nn.Parameter(torch.rand(10));
      my_pre_load_hook(_sd: unknown, _p: string, _lm: unknown, strict: boolean, missing: string[], unexpected: string[], errors: string[]): void {
        expect([errors, unexpected, missing]).toStrictEqual([[], [], []]);
        expect(strict).toBe(true);
        called++;
      }
      my_pre_load_hook_with_module(module: nn.Module, _sd: unknown, _p: string, _lm: unknown, strict: boolean): void {
        expect(strict).toBe(true);
        expect(module).toBe(this);
        called++;
      }
    }
    class MyModuleContainer extends nn.Module {
      declare mod: MyModule;
      constructor(mod: MyModule) {
        super();
        this.mod = mod;
      }
    }
    for (const ctor of [(x: MyModule) => new MyModuleContainer(x), (x: MyModule) => x]) {
      const m = ctor(new MyModule());
      const sd = m.state_dict();
      const mod = m instanceof MyModuleContainer ? m.mod : (m as MyModule);
      called = 0;
      mod._register_load_state_dict_pre_hook(mod.my_pre_load_hook.bind(mod));
      m.load_state_dict(sd);
      expect(called).toBe(1);
      called = 0;
      mod._register_load_state_dict_pre_hook(mod.my_pre_load_hook_with_module.bind(mod) as never, true);
      m.load_state_dict(sd);
      expect(called).toBe(2);
    }
  });

  it('test_load_state_dict_post_hook', () => {
    let called = 0;
    class MyModule extends nn.Module {
      foo = new nn.Parameter(torch.rand(10));
    }
    const nested = new MyModule();
    const wrapped = new nn.ModuleList([nested]);
    const handle = nested.register_load_state_dict_post_hook((module, keys) => {
      expect(module).toBe(nested);
      keys.missing_keys.push('foo');
      keys.unexpected_keys.push('bar');
      called++;
    });
    let ret = wrapped.load_state_dict(wrapped.state_dict(), false);
    expect(called).toBe(1);
    expect(ret.missing_keys).toStrictEqual(['foo']);
    expect(ret.unexpected_keys).toStrictEqual(['bar']);
    expect(() => wrapped.load_state_dict(wrapped.state_dict(), true)).toThrow(/foo.*\n.*bar/);
    expect(called).toBe(2);
    handle.remove();
    ret = wrapped.load_state_dict(wrapped.state_dict(), false);
    expect([ret.missing_keys, ret.unexpected_keys]).toStrictEqual([[], []]);
    expect(called).toBe(2);
    nested.register_load_state_dict_post_hook((_m, keys) => {
      keys.missing_keys.length = 0;
      keys.unexpected_keys.length = 0;
    });
    const sd = wrapped.state_dict();
    sd.set('extra', torch.ones(1));
    ret = wrapped.load_state_dict(sd, true);
    expect([ret.missing_keys, ret.unexpected_keys]).toStrictEqual([[], []]);
  });
});

describe('TestModuleGlobalHooks', () => {
  afterEach(() => {
    globalHooks.backward.clear();
    globalHooks.forward.clear();
    globalHooks.forward_pre.clear();
    globalHooks.is_full_backward = null;
  });

  it('test_module_global_hooks', () => {
    const [m1, m2, m3] = [new Sigmoid(), new Sigmoid(), new Sigmoid()];
    const input = torch.ones(5, 5, { requires_grad: true });
    const counter = { forwards: 0, backwards: 0 };
    const fw = (inc: number) => (h: nn.Module, inp: unknown[], out: unknown) => {
      expect(Array.isArray(inp)).toBe(true);
      expect(h).toBeInstanceOf(Sigmoid);
      close(out as Tensor, torch.full([5, 5], 1 / (1 + 1 / Math.E)));
      counter.forwards += inc;
    };
    const bw = (inc: number) => (h: nn.Module, gin: unknown[], gout: (Tensor | null)[]) => {
      expect(Array.isArray(gin) && Array.isArray(gout)).toBe(true);
      expect(h).toBeInstanceOf(Sigmoid);
      close(gout[0]!, torch.ones(5, 5).mul(2));
      counter.backwards += inc;
    };
    const testFwd = nn.register_module_forward_hook(fw(1));
    m1(input); m2(input); m3(input);
    expect(counter).toStrictEqual({ forwards: 3, backwards: 0 });
    const testBwd = nn.register_module_backward_hook(bw(1));
    const o1 = m1(input);
    const o2 = m2(input);
    const o3 = m3(input);
    expect(counter).toStrictEqual({ forwards: 6, backwards: 0 });
    o1.backward(torch.ones(5, 5).mul(2), true);
    o2.backward(torch.ones(5, 5).mul(2), false);
    o3.backward(torch.ones(5, 5).mul(2), false);
    expect(counter).toStrictEqual({ forwards: 6, backwards: 3 });
    o1.backward(torch.ones(5, 5).mul(2), true);
    expect(counter).toStrictEqual({ forwards: 6, backwards: 4 });
    const test2Fwd = nn.register_module_forward_hook(fw(2));
    m1(input); m2(input); m3(input);
    expect(counter).toStrictEqual({ forwards: 15, backwards: 4 });
    const test2Bwd = nn.register_module_backward_hook(bw(2));
    m1(input).backward(torch.ones(5, 5).mul(2));
    expect(counter).toStrictEqual({ forwards: 18, backwards: 7 });
    test2Bwd.remove();
    m2(input).backward(torch.ones(5, 5).mul(2));
    expect(counter).toStrictEqual({ forwards: 21, backwards: 8 });
    test2Fwd.remove();
    m3(input).backward(torch.ones(5, 5).mul(2));
    expect(counter).toStrictEqual({ forwards: 22, backwards: 9 });
    testFwd.remove();
    testBwd.remove();
  });

  it('test_module_backward_global_hook_writeable', () => {
    const module = new Sigmoid();
    const input = torch.randn(5, 5, { requires_grad: true });
    const sig = input.detach().sigmoid();
    nn.register_module_backward_hook((_m, gin) => gin.map((g) => g!.mul(2)));
    module(input).backward(torch.ones(5, 5));
    close(input.grad!, sig.mul(sig.neg().add(1)).mul(2));
  });

  it('test_module_global_forward_preforward_hook_writeable', () => {
    const module = new Sigmoid();
    const input = torch.randn(5, 5, { requires_grad: true });
    const sig = input.detach().sigmoid();
    nn.register_module_forward_pre_hook((_m, inp) => (inp[0] as Tensor).relu());
    nn.register_module_forward_hook((_m, _inp, out) => (out as Tensor).neg());
    const output = module(input);
    close(output, input.detach().relu().sigmoid().neg());
    output.backward(torch.ones(5, 5).mul(2), true);
    const mask = input.detach().gt(0).to('float32');
    close(input.grad!, sig.mul(sig.neg().add(1)).mul(-2).mul(mask));
  });

  it('test_module_forward_preforward_hook_removable', () => {
    const module = new Sigmoid();
    const h1 = module.register_forward_pre_hook((_m, inp) => {
      h1.remove();
      return inp;
    });
    const h2 = module.register_forward_pre_hook((_m, inp) => {
      h2.remove();
      return inp;
    });
    expect(module._forward_pre_hooks.size).toBe(2);
    const input = torch.randn(2, 2);
    close(module(input), input.sigmoid());
    expect(module._forward_pre_hooks.size).toBe(0);
  });

  it('test_module_forward_forward_hook_removable', () => {
    const module = new Sigmoid();
    const h1 = module.register_forward_hook((_m, _i, out) => {
      h1.remove();
      return out;
    });
    const h2 = module.register_forward_hook((_m, _i, out) => {
      h2.remove();
      return out;
    });
    expect(module._forward_hooks.size).toBe(2);
    const input = torch.randn(2, 2);
    close(module(input), input.sigmoid());
    expect(module._forward_hooks.size).toBe(0);
  });

  it('test_global_and_local_hooks_order', () => {
    const module = new Sigmoid();
    const called: string[] = [];
    nn.register_module_forward_pre_hook((_m, inp) => {
      called.push('global_pre');
      return inp;
    });
    module.register_forward_pre_hook((_m, inp) => {
      called.push('local_pre');
      return inp;
    });
    nn.register_module_forward_hook((_m, _i, out) => {
      called.push('global_fwd');
      return out;
    });
    module.register_forward_hook((_m, _i, out) => {
      called.push('local_fwd');
      return out;
    });
    nn.register_module_backward_hook(() => void called.push('global_bwd'));
    module.register_backward_hook(() => void called.push('local_bwd'));
    const input = torch.randn(5, 5, { requires_grad: true });
    module(input).sum().backward();
    expect(called).toStrictEqual(['global_pre', 'local_pre', 'global_fwd', 'local_fwd', 'global_bwd', 'local_bwd']);
  });
});
