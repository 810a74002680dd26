/**
 * Replays tooling/goldens/gen_torch_nn.py's scenarios (real PyTorch 1.13 output) through
 * torch-compat and compares reprs, key orders, metadata, load reports and error texts exactly.
 */
import { describe, expect, it } from 'vitest';
import * as torch from '../../index.js';
import { nn, OrderedDict, Tensor } from '../../index.js';
import { err, loadFixture, type PyErr } from '../../testing/golden.js';

const C = loadFixture<{ cases: Record<string, unknown> }>('nn_module.json').cases;
const g = <T>(k: string): T => {
  if (!(k in C)) throw new Error(`no golden ${k}`);
  return C[k] as T;
};
const names = <T>(it: Iterable<[string, T]>): string[] => [...it].map(([n]) => n);
const metaObj = (sd: { _metadata?: Map<string, unknown> }): Record<string, Record<string, unknown>> =>
  Object.fromEntries([...sd._metadata!].map(([k, v]) => [k, Object.fromEntries(v as Map<string, unknown>)]));

class MyModule extends nn.Module {
  declare params: nn.ParameterDict;
  constructor() {
    super();
    this.params = new nn.ParameterDict({
      left: new nn.Parameter(torch.randn(5, 10)),
      right: new nn.Parameter(torch.randn(5, 10)),
    });
  }
  override forward(x: Tensor, choice: string): Tensor {
    return this.params[choice].mm(x);
  }
}

class WithNone extends nn.Module {
  a = new nn.Linear(1, 1);
  b: nn.Module | null = null;
  constructor() {
    super();
    this.register_module('c', null);
  }
}
class Extra extends nn.Module {
  override extra_repr(): string {
    return 'line1\nline2';
  }
}
class ExtraWithChild extends nn.Module {
  fc = new nn.Linear(1, 1);
  override extra_repr(): string {
    return 'k=1';
  }
}
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
class Versioned extends nn.Module {
  static override _version = 3;
  inner = new nn.Linear(1, 1);
}
class HasChild extends nn.Module {
  child = new nn.Linear(1, 1);
  plain = 3;
  constructor() {
    super();
    this.register_buffer('buf', torch.zeros(1));
  }
}
class ExtraState extends nn.Module {
  fc = new nn.Linear(1, 1);
  state = 7;
  override get_extra_state(): unknown {
    return new Map([['state', this.state]]);
  }
  override set_extra_state(s: unknown): void {
    this.state = (s as Map<string, number>).get('state')!;
  }
}

describe('reprs (PyTorch 1.13 goldens)', () => {
  it('seed example', () => {
    torch.manual_seed(0);
    const m = new MyModule();
    const y = m(torch.randn(10, 1), 'left');
    expect(y.shape).toStrictEqual(g('seed_output_shape'));
    expect(String(m)).toBe(g('seed_repr'));
  });
  it('layers and containers', () => {
    expect(String(new nn.Linear(3, 4))).toBe(g('repr_linear'));
    expect(String(new nn.Linear(3, 4, false))).toBe(g('repr_linear_nobias'));
    expect(String(new nn.Linear(3, 4, { bias: false }))).toBe(g('repr_linear_nobias'));
    expect(String(new nn.Module())).toBe(g('repr_empty_module'));
    expect(String(new nn.Sequential(new nn.Linear(2, 3), new nn.Sequential(new nn.Linear(3, 3)), new nn.Linear(3, 1)))).toBe(g('repr_sequential'));
    expect(String(new nn.Sequential(new OrderedDict([['fc1', new nn.Linear(2, 3)], ['fc2', new nn.Linear(3, 1)]])))).toBe(g('repr_sequential_od'));
    expect(String(new nn.ModuleDict({ b: new nn.Linear(1, 2), a: new nn.Linear(2, 1) }))).toBe(g('repr_moduledict'));
    expect(String(new nn.ModuleList([new nn.Linear(1, 2), new nn.Linear(2, 3)]))).toBe(g('repr_modulelist_distinct'));
    expect(String(new nn.ModuleList())).toBe(g('repr_modulelist_empty'));
    expect(String(new nn.ParameterList([new nn.Parameter(torch.zeros(2, 3)), new nn.Parameter(torch.zeros(4, { dtype: 'float64' }))]))).toBe(g('repr_parameterlist'));
    const pd = new nn.ParameterDict({ w: new nn.Parameter(torch.zeros(2)), b: new nn.Parameter(torch.zeros(3, 1, { dtype: 'float64' })) });
    pd.__setitem__('x', 5);
    expect(String(pd)).toBe(g('repr_parameterdict_mixed'));
    expect([...pd.keys()]).toStrictEqual(g('keys_parameterdict_mixed'));
    expect(String(new WithNone())).toBe(g('repr_none_child'));
    expect(String(new Extra())).toBe(g('repr_extra_multiline'));
    expect(String(new ExtraWithChild())).toBe(g('repr_extra_with_child'));
  });
  it('LazyLinear before and after the first call', () => {
    const lazy = new nn.LazyLinear(4);
    expect(String(lazy)).toBe(g('repr_lazy_before'));
    expect(String(lazy.weight)).toBe(g('repr_uninitialized_param'));
    lazy(torch.zeros(2, 3));
    expect(String(lazy)).toBe(g('repr_lazy_after'));
    expect(lazy.constructor.name).toBe(g('lazy_after_class'));
    expect(lazy.weight.shape).toStrictEqual(g('lazy_weight_shape'));
    expect(lazy.weight instanceof nn.UninitializedParameter).toBe(false);
    expect(lazy.weight instanceof nn.Parameter).toBe(true);
  });
});

