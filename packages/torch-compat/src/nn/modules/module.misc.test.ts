/**
 * Modes, conversions, attribute rules and lazy parameters against PyTorch 1.13 goldens, plus
 * hand-written checks for 2.x-only behaviour (load_state_dict(assign=True), zero_grad's new
 * default, compile) and JS-specific surface (class fields, `delete`, Node inspect).
 */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import * as torch from '../../index.js';
import { RAW } from '@nncompat/core';
import { nn, type Tensor } from '../../index.js';
import { pyTypeName } from '../../python.js';
import { err, loadFixture } from '../../testing/golden.js';

const C = loadFixture<{ cases: Record<string, unknown> }>('nn_module.json').cases;
const dtypes = (m: nn.Module): string[] => [...m.state_dict().values()].map((t) => String((t as Tensor).dtype));

class Net extends nn.Module {
  fc1 = new nn.Linear(2, 3);
  declare block: nn.Sequential;
  declare shared: nn.Linear;
  constructor() {
    super();
    this.register_buffer('running', torch.zeros(3));
    this.register_buffer('scratch', torch.zeros(1), false);
    this.register_buffer('nothing', null);
    this.register_parameter('absent', null);
    this.block = new nn.Sequential(new nn.Linear(3, 3), new nn.Linear(3, 1));
    this.shared = this.fc1;
  }
}

describe('modes and conversions (PyTorch 1.13 goldens)', () => {
  it('xpu / ipu / delattr errors', () => {
    expect(err(() => new nn.Linear(1, 1).xpu())).toStrictEqual(C.err_xpu);
    expect(err(() => new nn.Linear(1, 1).ipu())).toStrictEqual(C.err_ipu);
    const dm = new nn.Linear(1, 1) as unknown as Record<string, unknown> & { _parameters: Map<string, unknown> };
    delete dm.weight;
    expect([...dm._parameters.keys()]).toStrictEqual(C.delattr_param_left);
    expect('weight' in dm).toBe(false);
    expect(err(() => delete dm.nonexist)).toStrictEqual(C.err_delattr_missing);
  });
  it('apply order, train/eval, requires_grad_, zero_grad', () => {
    const order: string[] = [];
    const tree = new nn.Sequential(new nn.Linear(1, 1), new nn.Sequential(new nn.Linear(1, 1), new nn.Linear(1, 1)));
    tree.apply((m) => void order.push(`${m._get_name()}:${[...m.children()].length}`));
    expect(order).toStrictEqual(C.apply_order);
    tree.eval();
    expect([...tree.modules()].map((m) => m.training)).toStrictEqual(C.eval_flags);
    tree.__getitem__(1).train();
    expect([...tree.modules()].map((m) => m.training)).toStrictEqual(C.train_sub_flags);
    tree.requires_grad_(false);
    expect([...tree.parameters()].map((p) => p.requires_grad)).toStrictEqual(C.requires_grad_off);
    const zg = new nn.Linear(2, 1);
    zg(torch.ones(1, 2)).sum().backward();
    zg.zero_grad(false);
    expect([...zg.parameters()].map((p) => p.grad!.tolist())).toStrictEqual(C.zero_grad_false);
    // PyTorch 2.x changed the default to set_to_none=True (module.py v2.1).
    zg.zero_grad();
    expect([...zg.parameters()].map((p) => p.grad)).toStrictEqual([null, null]);
  });
  it('double / to(dtype) / to(tensor) / type, keeping parameter identity', () => {
    const conv = new Net();
    conv.double();
    expect(dtypes(conv)).toStrictEqual(C.double_dtypes);
    conv.to(torch.float16);
    expect(dtypes(conv)).toStrictEqual(C.to_half_dtypes);
    conv.to(torch.zeros(1, { dtype: 'float32' }));
    expect(dtypes(conv)).toStrictEqual(C.to_tensor_dtypes);
    conv.to({ dtype: 'float64' });
    expect(dtypes(conv).every((d) => d === 'torch.float64')).toBe(true);
    const ib = new nn.Module();
    ib.register_buffer('count', torch.tensor([1, 2]));
    ib.register_buffer('f', torch.tensor([1.0], { dtype: 'float32' }));
    ib.double();
    expect(dtypes(ib)).toStrictEqual(C.double_keeps_int_buffer);
    ib.type(torch.float16);
    expect(dtypes(ib)).toStrictEqual(C.type_casts_all);
    const ident = new nn.Linear(1, 1);
    const w = ident.weight;
    ident.double();
    expect(ident.weight === w).toBe(C.conversion_keeps_param_identity);
    ident.float().bfloat16();
    expect(String(ident.weight.dtype)).toBe('torch.bfloat16');
    ident.cpu();
    expect(ident.weight.device).toBe('cpu');
  });
});

