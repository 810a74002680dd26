"""Writes packages/torch-compat/fixtures/torch_ops.json from real PyTorch (1.13, CPU): the
function forms of the tensor ops in the `torch` namespace (`torch.sum(x, 1, True)`,
`torch.max(x, 1)` → (values, indices), `torch.pow(2, t)`, `torch.dropout(x, p, train)`, …).

Run with Debian's python3-torch:
    /usr/bin/python3 tooling/goldens/gen_torch_namespace.py

Case format: {name, fn, args, out, w?, grads?, seed?}. `args` are the TypeScript call's
arguments in order, which are Python's positional arguments followed, when there are keyword
arguments, by one options object {"o": {...}} holding them (the project's kwargs convention).
Tensors are {"t": {dtype, shape, data, rg}} (rg: a leaf requiring grad), dtypes {"dtype": name};
`out` lists the outputs (one tensor, a (values, indices) pair, or a split's pieces); `w` are the
random weights of sum(out[0] * w) whose gradient w.r.t. each rg tensor (args order) is
`grads`. `seed` (dropout) is torch.manual_seed'ed before the call. Non-finite floats are
"nan"/"inf"/"-inf". `errors` hold calls that raise, with PyTorch's type and message.
"""
import json
import math
import os

import torch

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'packages', 'torch-compat', 'fixtures')
F64, F32, I64, I32, BOOL = torch.float64, torch.float32, torch.int64, torch.int32, torch.bool
G = torch.Generator().manual_seed(4321)


def num(v):
    if isinstance(v, bool):
        return v
    if isinstance(v, float):
        if math.isnan(v):
            return 'nan'
        if math.isinf(v):
            return 'inf' if v > 0 else '-inf'
    return v


def tj(t):
    return {'dtype': str(t.dtype).replace('torch.', ''), 'shape': list(t.shape),
            'data': [num(x) for x in t.detach().reshape(-1).tolist()]}


def enc(v):
    if isinstance(v, torch.Tensor):
        d = tj(v)
        if v.requires_grad:
            d['rg'] = True
        return {'t': d}
    if isinstance(v, torch.dtype):
        return {'dtype': str(v).replace('torch.', '')}
    if isinstance(v, (list, tuple)):
        return [enc(x) for x in v]
    if isinstance(v, float):
        return num(v)
    return v


def rnd(*shape, dtype=F64, rg=True, lo=-2.0, hi=2.0):
    t = (torch.rand(*shape, generator=G, dtype=F64) * (hi - lo) + lo).to(dtype)
    return t.requires_grad_(rg and dtype.is_floating_point)


def ints(lo, hi, *shape, dtype=I64):
    return torch.randint(lo, hi, shape, generator=G).to(dtype)


CASES = []
ERRORS = []


def case(name, fn, args, kwargs=None, seed=None):
    """Calls torch.<fn>(*args, **kwargs) and records it with the TS call's arguments."""
    kwargs = kwargs or {}
    # Encoded before the call: in-place functions and batch_norm's running stats mutate inputs.
    ts_args = enc(list(args)) + ([{'o': {k: enc(v) for k, v in kwargs.items()}}] if kwargs else [])
    if seed is not None:
        torch.manual_seed(seed)
    out = getattr(torch, fn)(*args, **kwargs)
    outs = list(out) if isinstance(out, (tuple, list)) else [out]
    c = {'name': name, 'fn': fn, 'args': ts_args, 'out': [tj(o) for o in outs]}
    if seed is not None:
        c['seed'] = seed
    leaves = [a for a in list(args) + list(kwargs.values()) if isinstance(a, torch.Tensor) and a.requires_grad]
    o = outs[0]
    if leaves and o.requires_grad and o.dtype.is_floating_point:
        w = torch.rand(o.shape, generator=G, dtype=F64).to(o.dtype)
        grads = torch.autograd.grad((o * w).sum(), leaves, allow_unused=True)
        c['w'] = [num(x) for x in w.reshape(-1).tolist()]
        c['grads'] = [tj(g) if g is not None else None for g in grads]
    CASES.append(c)


def error(name, fn, args, kwargs=None):
    kwargs = kwargs or {}
    try:
        getattr(torch, fn)(*args, **kwargs)
    except Exception as e:  # noqa: BLE001 - recording whichever error PyTorch raises
        ts_args = enc(list(args)) + ([{'o': {k: enc(v) for k, v in kwargs.items()}}] if kwargs else [])
        ERRORS.append({'name': name, 'fn': fn, 'args': ts_args, 'type': type(e).__name__, 'message': str(e)})
        return
    raise AssertionError(f'{name} did not raise')