describe('tree walks and state_dict', () => {
  it('named_* orders, prefixes and de-duplication', () => {
    const net = new Net();
    expect(names(net.named_parameters())).toStrictEqual(g('named_parameters'));
    expect(names(net.named_parameters({ prefix: 'net', recurse: false }))).toStrictEqual(g('named_parameters_prefix_norecurse'));
    expect(names(net.named_parameters('net', false))).toStrictEqual(g('named_parameters_prefix_norecurse'));
    expect(names(net.named_buffers())).toStrictEqual(g('named_buffers'));
    expect(names(net.named_modules())).toStrictEqual(g('named_modules'));
    expect(names(net.named_modules({ remove_duplicate: false }))).toStrictEqual(g('named_modules_nodedup'));
    expect(names(net.named_modules(null, 'root'))).toStrictEqual(g('named_modules_prefix'));
    expect(names(net.named_children())).toStrictEqual(g('named_children'));
    expect([...net.parameters()].length).toBe(g('parameters_count'));
    expect([...net.buffers()].length).toBe(g('buffers_count'));
  });
  it('state_dict keys and _metadata', () => {
    const net = new Net();
    const sd = net.state_dict();
    expect(sd).toBeInstanceOf(OrderedDict);
    expect([...sd.keys()]).toStrictEqual(g('state_dict_keys'));
    expect(metaObj(sd)).toStrictEqual(g('state_dict_metadata'));
    const sdp = net.state_dict({ prefix: 'p.' });
    expect([...sdp.keys()]).toStrictEqual(g('state_dict_prefix_keys'));
    expect(metaObj(sdp)).toStrictEqual(g('state_dict_prefix_metadata'));
    expect(metaObj(new Versioned().state_dict())).toStrictEqual(g('state_dict_versioned_metadata'));
    expect(new nn.Linear(1, 1).state_dict({ keep_vars: true }).get('weight') instanceof nn.Parameter).toBe(g('state_dict_keep_vars_is_param'));
    expect((new nn.Linear(1, 1).state_dict().get('weight') as Tensor).requires_grad).toBe(g('state_dict_detached_requires_grad'));
  });
  it('state dict hook sees prefix, keys and local metadata', () => {
    const calls: unknown[] = [];
    const m = new nn.Linear(1, 1);
    m._register_state_dict_hook((_mod, d, prefix, lm) => {
      calls.push(['post', prefix, [...d.keys()], Object.fromEntries(lm)]);
    });
    m.state_dict({ prefix: 'x.', keep_vars: true });
    expect(calls).toStrictEqual(g('state_dict_hook_calls'));
  });
});

