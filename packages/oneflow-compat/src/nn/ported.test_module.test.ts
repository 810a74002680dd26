/**
 * Ports of OneFlow 1.0's python/oneflow/test/modules/test_module.py (TestModule). Each `it`
 * names the Python test it ports; deviations are commented. Not ported: the backward-hook
 * halves of test_hooks_register and test_full_backward_hook* (this surface has no
 * register_backward_hook / register_full_backward_hook, which are not on the seed page).
 */
import { describe, expect, it } from 'vitest';
import { Tensor as CoreTensor } from '@nncompat/core';
import * as flow from '../index.js';

const { nn } = flow;
const npRelu = (a: number[][]): number[][] => a.map((r) => r.map((v) => Math.max(v, 0)));

/** `flow.Tensor(2, 3)` then `nn.init.uniform_(x, a=-1.0, b=1.0)`. */
function uniform23(): flow.Tensor {
  return flow.rand(2, 3).mul(2).sub(1) as flow.Tensor;
}

class CustomModule extends nn.Module {
  constructor(param1: unknown, param2: unknown) {
    super();
    (this as unknown as Record<string, unknown>).param1 = param1;
    (this as unknown as Record<string, unknown>).param2 = param2;
  }
}

describe('test_module.py TestModule', () => {
  it('test_nested_module', () => {
    class M extends nn.Module {
      relu = new nn.ReLU();
      override forward(x: flow.Tensor): flow.Tensor {
        return this.relu(x);
      }
    }
    const x = uniform23();
    expect(new M()(x).tolist()).toEqual(npRelu(x.tolist() as number[][]));
  });

  it('test_relu', () => {
    const x = uniform23();
    expect(new nn.ReLU()(x).tolist()).toEqual(npRelu(x.tolist() as number[][]));
  });

  it('test_load_state_dict (a numpy-like array as the value)', () => {
    class M extends nn.Module {
      w = new nn.Parameter(flow.empty(2, 3));
      override forward(): flow.nn.Parameter {
        return this.w;
      }
    }
    const m = new M();
    // np.ones((2, 3), dtype=np.float32): here a nested array (and a typed array below).
    m.load_state_dict({ w: [[1, 1, 1], [1, 1, 1]] });
    expect(m().tolist()).toEqual([[1, 1, 1], [1, 1, 1]]);
    m.load_state_dict({ w: [new Float32Array([2, 2, 2]), new Float32Array([3, 3, 3])] });
    expect(m().tolist()).toEqual([[2, 2, 2], [3, 3, 3]]);
  });

  it('test_state_dict (the values are the Parameter objects themselves)', () => {
    const tensor0 = new nn.Parameter(flow.empty(2, 3));
    const tensor1 = new nn.Parameter(flow.empty(2, 3));
    const sub = new CustomModule(tensor0, tensor1);
    const m = new CustomModule(tensor1, sub);
    const sd = m.state_dict();
    expect([...sd.entries()]).toEqual([['param1', tensor1], ['param2.param1', tensor0], ['param2.param2', tensor1]]);
    expect(sd.get('param1')).toBe(tensor1);
    expect(sd.get('param2.param1')).toBe(tensor0);
  });

  it('test_parameter', () => {
    const p = new nn.Parameter(flow.empty(3, 4));
    expect(p.constructor).toBe(nn.Parameter);
    expect(p.shape).toEqual([3, 4]);
  });

  it('test_module_forward (non-tensor values)', () => {
    class M extends nn.Module {
      constructor(readonly w: number) {
        super();
      }
      override forward(x: number): number {
        return x + this.w;
      }
    }
    expect(new M(5)(1)).toBe(6);
    expect(new M(4)(3)).toBe(7);
  });

  it('test_train_eval', () => {
    const m = new nn.Module();
    expect(m.training).toBe(true);
    m.train();
    expect(m.training).toBe(true);
    m.eval();
    expect(m.training).toBe(false);
  });

  it('test_module_setattr', () => {
    const param0 = new nn.Parameter(flow.randn(2, 3));
    const param1 = new nn.Parameter(flow.randn(2, 3));
    const param2 = new CustomModule(param0, param1);
    const m = new CustomModule(param1, param2);
    const params = [...m.parameters()];
    expect(params.length).toBe(2);
    expect(params[0]!.tolist()).toEqual(param1.tolist());
    expect(params[1]!.tolist()).toEqual(param0.tolist());
    const children = [...m.children()];
    expect(children.length).toBe(1);
    expect(children[0]).toBe(param2);
    const childParams = [...children[0]!.parameters()];
    expect(childParams.length).toBe(2);
    expect(childParams[0]!.tolist()).toEqual(param0.tolist());
    expect(childParams[1]!.tolist()).toEqual(param1.tolist());
  });

  it('test_module_apply (a child registered under the name "modules")', () => {
    class M extends nn.Module {
      constructor() {
        super();
        (this as unknown as Record<string, unknown>).modules = new nn.Module();
      }
    }
    let n = 0;
    new M().apply(() => {
      n += 1;
    });
    expect(n).toBe(2);
  });

  it('test_module_cpu_cuda (no CUDA here: cuda() raises a clear error, cpu() works)', () => {
    const tensor0 = new nn.Parameter(flow.empty(2, 3));
    const tensor1 = new nn.Parameter(flow.empty(2, 3));
    const m = new CustomModule(tensor1, new CustomModule(tensor0, tensor1));
    expect(() => m.cuda()).toThrow('no CUDA device');
    m.cpu();
    const sd = m.state_dict();
    expect((sd.get('param2.param1') as CoreTensor).device).toBe('cpu');
    expect((sd.get('param2.param2') as CoreTensor).device).toBe('cpu');
  });

  it('test_module_float_double', () => {
    const tensor0 = new nn.Parameter(flow.empty(2, 3).to(flow.float64));
    const tensor1 = new nn.Parameter(flow.empty(2, 3).to(flow.float64));
    let m = new CustomModule(tensor0, tensor1);
    m = m.float();
    let sd = m.state_dict();
    expect((sd.get('param1') as CoreTensor).dtype).toBe(flow.float32);
    expect((sd.get('param2') as CoreTensor).dtype).toBe(flow.float32);
    m = m.double();
    sd = m.state_dict();
    expect((sd.get('param1') as CoreTensor).dtype).toBe(flow.float64);
    expect((sd.get('param2') as CoreTensor).dtype).toBe(flow.float64);
    // _apply keeps the Parameter objects (local → local: assign the data).
    expect(sd.get('param1')).toBe(tensor0);
  });

  it('test_moduledict (MaxPool2d and PReLU are not implemented: Conv2d/Identity, ReLU/Tanh instead)', () => {
    class MD extends nn.Module {
      declare choices: flow.nn.ModuleDict;
      declare activations: flow.nn.ModuleDict;
      constructor() {
        super();
        this.choices = new nn.ModuleDict({ conv: new nn.Conv2d(10, 10, 3), pool: new nn.Identity() });
        this.activations = new nn.ModuleDict({ relu: new nn.ReLU(), tanh: new nn.Tanh() });
      }
      override forward(x: flow.Tensor, choice: string, act: string): flow.Tensor {
        const y = (this.choices.__getitem__(choice) as unknown as (t: flow.Tensor) => flow.Tensor)(x);
        return (this.activations.__getitem__(act) as unknown as (t: flow.Tensor) => flow.Tensor)(y);
      }
    }
    const model = new MD();
    const out = model(flow.randn(4, 10, 8, 8), 'conv', 'relu');
    expect(out.shape).toEqual([4, 10, 6, 6]);
  });

  it('test_module_submodule', () => {
    class Sub extends nn.Module {
      param = new nn.Linear(2, 3);
    }
    class M extends nn.Module {
      linear = new Sub();
    }
    expect(new M().get_submodule('linear.param')).toBeInstanceOf(nn.Linear);
    expect(() => new M().get_submodule('linear.nope')).toThrow("`M.linear` doesn't have submodule `nope`");
    expect(() => new M().get_submodule('linear.param.in_features')).toThrow("`M.linear.param.in_features` isn't an oneflow.Module, but a <class 'int'>");
  });

  it('test_module_get_parameter', () => {
    const tensor0 = new nn.Parameter(flow.empty(2, 3));
    const tensor1 = new nn.Parameter(flow.empty(2, 3));
    const m = new CustomModule(tensor0, tensor1);
    expect(m.get_parameter('param1')).toBe(tensor0);
    expect(m.get_parameter('param2')).toBe(tensor1);
    expect(() => m.get_parameter('nope')).toThrow("`` doesn't have attribute `nope`");
  });

  it('test_module_delattr (BatchNorm2d is not implemented: a ReLU in its place)', () => {
    class ConvBN extends nn.Module {
      conv = new nn.Conv2d(1, 2, 1, { stride: 1 });
      bn = new nn.ReLU();
    }
    const m = new ConvBN();
    delete (m as unknown as Record<string, unknown>).bn;
    expect([...m._modules.keys()]).toEqual(['conv']);
    expect(() => {
      delete (m as unknown as Record<string, unknown>).bn;
    }).toThrow("'ConvBN' object has no attribute 'bn'");
  });

  it('test_hooks_register: _test_module_forward_preforward_hook_removable', () => {
    const module = new nn.Sigmoid();
    let handle: { remove(): void; id: number } | null = null;
    let handle2: { remove(): void; id: number } | null = null;
    handle = module.register_forward_pre_hook((_m, input) => {
      handle!.remove();
      return Object.freeze([...input]);
    });
    handle2 = module.register_forward_pre_hook((_m, input) => {
      handle2!.remove();
      return Object.freeze([...input]);
    });
    expect(module._forward_pre_hooks.size).toBe(2);
    const input = flow.randn(2, 2);
    expect(module(input).tolist()).toEqual(input.sigmoid().tolist());
    expect(module._forward_pre_hooks.has(handle.id)).toBe(false);
    expect(module._forward_pre_hooks.size).toBe(0);
  });

  it('test_hooks_register: _test_module_forward_forward_hook_removable', () => {
    const module = new nn.Sigmoid();
    let handle: { remove(): void; id: number } | null = null;
    let handle2: { remove(): void; id: number } | null = null;
    handle = module.register_forward_hook((_m, _i, output) => {
      handle!.remove();
      return output;
    });
    handle2 = module.register_forward_hook((_m, _i, output) => {
      handle2!.remove();
      return output;
    });
    expect(module._forward_hooks.size).toBe(2);
    const input = flow.randn(2, 2);
    expect(module(input).tolist()).toEqual(input.sigmoid().tolist());
    expect(module._forward_hooks.has(handle2.id)).toBe(false);
    expect(module._forward_hooks.size).toBe(0);
  });

  it('test_register_state_dict_hook_hook', () => {
    let destinationCheck: unknown = null;
    class M extends nn.Module {
      linear = new nn.Linear(10, 5);
      constructor() {
        super();
        this._register_state_dict_hook((module, destination, prefix) => {
          // Tensors held as plain attributes (`__dict__`) are added; Linear has none.
          for (const [subName, sub] of module.named_modules()) {
            for (const [attr, v] of Object.entries(sub)) {
              if (v instanceof CoreTensor) {
                const p = prefix + subName;
                destination.set(p + (p ? '.' : '') + attr, v);
              }
            }
          }
          destinationCheck = destination;
        });
      }
    }
    const m = new M();
    expect(destinationCheck).toBe(null);
    const sd = m.state_dict();
    expect(destinationCheck).toBe(sd);
    expect([...sd.keys()]).toEqual(['linear.weight', 'linear.bias']);
  });
});