def pointwise_cases():
    for f in ['abs', 'neg', 'exp', 'expm1', 'sin', 'cos', 'tanh', 'sigmoid', 'erf', 'square', 'relu',
              'absolute', 'negative']:
        case(f, f, [rnd(3, 4)])
    for f in ['log', 'log1p', 'log2', 'log10', 'sqrt', 'rsqrt', 'reciprocal']:
        case(f, f, [rnd(3, 4, lo=0.2, hi=3.0)])
    for f in ['floor', 'ceil', 'trunc', 'round', 'sign', 'fix']:
        case(f, f, [torch.tensor([-2.5, -1.5, -0.5, 0.0, 0.5, 1.5, 2.5, 3.7, -3.7], dtype=F64)])
    case('round_decimals', 'round', [torch.tensor([1.2345, -2.5551, 0.125, 1234.5678], dtype=F32)], {'decimals': 2})
    case('round_decimals_neg', 'round', [torch.tensor([1234.5678, -2550.0, 149.0], dtype=F32)], {'decimals': -2})
    case('exp_f32', 'exp', [rnd(5, dtype=F32)])
    case('log_int', 'log', [torch.tensor([1, 2, 3])])
    case('sqrt_int', 'sqrt', [torch.tensor([1, 4, 9], dtype=I32)])
    case('abs_int', 'abs', [torch.tensor([-3, 0, 4])])
    case('square_int', 'square', [torch.tensor([-3, 2], dtype=I32)])
    case('isnan', 'isnan', [torch.tensor([1.0, float('nan'), float('inf')])])
    case('logical_not', 'logical_not', [torch.tensor([0, 1, 2])])


def binary_cases():
    for f in ['add', 'sub', 'mul', 'div', 'maximum', 'minimum', 'atan2', 'multiply', 'subtract', 'divide', 'arctan2']:
        case(f, f, [rnd(3, 4), rnd(4)])
    case('add_alpha', 'add', [rnd(2, 3), rnd(2, 3)], {'alpha': 0.5})
    case('add_scalar', 'add', [rnd(2, 3), 1.5])
    case('add_scalar_first', 'add', [2, torch.tensor([1, 2, 3])])
    case('add_int_float_scalar', 'add', [torch.tensor([1, 2, 3]), 0.5])
    case('add_int32_int', 'add', [torch.tensor([1, 2], dtype=I32), 3])
    case('sub_alpha', 'sub', [rnd(3), rnd(3)], {'alpha': 2})
    case('sub_scalar_first', 'sub', [3, torch.tensor([1.0, 2.0])])
    case('rsub', 'rsub', [rnd(2, 2), 1])
    case('rsub_alpha', 'rsub', [rnd(2, 2), rnd(2, 2)], {'alpha': 3})
    case('mul_scalar_first', 'mul', [2, rnd(3)])
    case('mul_bool', 'mul', [torch.tensor([1, 2]), True])
    case('div_int', 'div', [torch.tensor([1, 5, -7]), 2])
    case('div_floor', 'div', [torch.tensor([1, 5, -7]), 2], {'rounding_mode': 'floor'})
    case('div_trunc', 'div', [rnd(5, lo=-5, hi=5), 2.0], {'rounding_mode': 'trunc'})
    case('div_scalar_first', 'div', [1, torch.tensor([1, 2, 4])])
    case('true_divide', 'true_divide', [torch.tensor([1, 2, 3]), 2])
    case('floor_divide', 'floor_divide', [torch.tensor([-7, 5, 3]), 2])
    case('floor_divide_scalar_first', 'floor_divide', [5, torch.tensor([2, 3, -2])])
    case('remainder', 'remainder', [torch.tensor([-3.0, 5.5, 7.0], dtype=F64), 2])
    case('remainder_scalar_first', 'remainder', [5, torch.tensor([3, 4, -3])])
    case('pow_scalar_exp', 'pow', [rnd(3, 2, lo=0.5, hi=2), 3])
    case('pow_tensor_exp', 'pow', [rnd(3, 2, lo=0.5, hi=2), rnd(2, lo=-1, hi=2)])
    case('pow_scalar_base_int', 'pow', [2, torch.tensor([0, 1, 2, 3])])
    case('pow_scalar_base_float', 'pow', [2.5, torch.tensor([0, 1, 2, 3])])
    case('pow_scalar_base_grad', 'pow', [3, rnd(4, lo=-1, hi=2)])
    case('pow_scalar_base_f32', 'pow', [2, rnd(4, dtype=F32)])
    case('maximum_nan', 'maximum', [torch.tensor([1.0, float('nan'), 3.0]), torch.tensor([2.0, 0.0, float('nan')])])
    case('maximum_int', 'maximum', [torch.tensor([1, 5]), torch.tensor([3, 2])])