describe('load_state_dict', () => {
  const good = (): OrderedDict<string, unknown> => new Net().state_dict();
  const missingSd = (): OrderedDict<string, unknown> => {
    const m = new OrderedDict<string, unknown>([...good()].filter(([k]) => k !== 'block.0.bias'));
    m.set('extra.weight', torch.zeros(1));
    m.set('fc1.unknown', torch.zeros(1));
    return m;
  };
  it('reports and errors match PyTorch', () => {
    expect(String(new Net().load_state_dict(good()))).toBe(g('load_ok_repr'));
    expect(err(() => new Net().load_state_dict(missingSd()))).toStrictEqual(g<PyErr>('load_missing_unexpected_err'));
    const r = new Net().load_state_dict(missingSd(), false);
    expect(String(r)).toBe(g('load_nonstrict_repr'));
    expect(r.missing_keys).toStrictEqual(g('load_nonstrict_missing'));
    expect(r.unexpected_keys).toStrictEqual(g('load_nonstrict_unexpected'));
    const [mk, uk] = r;
    expect([mk, uk]).toStrictEqual([r.missing_keys, r.unexpected_keys]);
    const bad = good();
    bad.set('fc1.weight', torch.zeros(4, 2));
    bad.set('running', torch.zeros(2));
    expect(err(() => new Net().load_state_dict(bad))).toStrictEqual(g<PyErr>('load_size_mismatch_err'));
    expect(err(() => new Net().load_state_dict(bad, { strict: false }))).toStrictEqual(g<PyErr>('load_size_mismatch_nonstrict_err'));
    const nt = good();
    nt.set('fc1.bias', [1, 2, 3]);
    expect(err(() => new Net().load_state_dict(nt))).toStrictEqual(g<PyErr>('load_not_tensor_err'));
    expect(err(() => new Net().load_state_dict([1, 2] as unknown as Map<string, unknown>))).toStrictEqual(g<PyErr>('load_not_mapping_err'));
    const both = missingSd();
    both.set('fc1.weight', torch.zeros(4, 2));
    expect(err(() => new Net().load_state_dict(both))).toStrictEqual(g<PyErr>('load_all_errors_err'));
  });
  it('copies values into the existing parameters', () => {
    const src = new Net();
    torch.no_grad(() => [...src.parameters()].forEach((p, i) => p.fill_(i + 1)));
    const dst = new Net();
    const before = [...dst.parameters()];
    dst.load_state_dict(src.state_dict());
    expect([...dst.parameters()].map((p) => p.reshape(-1).tolist())).toStrictEqual(g('load_copied_values'));
    expect([...dst.parameters()]).toStrictEqual(before);
  });
  it('a post hook clearing the keys makes a strict load pass', () => {
    const m = new Net();
    m.register_load_state_dict_post_hook((_mod, keys) => {
      keys.missing_keys.length = 0;
      keys.unexpected_keys.length = 0;
    });
    expect(String(m.load_state_dict(missingSd()))).toBe(g('load_post_hook_cleared_repr'));
    const r = new nn.Linear(1, 1);
    r.register_load_state_dict_post_hook(() => 1);
    expect(err(() => r.load_state_dict(r.state_dict()))).toStrictEqual(g<PyErr>('err_load_post_hook_return'));
  });
  it('extra state', () => {
    const es = new ExtraState();
    expect([...es.state_dict().keys()]).toStrictEqual(g('extra_state_keys'));
    const sd = es.state_dict();
    sd.set('_extra_state', new Map([['state', 42]]));
    const es2 = new ExtraState();
    es2.load_state_dict(sd);
    expect(es2.state).toBe(g('extra_state_loaded'));
    expect(err(() => new ExtraState().load_state_dict({ 'fc.weight': torch.zeros(1, 1), 'fc.bias': torch.zeros(1) }))).toStrictEqual(g<PyErr>('extra_state_missing_err'));
    expect(err(() => new nn.Linear(1, 1).load_state_dict({ weight: torch.zeros(1, 1), bias: torch.zeros(1), _extra_state: 1 }))).toStrictEqual(g<PyErr>('extra_state_unexpected_err'));
  });
});

