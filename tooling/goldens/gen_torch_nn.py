"""Goldens for @nncompat/torch-compat's nn.Module surface, produced by real PyTorch.

Run with Debian's torch (1.13):  /usr/bin/python3 tooling/goldens/gen_torch_nn.py
Writes packages/torch-compat/fixtures/nn_module.json and fixtures/tensor_str.json.

Every scenario here is replayed by the TypeScript tests with the same inputs. Behaviour that
PyTorch 2.x changed relative to 1.13 (hook prepend/with_kwargs/always_call, full backward
pre-hooks, load_state_dict(assign=), ParameterDict, ModuleList's compressed repr) is not
generated here: those goldens are written by hand in the tests, each with its reason.
"""
import collections
import json
import math
import os
import sys

import torch
import torch.nn as nn

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, 'packages', 'torch-compat', 'fixtures')


def err(fn):
    """Runs fn and returns {'type', 'msg'} of the exception it raises (str(e), as printed)."""
    try:
        fn()
    except Exception as e:  # noqa: BLE001 - goldens record every error type
        return {'type': type(e).__name__, 'msg': str(e)}
    raise AssertionError('expected an error')


def meta(sd):
    return {k: dict(v) for k, v in sd._metadata.items()}


cases = {}

# ---- reprs -----------------------------------------------------------------------------------
class MyModule(nn.Module):
    def __init__(self):
        super().__init__()
        self.params = nn.ParameterDict({
            'left': nn.Parameter(torch.randn(5, 10)),
            'right': nn.Parameter(torch.randn(5, 10)),
        })

    def forward(self, x, choice):
        return self.params[choice].mm(x)


torch.manual_seed(0)
m = MyModule()
y = m(torch.randn(10, 1), 'left')
cases['seed_repr'] = repr(m)
cases['seed_output_shape'] = list(y.shape)

cases['repr_linear'] = repr(nn.Linear(3, 4))
cases['repr_linear_nobias'] = repr(nn.Linear(3, 4, bias=False))
cases['repr_empty_module'] = repr(nn.Module())
cases['repr_sequential'] = repr(nn.Sequential(nn.Linear(2, 3), nn.Sequential(nn.Linear(3, 3)), nn.Linear(3, 1)))
cases['repr_sequential_od'] = repr(nn.Sequential(collections.OrderedDict([('fc1', nn.Linear(2, 3)), ('fc2', nn.Linear(3, 1))])))
cases['repr_moduledict'] = repr(nn.ModuleDict({'b': nn.Linear(1, 2), 'a': nn.Linear(2, 1)}))
cases['repr_modulelist_distinct'] = repr(nn.ModuleList([nn.Linear(1, 2), nn.Linear(2, 3)]))
cases['repr_modulelist_empty'] = repr(nn.ModuleList())
cases['repr_parameterlist'] = repr(nn.ParameterList([nn.Parameter(torch.zeros(2, 3)), nn.Parameter(torch.zeros(4, dtype=torch.float64))]))
pd = nn.ParameterDict({'w': nn.Parameter(torch.zeros(2)), 'b': nn.Parameter(torch.zeros(3, 1, dtype=torch.float64))})
pd['x'] = 5
cases['repr_parameterdict_mixed'] = repr(pd)
cases['keys_parameterdict_mixed'] = list(pd.keys())