def compare_cases():
    a = torch.tensor([[1.0, 2.0, 3.0], [4.0, 2.0, float('nan')]])
    b = torch.tensor([2.0, 2.0, 1.0])
    for f in ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'greater', 'greater_equal', 'less', 'less_equal', 'not_equal']:
        case(f, f, [a, b])
    case('eq_scalar', 'eq', [torch.tensor([1, 2, 3]), 2])
    case('lt_int_float', 'lt', [torch.tensor([1, 2, 3]), 2.5])
    m, n = torch.tensor([True, False, True, False]), torch.tensor([1, 1, 0, 0])
    for f in ['logical_and', 'logical_or', 'logical_xor']:
        case(f, f, [m, n])


def clamp_cases():
    case('clamp', 'clamp', [rnd(3, 4), -0.5, 0.7])
    case('clamp_min_kw', 'clamp', [rnd(3, 4)], {'min': 0.0})
    case('clamp_max_kw', 'clamp', [rnd(3, 4)], {'max': 0.3})
    case('clamp_int_float', 'clamp', [torch.tensor([-3, 0, 5]), -1.5, 2.5])
    case('clamp_tensor', 'clamp', [rnd(3, 4), rnd(4, lo=-1, hi=0), rnd(3, 1, lo=0, hi=1)])
    case('clamp_tensor_kw', 'clamp', [rnd(3, 4)], {'min': rnd(3, 4, lo=-1, hi=0)})
    case('clip', 'clip', [rnd(5), -1, 1])
    case('clamp_min', 'clamp_min', [torch.tensor([1, 2, 3]), 1.5])
    case('clamp_max_tensor', 'clamp_max', [rnd(2, 3), rnd(3, lo=-1, hi=1)])
    error('clamp_none', 'clamp', [torch.tensor([1.0])])