describe('error texts', () => {
  it('registration', () => {
    const lin = new nn.Linear(2, 2);
    expect(err(() => lin.register_buffer('a.b', torch.zeros(1)))).toStrictEqual(g('err_register_buffer_dot'));
    expect(err(() => lin.register_buffer('', torch.zeros(1)))).toStrictEqual(g('err_register_buffer_empty'));
    expect(err(() => lin.register_buffer('weight', torch.zeros(1)))).toStrictEqual(g('err_register_buffer_exists'));
    expect(err(() => lin.register_buffer('buf', 3 as unknown as Tensor))).toStrictEqual(g('err_register_buffer_type'));
    expect(err(() => lin.register_buffer(3 as unknown as string, torch.zeros(1)))).toStrictEqual(g('err_register_buffer_name_type'));
    expect(err(() => lin.register_parameter('a.b', null))).toStrictEqual(g('err_register_parameter_dot'));
    expect(err(() => lin.register_parameter('', null))).toStrictEqual(g('err_register_parameter_empty'));
    expect(err(() => lin.register_parameter('forward', null))).toStrictEqual(g('err_register_parameter_exists'));
    expect(err(() => lin.register_parameter('p', torch.zeros(1) as nn.Parameter))).toStrictEqual(g('err_register_parameter_type'));
    expect(err(() => lin.add_module('m', 3 as unknown as nn.Module))).toStrictEqual(g('err_add_module_type'));
    expect(err(() => lin.add_module('m', torch.zeros(1) as unknown as nn.Module))).toStrictEqual(g('err_add_module_tensor'));
    expect(err(() => lin.add_module('a.b', new nn.Linear(1, 1)))).toStrictEqual(g('err_add_module_dot'));
    expect(err(() => lin.add_module('', new nn.Linear(1, 1)))).toStrictEqual(g('err_add_module_empty'));
    expect(err(() => lin.add_module('weight', new nn.Linear(1, 1)))).toStrictEqual(g('err_add_module_exists'));
  });
  it('__setattr__ / __getattr__ / get_*', () => {
    const lin = new nn.Linear(2, 2) as unknown as Record<string, unknown>;
    expect(err(() => (lin.weight = torch.zeros(2, 2)))).toStrictEqual(g('err_setattr_param_tensor'));
    expect(err(() => (lin.weight = 3))).toStrictEqual(g('err_setattr_param_int'));
    const hc = new HasChild();
    const hcr = hc as unknown as Record<string, unknown>;
    expect(err(() => (hcr.child = torch.zeros(1)))).toStrictEqual(g('err_setattr_module_tensor'));
    expect(err(() => (hcr.child = 'x'))).toStrictEqual(g('err_setattr_module_str'));
    expect(err(() => (hcr.buf = 3))).toStrictEqual(g('err_setattr_buffer_int'));
    expect(err(() => hc.__getattr__('nothing_here'))).toStrictEqual(g('err_getattr_missing'));
    expect(err(() => hc.get_submodule('child.nope'))).toStrictEqual(g('err_get_submodule_missing'));
    expect(err(() => hc.get_submodule('plain'))).toStrictEqual(g('err_get_submodule_not_module'));
    expect(err(() => hc.get_parameter('child.nope'))).toStrictEqual(g('err_get_parameter_missing'));
    expect(err(() => hc.get_parameter('buf'))).toStrictEqual(g('err_get_parameter_not_param'));
    expect(err(() => hc.get_buffer('nope'))).toStrictEqual(g('err_get_buffer_missing'));
    expect(err(() => hc.get_buffer('child.weight'))).toStrictEqual(g('err_get_buffer_not_buffer'));
    expect(hc.get_submodule('child')).toBe(hc.child);
    expect(hc.get_parameter('child.weight')).toBe(hc.child.weight);
  });
  it('modes, conversions and module calls', () => {
    const hc = new HasChild();
    expect(err(() => hc.train('yes' as unknown as boolean))).toStrictEqual(g('err_train_bool'));
    expect(err(() => hc.to(torch.int64))).toStrictEqual(g('err_to_int_dtype'));
    expect(err(() => new nn.Linear(1, 1).cuda())).toStrictEqual(g('err_cuda'));
    expect(err(() => (new nn.Module() as unknown as (x: number) => unknown)(1))).toStrictEqual(g('err_forward_missing'));
    expect(err(() => new nn.Module().get_extra_state())).toStrictEqual(g('err_get_extra_state'));
    expect(err(() => new nn.Module().set_extra_state(1))).toStrictEqual(g('err_set_extra_state'));
    expect(err(() => new nn.Module(1))).toStrictEqual(g('err_ctor_args'));
    const mix = new nn.Linear(1, 1);
    mix.register_full_backward_hook(() => undefined);
    expect(err(() => mix.register_backward_hook(() => undefined))).toStrictEqual(g('err_backward_hook_mix'));
  });
  it('uninitialized parameters', () => {
    expect(err(() => new nn.UninitializedParameter().shape)).toStrictEqual(g('err_uninit_shape'));
    expect(err(() => new nn.UninitializedParameter().share_memory_())).toStrictEqual(g('err_uninit_share_memory'));
    expect(err(() => new nn.UninitializedParameter().mul(2))).toStrictEqual(g('err_uninit_use'));
  });
  it('containers', () => {
    expect(err(() => new nn.ModuleList([new nn.Linear(1, 1)]).__getitem__(3))).toStrictEqual(g('err_modulelist_index'));
    expect(err(() => new nn.ModuleList().extend(3 as unknown as nn.Module[]))).toStrictEqual(g('err_modulelist_extend'));
    expect(err(() => new nn.ModuleDict().__getitem__('x'))).toStrictEqual(g('err_moduledict_key'));
    expect(err(() => new nn.ModuleDict().update(3 as unknown as Map<string, nn.Module>))).toStrictEqual(g('err_moduledict_update_int'));
    expect(err(() => new nn.ModuleDict().update([3] as unknown as [string, nn.Module][]))).toStrictEqual(g('err_moduledict_update_elem'));
    expect(err(() => new nn.ModuleDict().update([['a', new nn.Linear(1, 1), 3]] as unknown as [string, nn.Module][]))).toStrictEqual(g('err_moduledict_update_len'));
    expect(err(() => new nn.Sequential(new nn.Linear(1, 1)).__getitem__(-2))).toStrictEqual(g('err_sequential_index'));
    expect(err(() => new nn.Sequential().__add__(new nn.Linear(1, 1) as unknown as nn.Sequential))).toStrictEqual(g('err_sequential_add'));
    expect(err(() => new nn.Sequential().insert(3, new nn.Linear(1, 1)))).toStrictEqual(g('err_sequential_insert_index'));
    expect(err(() => new nn.Sequential().insert(0, 3 as unknown as nn.Module))).toStrictEqual(g('err_sequential_insert_type'));
    expect(err(() => new nn.Sequential().__mul__(0))).toStrictEqual(g('err_sequential_mul'));
    expect(err(() => (new nn.ParameterList() as unknown as (x: number) => unknown)(1))).toStrictEqual(g('err_parameterlist_call'));
    expect(err(() => new nn.ParameterList().extend(torch.zeros(2) as unknown as Tensor[]))).toStrictEqual(g('err_parameterlist_extend'));
    expect(err(() => new nn.ParameterList([torch.zeros(1)]).__getitem__(2))).toStrictEqual(g('err_parameterlist_index'));
  });
});