class WithNone(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Linear(1, 1)
        self.b = None
        self.register_module('c', None)


cases['repr_none_child'] = repr(WithNone())


class Extra(nn.Module):
    def extra_repr(self):
        return 'line1\nline2'


class ExtraWithChild(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(1, 1)

    def extra_repr(self):
        return 'k=1'


cases['repr_extra_multiline'] = repr(Extra())
cases['repr_extra_with_child'] = repr(ExtraWithChild())

lazy = nn.LazyLinear(4)
cases['repr_lazy_before'] = repr(lazy)
cases['repr_uninitialized_param'] = repr(lazy.weight)
lazy(torch.zeros(2, 3))
cases['repr_lazy_after'] = repr(lazy)
cases['lazy_after_class'] = type(lazy).__name__
cases['lazy_weight_shape'] = list(lazy.weight.shape)


# ---- tree walks, state_dict ------------------------------------------------------------------
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(2, 3)
        self.register_buffer('running', torch.zeros(3))
        self.register_buffer('scratch', torch.zeros(1), persistent=False)
        self.register_buffer('nothing', None)
        self.register_parameter('absent', None)
        self.block = nn.Sequential(nn.Linear(3, 3), nn.Linear(3, 1))
        self.shared = self.fc1


net = Net()
cases['named_parameters'] = [n for n, _ in net.named_parameters()]
cases['named_parameters_prefix_norecurse'] = [n for n, _ in net.named_parameters(prefix='net', recurse=False)]
cases['named_buffers'] = [n for n, _ in net.named_buffers()]
cases['named_modules'] = [n for n, _ in net.named_modules()]
cases['named_modules_nodedup'] = [n for n, _ in net.named_modules(remove_duplicate=False)]
cases['named_modules_prefix'] = [n for n, _ in net.named_modules(prefix='root')]
cases['named_children'] = [n for n, _ in net.named_children()]
sd = net.state_dict()
cases['state_dict_keys'] = list(sd.keys())
cases['state_dict_metadata'] = meta(sd)
cases['state_dict_prefix_keys'] = list(net.state_dict(prefix='p.').keys())
cases['state_dict_prefix_metadata'] = meta(net.state_dict(prefix='p.'))
cases['parameters_count'] = len(list(net.parameters()))
cases['buffers_count'] = len(list(net.buffers()))


class Versioned(nn.Module):
    _version = 3

    def __init__(self):
        super().__init__()
        self.inner = nn.Linear(1, 1)


cases['state_dict_versioned_metadata'] = meta(Versioned().state_dict())

# ---- load_state_dict -------------------------------------------------------------------------
def fresh():
    return Net()


good = fresh().state_dict()
cases['load_ok_repr'] = repr(fresh().load_state_dict(good))
missing = collections.OrderedDict((k, v) for k, v in good.items() if k != 'block.0.bias')
missing['extra.weight'] = torch.zeros(1)
missing['fc1.unknown'] = torch.zeros(1)
cases['load_missing_unexpected_err'] = err(lambda: fresh().load_state_dict(missing))
r = fresh().load_state_dict(missing, strict=False)
cases['load_nonstrict_repr'] = repr(r)
cases['load_nonstrict_missing'] = r.missing_keys
cases['load_nonstrict_unexpected'] = r.unexpected_keys
bad = collections.OrderedDict(good)
bad['fc1.weight'] = torch.zeros(4, 2)
bad['running'] = torch.zeros(2)
cases['load_size_mismatch_err'] = err(lambda: fresh().load_state_dict(bad))
cases['load_size_mismatch_nonstrict_err'] = err(lambda: fresh().load_state_dict(bad, strict=False))
notensor = collections.OrderedDict(good)
notensor['fc1.bias'] = [1, 2, 3]
cases['load_not_tensor_err'] = err(lambda: fresh().load_state_dict(notensor))
cases['load_not_mapping_err'] = err(lambda: fresh().load_state_dict([1, 2]))
both = collections.OrderedDict(missing)
both['fc1.weight'] = torch.zeros(4, 2)
cases['load_all_errors_err'] = err(lambda: fresh().load_state_dict(both))

# values actually copied
src = fresh()
with torch.no_grad():
    for i, p in enumerate(src.parameters()):
        p.fill_(i + 1)
dst = fresh()
dst.load_state_dict(src.state_dict())
cases['load_copied_values'] = [p.detach().reshape(-1).tolist() for p in dst.parameters()]

# post hook that clears the keys makes a strict load succeed
hooked = fresh()


def clear_keys(module, keys):
    keys.missing_keys.clear()
    keys.unexpected_keys.clear()


hooked.register_load_state_dict_post_hook(clear_keys)
cases['load_post_hook_cleared_repr'] = repr(hooked.load_state_dict(missing))


class ExtraState(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(1, 1)
        self.state = 7

    def get_extra_state(self):
        return {'state': self.state}

    def set_extra_state(self, s):
        self.state = s['state']


es = ExtraState()
cases['extra_state_keys'] = list(es.state_dict().keys())
es_sd = es.state_dict()
es_sd['_extra_state'] = {'state': 42}
es2 = ExtraState()
es2.load_state_dict(es_sd)
cases['extra_state_loaded'] = es2.state
cases['extra_state_missing_err'] = err(lambda: ExtraState().load_state_dict({'fc.weight': torch.zeros(1, 1), 'fc.bias': torch.zeros(1)}))
cases['extra_state_unexpected_err'] = err(lambda: nn.Linear(1, 1).load_state_dict({'weight': torch.zeros(1, 1), 'bias': torch.zeros(1), '_extra_state': 1}))

# state_dict hooks
calls = []
sdm = nn.Linear(1, 1)
sdm._register_state_dict_hook(lambda mod, d, prefix, lm: calls.append(['post', prefix, list(d.keys()), dict(lm)]))
sdm.state_dict(prefix='x.', keep_vars=True)
cases['state_dict_hook_calls'] = calls
cases['state_dict_keep_vars_is_param'] = isinstance(nn.Linear(1, 1).state_dict(keep_vars=True)['weight'], nn.Parameter)
cases['state_dict_detached_requires_grad'] = nn.Linear(1, 1).state_dict()['weight'].requires_grad

# ---- errors ----------------------------------------------------------------------------------
lin = nn.Linear(2, 2)
cases['err_register_buffer_dot'] = err(lambda: lin.register_buffer('a.b', torch.zeros(1)))
cases['err_register_buffer_empty'] = err(lambda: lin.register_buffer('', torch.zeros(1)))
cases['err_register_buffer_exists'] = err(lambda: lin.register_buffer('weight', torch.zeros(1)))
cases['err_register_buffer_type'] = err(lambda: lin.register_buffer('buf', 3))
cases['err_register_buffer_name_type'] = err(lambda: lin.register_buffer(3, torch.zeros(1)))
cases['err_register_parameter_dot'] = err(lambda: lin.register_parameter('a.b', None))
cases['err_register_parameter_empty'] = err(lambda: lin.register_parameter('', None))
cases['err_register_parameter_exists'] = err(lambda: lin.register_parameter('forward', None))
cases['err_register_parameter_type'] = err(lambda: lin.register_parameter('p', torch.zeros(1)))
cases['err_add_module_type'] = err(lambda: lin.add_module('m', 3))
cases['err_add_module_tensor'] = err(lambda: lin.add_module('m', torch.zeros(1)))
cases['err_add_module_dot'] = err(lambda: lin.add_module('a.b', nn.Linear(1, 1)))
cases['err_add_module_empty'] = err(lambda: lin.add_module('', nn.Linear(1, 1)))
cases['err_add_module_exists'] = err(lambda: lin.add_module('weight', nn.Linear(1, 1)))
cases['err_setattr_param_tensor'] = err(lambda: setattr(lin, 'weight', torch.zeros(2, 2)))
cases['err_setattr_param_int'] = err(lambda: setattr(lin, 'weight', 3))


class HasChild(nn.Module):
    def __init__(self):
        super().__init__()
        self.child = nn.Linear(1, 1)
        self.register_buffer('buf', torch.zeros(1))
        self.plain = 3


hc = HasChild()
cases['err_setattr_module_tensor'] = err(lambda: setattr(hc, 'child', torch.zeros(1)))
cases['err_setattr_module_str'] = err(lambda: setattr(hc, 'child', 'x'))
cases['err_setattr_buffer_int'] = err(lambda: setattr(hc, 'buf', 3))
cases['err_getattr_missing'] = err(lambda: hc.nothing_here)
cases['err_get_submodule_missing'] = err(lambda: hc.get_submodule('child.nope'))
cases['err_get_submodule_not_module'] = err(lambda: hc.get_submodule('plain'))
cases['err_get_parameter_missing'] = err(lambda: hc.get_parameter('child.nope'))
cases['err_get_parameter_not_param'] = err(lambda: hc.get_parameter('buf'))
cases['err_get_buffer_missing'] = err(lambda: hc.get_buffer('nope'))
cases['err_get_buffer_not_buffer'] = err(lambda: hc.get_buffer('child.weight'))
cases['err_train_bool'] = err(lambda: hc.train('yes'))
cases['err_to_int_dtype'] = err(lambda: hc.to(torch.int64))
cases['err_cuda'] = err(lambda: nn.Linear(1, 1).cuda())
cases['err_forward_missing'] = err(lambda: nn.Module()(1))
cases['err_get_extra_state'] = err(lambda: nn.Module().get_extra_state())
cases['err_set_extra_state'] = err(lambda: nn.Module().set_extra_state(1))
cases['err_ctor_args'] = err(lambda: nn.Module(1))
cases['err_uninit_shape'] = err(lambda: nn.parameter.UninitializedParameter().shape)
cases['err_uninit_share_memory'] = err(lambda: nn.parameter.UninitializedParameter().share_memory_())
cases['err_uninit_use'] = err(lambda: nn.parameter.UninitializedParameter().mul(2))
cases['err_modulelist_index'] = err(lambda: nn.ModuleList([nn.Linear(1, 1)])[3])
cases['err_modulelist_extend'] = err(lambda: nn.ModuleList().extend(3))
cases['err_moduledict_key'] = err(lambda: nn.ModuleDict()['x'])
cases['err_moduledict_update_int'] = err(lambda: nn.ModuleDict().update(3))
cases['err_moduledict_update_elem'] = err(lambda: nn.ModuleDict().update([3]))
cases['err_moduledict_update_len'] = err(lambda: nn.ModuleDict().update([('a', nn.Linear(1, 1), 3)]))
cases['err_sequential_index'] = err(lambda: nn.Sequential(nn.Linear(1, 1))[-2])
cases['err_sequential_add'] = err(lambda: nn.Sequential() + nn.Linear(1, 1))
cases['err_sequential_insert_index'] = err(lambda: nn.Sequential().insert(3, nn.Linear(1, 1)))
cases['err_sequential_insert_type'] = err(lambda: nn.Sequential().insert(0, 3))
cases['err_sequential_mul'] = err(lambda: nn.Sequential() * 0)
cases['err_parameterlist_call'] = err(lambda: nn.ParameterList()(1))
cases['err_parameterlist_extend'] = err(lambda: nn.ParameterList().extend(torch.zeros(2)))
cases['err_parameterlist_index'] = err(lambda: nn.ParameterList([torch.zeros(1)])[2])
cases['err_load_post_hook_return'] = None  # filled below
cases['err_backward_hook_mix'] = None

m_ret = nn.Linear(1, 1)
m_ret.register_load_state_dict_post_hook(lambda mod, keys: 1)
cases['err_load_post_hook_return'] = err(lambda: m_ret.load_state_dict(m_ret.state_dict()))
mix = nn.Linear(1, 1)
mix.register_full_backward_hook(lambda *a: None)
cases['err_backward_hook_mix'] = err(lambda: mix.register_backward_hook(lambda *a: None))
cases['err_linear_fan'] = err(lambda: nn.init.kaiming_uniform_(torch.zeros(3)))

# ---- hooks (1.13 semantics shared with 2.1) --------------------------------------------------
log = []


class Doubler(nn.Module):
    def forward(self, x, k):
        log.append(['forward', x.tolist(), k])
        return x * 2


d = Doubler()
d.register_forward_pre_hook(lambda mod, args: log.append(['pre1', args[0].tolist(), args[1]]))
d.register_forward_pre_hook(lambda mod, args: (args[0] + 1, args[1] + 1))
d.register_forward_hook(lambda mod, args, out: log.append(['fwd1', args[0].tolist(), out.tolist()]))
d.register_forward_hook(lambda mod, args, out: out + 100)
res = d(torch.tensor([1.0, 2.0]), 5)
log.append(['result', res.tolist()])
cases['hook_forward_log'] = log

log2 = []
g1 = nn.modules.module.register_module_forward_pre_hook(lambda mod, args: log2.append(['gpre', type(mod).__name__]))
g2 = nn.modules.module.register_module_forward_hook(lambda mod, args, out: log2.append(['gfwd', type(mod).__name__]))
seq = nn.Sequential(nn.Linear(1, 1), nn.Linear(1, 1))
seq[0].register_forward_pre_hook(lambda mod, args: log2.append(['pre0']))
seq(torch.zeros(1, 1))
g1.remove()
g2.remove()
seq(torch.zeros(1, 1))
cases['hook_global_log'] = log2

# full backward hooks: grad_input / grad_output as PyTorch defines them
blog = []


class TwoIn(nn.Module):
    def forward(self, a, k, b):
        return a * b * k, a + b


ti = TwoIn()
ti.register_full_backward_hook(lambda mod, gin, gout: blog.append({
    'grad_input': [None if g is None else g.tolist() for g in gin],
    'grad_output': [None if g is None else g.tolist() for g in gout]}))
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0, 4.0])
o1, o2 = ti(a, 3, b)
(o1.sum() * 2 + o2.sum()).backward()
blog.append({'a_grad': a.grad.tolist()})
cases['hook_full_backward'] = blog

blog2 = []
lin2 = nn.Linear(2, 1)
with torch.no_grad():
    lin2.weight.copy_(torch.tensor([[1.0, -1.0]]))
    lin2.bias.fill_(0.5)
lin2.register_full_backward_hook(lambda mod, gin, gout: (gin[0] * 10,))
x = torch.tensor([[1.0, 2.0]], requires_grad=True)
lin2(x).sum().backward()
cases['hook_full_backward_replace_x_grad'] = x.grad.tolist()

# ---- containers --------------------------------------------------------------------------------
seq = nn.Sequential(nn.Linear(1, 2), nn.Linear(2, 3), nn.Linear(3, 4), nn.Linear(4, 5))
cases['seq_neg_index'] = repr(seq[-1])
cases['seq_slice'] = repr(seq[1:3])
del seq[1]
cases['seq_after_del_keys'] = list(seq._modules.keys())
cases['seq_after_del'] = repr(seq)
seq.insert(1, nn.Linear(9, 9))
cases['seq_after_insert'] = repr(seq)
seq.append(nn.Linear(7, 7))
cases['seq_pop'] = repr(seq.pop(0))
cases['seq_after_pop'] = repr(seq)
ml = nn.ModuleList([nn.Linear(1, 1), nn.Linear(2, 2), nn.Linear(3, 3)])
ml.insert(1, nn.Linear(5, 5))
cases['ml_after_insert_keys'] = [repr(m) for m in ml]
del ml[::2]
cases['ml_after_slice_del'] = [repr(m) for m in ml]
cases['ml_keys'] = list(ml._modules.keys())
ml2 = nn.ModuleList([nn.Linear(1, 1)]) + nn.ModuleList([nn.Linear(2, 2)])
cases['ml_add'] = [repr(m) for m in ml2]
pl = nn.ParameterList([torch.zeros(1), nn.Parameter(torch.ones(2))])
pl.append(torch.zeros(3))
pl.append('str')
cases['pl_types'] = [type(p).__name__ for p in pl]
cases['pl_named_parameters'] = [n for n, _ in pl.named_parameters()]
cases['pl_repr'] = repr(pl)

# ---- ParameterDict (1.13 already has the 2.x implementation) ------------------------------------
def pd_state(d):
    return [[k, type(v).__name__] for k, v in d.items()]


pd = nn.ParameterDict({'b': torch.zeros(1), 'a': nn.Parameter(torch.zeros(2)), 'c': 3})
cases['pd_plain_dict_order'] = pd_state(pd)
pd = nn.ParameterDict(collections.OrderedDict([('b', torch.zeros(1)), ('a', torch.zeros(2))]))
cases['pd_ordered_dict_order'] = pd_state(pd)
pd = nn.ParameterDict([('z', torch.zeros(1)), ('y', None), ('x', 'str')])
cases['pd_pairs_order'] = pd_state(pd)
cases['pd_named_parameters'] = [n for n, _ in pd.named_parameters()]
pd.update({'q': torch.ones(1), 'p': torch.ones(1)})
cases['pd_update_plain'] = list(pd.keys())
pd2 = nn.ParameterDict([('m', torch.zeros(1)), ('l', torch.zeros(1))])
pd.update(pd2)
cases['pd_update_pd'] = list(pd.keys())
cases['pd_len'] = len(pd)
cases['pd_contains'] = ['z' in pd, 'nope' in pd]
cases['pd_reversed'] = list(reversed(pd))
cases['pd_get_default'] = pd.get('nope', 5)
cases['pd_pop'] = type(pd.pop('z')).__name__
cases['pd_after_pop'] = list(pd.keys())
k, v = pd.popitem()
cases['pd_popitem'] = [k, type(v).__name__]
cases['pd_setdefault'] = [type(pd.setdefault('new', torch.zeros(2))).__name__, type(pd.setdefault('y', 1)).__name__]
cases['pd_after_setdefault'] = list(pd.keys())
c = pd.copy()
cases['pd_copy_shares'] = c['q'] is pd['q']
cases['pd_fromkeys'] = pd_state(pd.fromkeys(['u', 'v'], torch.zeros(1)))
o1 = nn.ParameterDict({'a': torch.zeros(1)})
o2 = nn.ParameterDict({'b': torch.zeros(1), 'a': torch.ones(1)})
cases['pd_or'] = list((o1 | o2).keys())
cases['pd_or_a_value'] = (o1 | o2)['a'].tolist()
o1 |= o2
cases['pd_ior'] = list(o1.keys())
pd.clear()
cases['pd_clear'] = [len(pd), [n for n, _ in pd.named_parameters()]]
cases['pd_err_popitem_empty'] = err(lambda: pd.popitem())
cases['pd_err_missing_key'] = err(lambda: pd['missing'])
cases['pd_err_del_missing'] = err(lambda: pd.__delitem__('missing'))
cases['pd_err_update_int'] = err(lambda: pd.update(3))
cases['pd_err_update_elem'] = err(lambda: pd.update([3]))
cases['pd_err_update_len'] = err(lambda: pd.update([('a', torch.zeros(1), 3)]))
bad_pd = nn.ParameterDict()
cases['pd_err_nonstr_key'] = err(lambda: bad_pd.__setitem__(3, torch.zeros(1)))
cases['pd_nonstr_key_left_in_keys'] = len(bad_pd)
bad_pd2 = nn.ParameterDict()
cases['pd_err_method_name_key'] = err(lambda: bad_pd2.__setitem__('keys', torch.zeros(1)))
cases['pd_err_call'] = err(lambda: pd(1))
cases['pd_err_param_to_int'] = None
pd['w'] = torch.zeros(1)
cases['pd_err_param_to_int'] = err(lambda: pd.__setitem__('w', 3))
pd['w'] = None
cases['pd_none_value'] = [pd_state(pd), [n for n, _ in pd.named_parameters()]]
pd_sd = nn.ParameterDict({'b': torch.zeros(1), 'a': torch.zeros(2)})
cases['pd_state_dict_keys'] = list(pd_sd.state_dict().keys())
cases['pd_requires_grad'] = pd_sd['a'].requires_grad

# ---- modes, conversions, attribute rules ------------------------------------------------------------
cases['err_xpu'] = err(lambda: nn.Linear(1, 1).xpu())
cases['err_ipu'] = err(lambda: nn.Linear(1, 1).ipu())
dm = nn.Linear(1, 1)
del dm.weight
cases['delattr_param_left'] = list(dm._parameters)
cases['err_delattr_missing'] = err(lambda: delattr(dm, 'nonexist'))
order = []
tree = nn.Sequential(nn.Linear(1, 1), nn.Sequential(nn.Linear(1, 1), nn.ReLU() if False else nn.Linear(1, 1)))
tree.apply(lambda m: order.append(type(m).__name__ + ':' + str(len(list(m.children())))))
cases['apply_order'] = order
tree.eval()
cases['eval_flags'] = [m.training for m in tree.modules()]
tree[1].train()
cases['train_sub_flags'] = [m.training for m in tree.modules()]
tree.requires_grad_(False)
cases['requires_grad_off'] = [p.requires_grad for p in tree.parameters()]
zg = nn.Linear(2, 1)
zg(torch.ones(1, 2)).sum().backward()
zg.zero_grad(set_to_none=False)
cases['zero_grad_false'] = [p.grad.tolist() for p in zg.parameters()]
zg.zero_grad()
cases['zero_grad_default_none_in_2x'] = 'hand-written: 2.x default set_to_none=True'
conv = Net()
conv.double()
cases['double_dtypes'] = [str(t.dtype) for t in conv.state_dict().values()]
conv.to(torch.float16)
cases['to_half_dtypes'] = [str(t.dtype) for t in conv.state_dict().values()]
conv.to(torch.zeros(1, dtype=torch.float32))
cases['to_tensor_dtypes'] = [str(t.dtype) for t in conv.state_dict().values()]
ib = nn.Module()
ib.register_buffer('count', torch.tensor([1, 2]))
ib.register_buffer('f', torch.tensor([1.0]))
ib.double()
cases['double_keeps_int_buffer'] = [str(t.dtype) for t in ib.state_dict().values()]
ib.type(torch.float16)
cases['type_casts_all'] = [str(t.dtype) for t in ib.state_dict().values()]
ident = nn.Linear(1, 1)
w_before = ident.weight
ident.double()
cases['conversion_keeps_param_identity'] = ident.weight is w_before


class Reassign(nn.Module):
    def __init__(self):
        super().__init__()
        self.x = 3
        self.x = nn.Parameter(torch.zeros(1))
        self.register_buffer('b', torch.zeros(1))
        self.b = nn.Linear(1, 1)
        self.y = nn.Linear(1, 1)
        self.y = None


ra = Reassign()
cases['reassign_members'] = [list(ra._parameters), list(ra._buffers), list(ra._modules), 'x' in ra.__dict__]
cases['reassign_repr'] = repr(ra)
buf_m = nn.Module()
buf_m.register_buffer('b', torch.zeros(1))
buf_m.b = torch.ones(2)
cases['buffer_reassign_shape'] = list(buf_m.b.shape)
buf_m.b = None
cases['buffer_none_state_dict'] = list(buf_m.state_dict().keys())
cases['dir_linear'] = [d for d in dir(nn.Linear(1, 1)) if d in ('weight', 'bias', 'in_features', 'forward', 'training', 'T_destination')]
np_m = nn.Module()
np_m.register_buffer('a', torch.zeros(1), persistent=False)
np_m.register_buffer('a', torch.zeros(1), persistent=True)
cases['buffer_persistent_again'] = list(np_m.state_dict().keys())
uninit = nn.parameter.UninitializedBuffer()
uninit.materialize((2, 3))
cases['uninit_buffer_materialized'] = [type(uninit).__name__, list(uninit.shape)]
lz = nn.LazyLinear(3)
lz_sd = nn.Linear(4, 3).state_dict()
lz.load_state_dict(lz_sd)
cases['lazy_load_shapes'] = [list(lz.weight.shape), type(lz.weight).__name__, type(lz).__name__]
cases['lazy_state_dict_types'] = [type(v).__name__ for v in nn.LazyLinear(2).state_dict().values()]
cases['err_lazy_load_into_initialized'] = err(lambda: nn.Linear(2, 3).load_state_dict(nn.LazyLinear(3).state_dict()))

# ---- Linear initialisation (kaiming_uniform_(a=sqrt(5)) then the bias bound) -----------------------
torch.manual_seed(0)
init_lin = nn.Linear(3, 4)
cases['linear_init_seed0'] = [init_lin.weight.detach().reshape(-1).tolist(), init_lin.bias.detach().tolist()]
torch.manual_seed(0)
lin_out = nn.Linear(3, 2)(torch.arange(6, dtype=torch.float32).reshape(2, 3))
cases['linear_forward_seed0'] = lin_out.detach().tolist()

with open(os.path.join(OUT, 'nn_module.json'), 'w') as f:
    json.dump({'torch_version': torch.__version__, 'cases': cases}, f, indent=1, sort_keys=True)

# ---- tensor printing ---------------------------------------------------------------------------
tcases = []


def add(name, t, note=''):
    tcases.append({'name': name, 'dtype': str(t.dtype).replace('torch.', ''), 'shape': list(t.shape),
                   'data': t.detach().reshape(-1).tolist() if t.dtype != torch.bool else [bool(v) for v in t.reshape(-1).tolist()],
                   'requires_grad': t.requires_grad, 'repr': repr(t), 'str': str(t)})


def finite_or_str(v):
    return v


torch.manual_seed(0)
add('randn_3x4', torch.randn(3, 4))
add('ints_as_float', torch.tensor([1.0, 2.0, -3.0, 100.0]))
add('big_int_float_sci', torch.tensor([1.0, 1e9]))
add('small_sci', torch.tensor([1e-5, 1.0]))
add('ratio_sci', torch.tensor([0.5, 600.0]))
add('fixed', torch.tensor([0.5, 1.25, -3.0625]))
add('tie_round_even', torch.tensor([1.03125, 2.03125, 0.00005], dtype=torch.float64))
add('tie_round_even_fixed', torch.tensor([1.03125, 2.09375, 3.5], dtype=torch.float64))
add('neg_zero', torch.tensor([-0.0, 1.5]))
add('inf_nan', torch.tensor([float('inf'), float('-inf'), float('nan'), 1.5]))
add('inf_nan_int', torch.tensor([float('inf'), float('nan'), 2.0]))
add('all_zero', torch.zeros(2, 3))
add('scalar', torch.tensor(3.5))
add('scalar_int', torch.tensor(7))
add('int64', torch.tensor([[1, -20], [300, 4]]))
add('int32', torch.tensor([1, 2], dtype=torch.int32))
add('uint8', torch.tensor([1, 255], dtype=torch.uint8))
add('bool', torch.tensor([True, False]))
add('float64', torch.tensor([1.5, 2.25], dtype=torch.float64))
add('float16', torch.tensor([1.5, 2.1], dtype=torch.float16))
add('bfloat16', torch.tensor([1.5, 2.1], dtype=torch.bfloat16))
add('empty', torch.zeros(0))
add('empty_2d', torch.zeros(0, 3))
add('empty_int', torch.zeros(0, dtype=torch.int64))
add('requires_grad', torch.tensor([1.0, 2.0], requires_grad=True))
add('long_row', torch.arange(30, dtype=torch.float32) * 1.5)
add('long_row_int', torch.arange(40) * 1000)
torch.manual_seed(1)
add('summarized_1d', torch.randn(2000))
add('summarized_2d', torch.randn(40, 50))
add('summarized_3d', torch.arange(24 * 50).reshape(24, 50) .float().reshape(2, 12, 50))
add('summarized_int', torch.arange(1500))
add('3d', torch.arange(24).reshape(2, 3, 4).float() / 7)
add('wide_values', torch.tensor([123456.789, 0.001]))
add('wide_cols', torch.randn(3, 20) * 1000)
p = nn.Parameter(torch.tensor([[1.0, 2.0], [3.0, 4.0]]))
tcases.append({'name': 'parameter', 'dtype': 'float32', 'shape': [2, 2], 'data': [1.0, 2.0, 3.0, 4.0],
               'requires_grad': True, 'parameter': True, 'repr': repr(p), 'str': str(p)})
gx = torch.tensor([1.0, 2.0], requires_grad=True)
tcases.append({'name': 'grad_fn_mul', 'op': 'mul2', 'repr': repr(gx * 2)})
tcases.append({'name': 'grad_fn_add', 'op': 'add1', 'repr': repr(gx + 1)})
tcases.append({'name': 'grad_fn_sum', 'op': 'sum', 'repr': repr(gx.sum())})
torch.set_printoptions(precision=2)
add('precision_2', torch.tensor([1.23456, 2.5]))
torch.set_printoptions(sci_mode=True)
add('sci_forced', torch.tensor([1.5, 2.5]))
torch.set_printoptions(profile='default')
torch.set_printoptions(linewidth=40)
add('linewidth_40', torch.arange(20).float() / 3)
torch.set_printoptions(profile='default')


def clean(o):
    """JSON has no NaN/Infinity: encode them as strings."""
    if isinstance(o, float) and not math.isfinite(o):
        return 'nan' if math.isnan(o) else ('inf' if o > 0 else '-inf')
    if isinstance(o, list):
        return [clean(v) for v in o]
    if isinstance(o, dict):
        return {k: clean(v) for k, v in o.items()}
    return o


with open(os.path.join(OUT, 'tensor_str.json'), 'w') as f:
    json.dump({'torch_version': torch.__version__, 'cases': clean(tcases)}, f, indent=1)
print('wrote', len(cases), 'module cases and', len(tcases), 'tensor cases', file=sys.stderr)