describe('attribute rules (PyTorch 1.13 goldens)', () => {
  it('reassignment moves a name between plain attributes, parameters, buffers and modules', () => {
    class Reassign extends nn.Module {
      constructor() {
        super();
        const self = this as unknown as Record<string, unknown>;
        self.x = 3;
        self.x = new nn.Parameter(torch.zeros(1));
        this.register_buffer('b', torch.zeros(1));
        self.b = new nn.Linear(1, 1);
        self.y = new nn.Linear(1, 1);
        self.y = null;
      }
    }
    const ra = new Reassign();
    const plainX = Object.keys(ra[RAW]).includes('x');
    expect([[...ra._parameters.keys()], [...ra._buffers.keys()], [...ra._modules.keys()], plainX]).toStrictEqual(C.reassign_members);
    expect(String(ra)).toBe(C.reassign_repr);
  });
  it('buffers: reassignment, None, persistence toggling', () => {
    const m = new nn.Module() as nn.Module & { b: Tensor | null };
    m.register_buffer('b', torch.zeros(1));
    m.b = torch.ones(2);
    expect(m.b.shape).toStrictEqual(C.buffer_reassign_shape);
    m.b = null;
    expect([...m.state_dict().keys()]).toStrictEqual(C.buffer_none_state_dict);
    const np = new nn.Module();
    np.register_buffer('a', torch.zeros(1), { persistent: false });
    np.register_buffer('a', torch.zeros(1), true);
    expect([...np.state_dict().keys()]).toStrictEqual(C.buffer_persistent_again);
  });
  it('dir() lists members, attributes and methods', () => {
    const want = (C.dir_linear as string[]).filter((d) => d !== 'T_destination'); // a typing TypeVar in Python
    expect(new nn.Linear(1, 1).__dir__().filter((d) => want.includes(d))).toStrictEqual(want);
  });
  it('class fields register; an initializer-less field does not wipe a registered member', () => {
    class Base extends nn.Module {
      constructor() {
        super();
        this.add_module('fc', new nn.Linear(1, 1));
      }
    }
    class Derived extends Base {
      declare fc: nn.Linear;
      extra = new nn.Linear(2, 2);
      w = new nn.Parameter(torch.zeros(1));
    }
    const d = new Derived();
    expect([...d._modules.keys()]).toStrictEqual(['fc', 'extra']);
    expect([...d._parameters.keys()]).toStrictEqual(['w']);
    expect(d.fc).toBeInstanceOf(nn.Linear);
    // `fc!: Linear` (no initializer) defines undefined after super(): ignored for members.
    const define = Object.defineProperty;
    define(d, 'fc', { value: undefined, writable: true, configurable: true, enumerable: true });
    expect(d.fc).toBeInstanceOf(nn.Linear);
  });
  it('ModuleDict items are readable with brackets and typed as modules', () => {
    const d = new nn.ModuleDict({ fc: new nn.Linear(2, 1) });
    const y = (d['fc'] as nn.Linear)(torch.ones(1, 2));
    expect(y.shape).toStrictEqual([1, 1]);
    expect(String(d)).toBe('ModuleDict(\n  (fc): Linear(in_features=2, out_features=1, bias=True)\n)');
  });
  it('Node inspect and String print the repr', () => {
    const m = new nn.Linear(2, 3);
    expect(inspect(m)).toBe('Linear(in_features=2, out_features=3, bias=True)');
    expect(`${m}`).toBe(String(m));
    expect(inspect(torch.tensor([1, 2]))).toBe('tensor([1, 2])');
  });
});