describe('container operations', () => {
  it('Sequential indexing, slicing, del, insert, pop', () => {
    const seq = new nn.Sequential(new nn.Linear(1, 2), new nn.Linear(2, 3), new nn.Linear(3, 4), new nn.Linear(4, 5));
    expect(String(seq.__getitem__(-1))).toBe(g('seq_neg_index'));
    expect(String(seq.at(-1))).toBe(g('seq_neg_index'));
    expect(String(seq.__getitem__(torch.slice(1, 3)))).toBe(g('seq_slice'));
    seq.__delitem__(1);
    expect([...seq._modules.keys()]).toStrictEqual(g('seq_after_del_keys'));
    expect(String(seq)).toBe(g('seq_after_del'));
    seq.insert(1, new nn.Linear(9, 9));
    expect(String(seq)).toBe(g('seq_after_insert'));
    seq.append(new nn.Linear(7, 7));
    expect(String(seq.pop(0))).toBe(g('seq_pop'));
    expect(String(seq)).toBe(g('seq_after_pop'));
  });
  it('ModuleList insert, slice deletion, +', () => {
    const ml = new nn.ModuleList([new nn.Linear(1, 1), new nn.Linear(2, 2), new nn.Linear(3, 3)]);
    ml.insert(1, new nn.Linear(5, 5));
    expect([...ml].map(String)).toStrictEqual(g('ml_after_insert_keys'));
    ml.__delitem__(new torch.Slice(null, null, 2));
    expect([...ml].map(String)).toStrictEqual(g('ml_after_slice_del'));
    expect([...ml._modules.keys()]).toStrictEqual(g('ml_keys'));
    const ml2 = new nn.ModuleList([new nn.Linear(1, 1)]).__add__(new nn.ModuleList([new nn.Linear(2, 2)]));
    expect([...ml2].map(String)).toStrictEqual(g('ml_add'));
  });
  it('ParameterList wraps tensors and keeps other objects', () => {
    const pl = new nn.ParameterList([torch.zeros(1), new nn.Parameter(torch.ones(2))]);
    pl.append(torch.zeros(3));
    pl.append('str');
    expect([...pl].map((p) => (p instanceof nn.Parameter ? 'Parameter' : typeof p === 'string' ? 'str' : '?'))).toStrictEqual(g('pl_types'));
    expect(names(pl.named_parameters())).toStrictEqual(g('pl_named_parameters'));
    expect(String(pl)).toBe(g('pl_repr'));
  });
});