def reduction_cases():
    x = rnd(2, 3, 4)
    case('sum', 'sum', [rnd(2, 3, 4)])
    case('sum_dim', 'sum', [rnd(2, 3, 4), 1])
    case('sum_dim_keepdim', 'sum', [rnd(2, 3, 4), -1, True])
    case('sum_dims', 'sum', [rnd(2, 3, 4), [0, 2]])
    case('sum_kw_dim_keepdim', 'sum', [rnd(2, 3, 4)], {'dim': 1, 'keepdim': True})
    case('sum_int', 'sum', [torch.tensor([[1, 2], [3, 4]], dtype=I32), 0])
    case('sum_bool', 'sum', [torch.tensor([True, False, True])])
    case('sum_dtype', 'sum', [rnd(3, dtype=F32)], {'dtype': F64})
    case('sum_dim_dtype', 'sum', [torch.tensor([[1, 2], [3, 4]]), 1, False], {'dtype': F32})
    case('mean', 'mean', [rnd(2, 3, 4)])
    case('mean_dim_keepdim', 'mean', [rnd(2, 3, 4), [1, 2], True])
    case('mean_dtype', 'mean', [torch.tensor([1, 2, 3, 4])], {'dtype': F32})
    case('prod', 'prod', [rnd(2, 3, lo=0.5, hi=1.5)])
    case('prod_dim', 'prod', [rnd(2, 3, lo=0.5, hi=1.5), 1, True])
    case('prod_int', 'prod', [torch.tensor([[1, 2], [3, 4]], dtype=I32), 0])
    case('prod_dtype', 'prod', [torch.tensor([1, 2, 3], dtype=I32)], {'dtype': F64})
    case('max_all', 'max', [rnd(3, 4)])
    case('max_dim', 'max', [rnd(3, 4), 1])
    case('max_dim_keepdim', 'max', [rnd(3, 4), 0, True])
    case('max_kw_dim', 'max', [rnd(3, 4)], {'dim': -1, 'keepdim': True})
    case('max_other', 'max', [rnd(3, 4), rnd(4)])
    case('max_int_dim', 'max', [torch.tensor([[3, 1, 3], [0, 5, 5]]), 1])
    case('min_all', 'min', [rnd(3, 4)])
    case('min_dim', 'min', [rnd(3, 4), 1])
    case('min_dim_keepdim', 'min', [rnd(2, 3, 2), 1, True])
    case('min_other', 'min', [rnd(3, 4), rnd(3, 1)])
    case('amax', 'amax', [rnd(2, 3, 4), [0, 2]])
    case('amax_keepdim', 'amax', [rnd(2, 3, 4), -1, True])
    case('amax_all', 'amax', [rnd(2, 3)])
    case('amin', 'amin', [rnd(2, 3, 4), 1])
    case('argmax', 'argmax', [rnd(3, 4)])
    case('argmax_dim', 'argmax', [rnd(3, 4), 1])
    case('argmax_dim_keepdim', 'argmax', [rnd(3, 4), 0, True])
    case('argmin_dim', 'argmin', [rnd(3, 4), -1])
    bools = torch.tensor([[True, True, False], [True, True, True]])
    case('all', 'all', [bools])
    case('all_dim', 'all', [bools, 1])
    case('any_dim_keepdim', 'any', [torch.tensor([[0, 0, 1], [0, 0, 0]]), 1, True])
    case('any', 'any', [torch.tensor([0.0, 0.0])])
    case('logsumexp', 'logsumexp', [rnd(3, 4, lo=-30, hi=30), 1])
    case('logsumexp_keepdim', 'logsumexp', [rnd(2, 3, 4), [0, 2], True])
    case('var', 'var', [rnd(3, 4)])
    case('var_unbiased_false', 'var', [rnd(3, 4), False])
    case('var_dim', 'var', [rnd(3, 4), 1])
    case('var_dim_unbiased_keepdim', 'var', [rnd(3, 4), 0, False, True])
    case('var_correction', 'var', [rnd(3, 4), 1], {'correction': 0, 'keepdim': True})
    case('var_kw_dim', 'var', [rnd(3, 4)], {'dim': [0, 1], 'correction': 2})
    case('std', 'std', [rnd(3, 4)])
    case('std_dim_keepdim', 'std', [rnd(3, 4), -1, True, True])
    case('std_correction', 'std', [rnd(3, 4), 0], {'correction': 0})
    error('mean_int', 'mean', [torch.tensor([1, 2])])


def shape_cases():
    case('reshape', 'reshape', [rnd(2, 6), [3, -1]])
    case('flatten', 'flatten', [rnd(2, 3, 4)])
    case('flatten_start', 'flatten', [rnd(2, 3, 4), 1])
    case('flatten_start_end', 'flatten', [rnd(2, 3, 4, 1), 0, 1])
    case('ravel', 'ravel', [rnd(2, 3).t()])
    case('unflatten', 'unflatten', [rnd(2, 6), 1, [2, -1]])
    case('transpose', 'transpose', [rnd(2, 3, 4), 0, 2])
    case('swapaxes', 'swapaxes', [rnd(2, 3), 0, 1])
    case('swapdims', 'swapdims', [rnd(2, 3, 4), -1, 1])
    case('t', 't', [rnd(2, 3)])
    case('t_1d', 't', [rnd(3)])
    case('permute', 'permute', [rnd(2, 3, 4), [2, 0, 1]])
    case('squeeze', 'squeeze', [rnd(1, 3, 1, 2)])
    case('squeeze_dim', 'squeeze', [rnd(1, 3, 1, 2), 2])
    case('unsqueeze', 'unsqueeze', [rnd(2, 3), -1])
    case('movedim', 'movedim', [rnd(2, 3, 4), 0, -1])
    case('movedim_lists', 'movedim', [rnd(2, 3, 4, 5), [0, 1], [2, 0]])
    case('moveaxis', 'moveaxis', [rnd(2, 3, 4), 2, 0])
    case('narrow', 'narrow', [rnd(4, 5), 1, 1, 3])
    case('narrow_neg', 'narrow', [rnd(4, 5), 0, -2, 2])
    case('select', 'select', [rnd(3, 4), 1, -1])
    case('split_size', 'split', [rnd(5, 2), 2])
    case('split_sections', 'split', [rnd(2, 6), [1, 2, 3], 1])
    case('chunk', 'chunk', [rnd(7, 2), 3])
    case('chunk_dim', 'chunk', [rnd(2, 6), 2, -1])
    case('unbind', 'unbind', [rnd(3, 2)])
    case('unbind_dim', 'unbind', [rnd(3, 2), 1])
    case('as_strided', 'as_strided', [rnd(9), [2, 2], [3, 1], 1])
    case('clone', 'clone', [rnd(2, 3)])
    case('detach', 'detach', [rnd(2, 3, rg=False)])
    case('tril', 'tril', [rnd(3, 4)])
    case('triu_diag', 'triu', [rnd(3, 4), 1])
    case('tril_neg', 'tril', [rnd(2, 3, 3), -1])