describe('Linear (PyTorch 1.13 goldens)', () => {
  it('initialisation after manual_seed(0) is bit-identical; forward matches', () => {
    torch.manual_seed(0);
    const lin = new nn.Linear(3, 4);
    expect([lin.weight.reshape(-1).tolist(), lin.bias!.tolist()]).toStrictEqual(C.linear_init_seed0);
    torch.manual_seed(0);
    const y = new nn.Linear(3, 2)(torch.arange(6, { dtype: 'float32' }).reshape(2, 3)).tolist() as number[][];
    (C.linear_forward_seed0 as number[][]).forEach((row, i) => row.forEach((v, j) => expect(Math.abs(y[i]![j]! - v)).toBeLessThan(1e-6)));
  });
});

describe('lazy parameters (PyTorch 1.13 goldens)', () => {
  it('UninitializedBuffer.materialize and LazyLinear loading', () => {
    const u = new nn.UninitializedBuffer();
    u.materialize([2, 3]);
    expect([pyTypeName(u), u.shape]).toStrictEqual(C.uninit_buffer_materialized);
    const lz = new nn.LazyLinear(3);
    lz.load_state_dict(new nn.Linear(4, 3).state_dict());
    expect([lz.weight.shape, pyTypeName(lz.weight), pyTypeName(lz)]).toStrictEqual(C.lazy_load_shapes);
    expect([...new nn.LazyLinear(2).state_dict().values()].map(pyTypeName)).toStrictEqual(C.lazy_state_dict_types);
    expect(err(() => new nn.Linear(2, 3).load_state_dict(new nn.LazyLinear(3).state_dict()))).toStrictEqual(C.err_lazy_load_into_initialized);
  });
});

describe('PyTorch 2.x only (hand-written from module.py v2.1)', () => {
  it('load_state_dict(assign=True) replaces the parameter objects (wrapping tensors in Parameter)', () => {
    const m = new nn.Linear(2, 1);
    const old = m.weight;
    const sd = new nn.Linear(2, 1).state_dict();
    m.load_state_dict(sd, { assign: true });
    expect(m.weight).not.toBe(old);
    expect(m.weight).toBeInstanceOf(nn.Parameter);
    expect(m.weight.untyped_storage()).toBe((sd.get('weight') as Tensor).untyped_storage());
    // v2.1 writes assign_to_params_buffers into the checkpoint's own _metadata, so a later
    // plain load of that same dict would assign too: use a fresh one.
    const copied = new nn.Linear(2, 1);
    const before = copied.weight;
    copied.load_state_dict(new nn.Linear(2, 1).state_dict());
    expect(copied.weight).toBe(before);
  });
  it('compile() keeps eager semantics; to_empty and share_memory', () => {
    const m = new nn.Linear(2, 1);
    const x = torch.ones(1, 2);
    const y0 = m(x).tolist();
    m.compile();
    expect(m(x).tolist()).toStrictEqual(y0);
    m.to_empty({ device: 'cpu' });
    expect(m.weight.shape).toStrictEqual([1, 2]);
    expect(m.share_memory()).toBe(m);
    const lz = new nn.LazyLinear(2);
    expect(() => lz.share_memory()).toThrow("Can't share memory on an uninitialized parameter or buffer.");
  });
  it('ModuleList compresses runs of identical child reprs (ModuleList.__repr__ in 2.x)', () => {
    const ml = new nn.ModuleList([new nn.Linear(1, 1), new nn.Linear(1, 1), new nn.Linear(1, 1), new nn.Linear(2, 2), new nn.Linear(1, 1)]);
    expect(String(ml)).toBe(
      'ModuleList(\n' +
        '  (0-2): 3 x Linear(in_features=1, out_features=1, bias=True)\n' +
        '  (3): Linear(in_features=2, out_features=2, bias=True)\n' +
        '  (4): Linear(in_features=1, out_features=1, bias=True)\n' +
        ')',
    );
    const nested = new nn.ModuleList([new nn.Sequential(new nn.Linear(1, 1)), new nn.Sequential(new nn.Linear(1, 1))]);
    expect(String(nested)).toBe('ModuleList(\n  (0-1): 2 x Sequential(\n    (0): Linear(in_features=1, out_features=1, bias=True)\n  )\n)');
  });
  it('state_dict positional arguments warn as deprecated', () => {
    const m = new nn.Linear(1, 1);
    const sd = m.state_dict(null, 'p.');
    expect([...sd.keys()]).toStrictEqual(['p.weight', 'p.bias']);
  });
});