def indexing_cases():
    case('gather', 'gather', [rnd(3, 4), 1, torch.tensor([[0, 3], [1, 1], [2, 0]])])
    case('index_select', 'index_select', [rnd(4, 3), 0, torch.tensor([3, 0, 3])])
    case('index_add', 'index_add', [rnd(4, 2), 0, torch.tensor([0, 2, 0]), rnd(3, 2)])
    case('index_add_alpha', 'index_add', [rnd(4, 2), 1, torch.tensor([1, 1]), rnd(4, 2)], {'alpha': 2.0})
    case('scatter_add', 'scatter_add', [rnd(3, 4), 1, torch.tensor([[0, 0], [3, 1], [2, 2]]), rnd(3, 2)])
    case('masked_fill', 'masked_fill', [rnd(2, 3), torch.tensor([True, False, True]), -1.5])
    case('masked_fill_int', 'masked_fill', [torch.tensor([1, 2, 3]), torch.tensor([False, True, True]), 9.7])
    case('masked_fill_tensor', 'masked_fill', [rnd(2, 3), torch.tensor([[True], [False]]), torch.tensor(2.0, dtype=F64)])


def linalg_cases():
    case('matmul_2d', 'matmul', [rnd(3, 4), rnd(4, 2)])
    case('matmul_batched', 'matmul', [rnd(2, 3, 4), rnd(4, 5)])
    case('matmul_broadcast', 'matmul', [rnd(2, 1, 3, 4), rnd(3, 4, 2)])
    case('matmul_1d', 'matmul', [rnd(4), rnd(4, 3)])
    case('matmul_f32', 'matmul', [rnd(5, 6, dtype=F32), rnd(6, 3, dtype=F32)])
    case('mm', 'mm', [rnd(3, 4), rnd(4, 2)])
    case('bmm', 'bmm', [rnd(2, 3, 4), rnd(2, 4, 5)])
    case('addmm', 'addmm', [rnd(2), rnd(3, 4), rnd(4, 2)])
    case('addmm_beta_alpha', 'addmm', [rnd(3, 2), rnd(3, 4), rnd(4, 2)], {'beta': 0.5, 'alpha': 2.0})
    case('dot', 'dot', [rnd(5), rnd(5)])
    case('dot_int', 'dot', [torch.tensor([2, 3]), torch.tensor([2, 1])])
    case('mv', 'mv', [rnd(3, 4), rnd(4)])


def nn_cases():
    case('softmax', 'softmax', [rnd(3, 4), 1])
    case('softmax_dtype', 'softmax', [rnd(3, 4, dtype=F32), 0, F64])
    case('softmax_kw_dtype', 'softmax', [rnd(3, 4, dtype=F32), -1], {'dtype': F64})
    case('log_softmax', 'log_softmax', [rnd(2, 3, 4), -1])
    case('log_softmax_dtype', 'log_softmax', [rnd(3, 4, dtype=F32), 1, F64])
    case('conv1d', 'conv1d', [rnd(2, 3, 7), rnd(4, 3, 3), rnd(4), 2, 1])
    case('conv2d', 'conv2d', [rnd(1, 2, 5, 5), rnd(3, 2, 3, 3), rnd(3), 1, 1])
    case('conv2d_nobias_stride', 'conv2d', [rnd(1, 2, 6, 6), rnd(4, 1, 3, 3), None, [2, 1], 0, 1, 2])
    case('conv2d_same', 'conv2d', [rnd(1, 1, 5, 5), rnd(2, 1, 3, 3), None, 1, 'same'])
    case('conv_transpose2d', 'conv_transpose2d', [rnd(1, 2, 3, 3), rnd(2, 3, 3, 3), rnd(3), 2, 1, 1])
    case('max_pool2d', 'max_pool2d', [rnd(1, 2, 4, 4), 2])
    case('max_pool2d_args', 'max_pool2d', [rnd(1, 1, 5, 5), 3, 2, 1])
    case('max_pool2d_ceil', 'max_pool2d', [rnd(1, 1, 5, 5), 2, [], 0, 1, True])
    case('max_pool1d', 'max_pool1d', [rnd(2, 3, 7), 3, 2])
    case('batch_norm_train', 'batch_norm', [rnd(4, 3, 2), rnd(3), rnd(3), torch.zeros(3, dtype=F64), torch.ones(3, dtype=F64), True, 0.1, 1e-5, False])
    case('batch_norm_eval', 'batch_norm', [rnd(4, 3), rnd(3), rnd(3), rnd(3, rg=False), rnd(3, lo=0.5, hi=2, rg=False), False, 0.1, 1e-5, False])
    case('batch_norm_noaffine', 'batch_norm', [rnd(4, 3), None, None, None, None, True, 0.1, 1e-3, False])
    case('layer_norm', 'layer_norm', [rnd(2, 3, 4), [4], rnd(4), rnd(4)])
    case('layer_norm_eps', 'layer_norm', [rnd(2, 3, 4), [3, 4], None, None, 1e-3])
    case('group_norm', 'group_norm', [rnd(2, 4, 3), 2, rnd(4), rnd(4)])
    case('embedding', 'embedding', [rnd(5, 3), torch.tensor([[0, 2], [4, 2]])])
    case('embedding_padding', 'embedding', [rnd(5, 3), torch.tensor([[0, 2], [4, 2]]), 2])
    case('bilinear', 'bilinear', [rnd(4, 3), rnd(4, 2), rnd(5, 3, 2), rnd(5)])
    case('cosine_similarity', 'cosine_similarity', [rnd(3, 4), rnd(3, 4)])
    case('cosine_similarity_dim', 'cosine_similarity', [rnd(3, 4), rnd(1, 4), 0, 1e-6])
    case('bce_with_logits_default', 'binary_cross_entropy_with_logits', [rnd(3, 2), rnd(3, 2, lo=0, hi=1, rg=False)])
    case('bce_with_logits_mean', 'binary_cross_entropy_with_logits', [rnd(3, 2), rnd(3, 2, lo=0, hi=1, rg=False), rnd(2, rg=False), rnd(2, lo=0.5, hi=2, rg=False), 1])
    case('kl_div_default', 'kl_div', [rnd(3, 2, lo=-3, hi=0), rnd(3, 2, lo=0, hi=1, rg=False)])
    case('kl_div_mean', 'kl_div', [rnd(3, 2, lo=-3, hi=0), rnd(3, 2, lo=0, hi=1, rg=False), 1])
    case('kl_div_sum_log_target', 'kl_div', [rnd(3, 2, lo=-3, hi=0), rnd(3, 2, lo=-3, hi=0, rg=False), 2], {'log_target': True})
    case('dropout_train', 'dropout', [rnd(4, 5, dtype=F32, rg=False), 0.3, True], seed=7)
    case('dropout_eval', 'dropout', [rnd(4, 5, rg=False), 0.3, False], seed=7)


def inplace_cases():
    for f in ['relu_', 'sigmoid_', 'tanh_', 'abs_', 'neg_', 'exp_']:
        case(f, f, [rnd(2, 3, rg=False)])
    for f in ['log_', 'sqrt_']:
        case(f, f, [rnd(2, 3, lo=0.2, hi=3, rg=False)])
    case('clamp_', 'clamp_', [rnd(2, 3, rg=False), -0.5, 0.5])
    case('clamp_min_', 'clamp_min_', [rnd(2, 3, rg=False), 0.1])
    case('fill_', 'fill_', [rnd(2, 3, rg=False), 0.25])
    case('zero_', 'zero_', [rnd(2, 3, rg=False)])


def main():
    pointwise_cases()
    binary_cases()
    compare_cases()
    clamp_cases()
    reduction_cases()
    shape_cases()
    indexing_cases()
    linalg_cases()
    nn_cases()
    inplace_cases()
    path = os.path.join(OUT, 'torch_ops.json')
    with open(path, 'w') as f:
        json.dump({'torch': torch.__version__, 'cases': CASES, 'errors': ERRORS}, f, separators=(',', ':'))
        f.write('\n')
    print(path, len(CASES), 'cases', len(ERRORS), 'errors', os.path.getsize(path), 'bytes')


if __name__ == '__main__':
    main()
