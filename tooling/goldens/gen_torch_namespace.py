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


# The fixture encoding is gen_torch_functional.py's (the TS replay shares its decoder).
from gen_torch_functional import enc, num, tj  # noqa: E402,F401


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


def sorting_cases():
    ties = torch.tensor([[3, 1, 2, 1, 3], [0, 5, 5, 0, 2]])
    case('sort', 'sort', [rnd(3, 5)])
    case('sort_dim_desc', 'sort', [rnd(3, 5), 0, True])
    case('sort_kw_stable', 'sort', [ties], {'stable': True})
    case('sort_kw_all', 'sort', [ties], {'dim': 1, 'descending': True, 'stable': True})
    case('sort_nan', 'sort', [torch.tensor([3.0, float('nan'), 1.0, 2.0], dtype=F64)])
    case('argsort', 'argsort', [rnd(3, 4), 1])
    case('argsort_desc', 'argsort', [ties, -1, True])
    case('msort', 'msort', [rnd(4, 3)])
    case('topk', 'topk', [rnd(3, 6), 2])
    case('topk_dim_smallest', 'topk', [rnd(4, 3), 3, 0, False])
    case('topk_kw', 'topk', [rnd(2, 5), 2], {'largest': False})
    case('kthvalue', 'kthvalue', [rnd(3, 5), 2])
    case('kthvalue_dim_keepdim', 'kthvalue', [rnd(4, 3), 1, 0, True])
    case('median_all', 'median', [rnd(3, 5)])
    case('median_all_int', 'median', [torch.tensor([4, 1, 3, 2])])
    case('median_dim', 'median', [rnd(3, 4), 1])
    case('median_dim_keepdim', 'median', [rnd(3, 4), 0, True])
    case('median_kw', 'median', [rnd(3, 4)], {'dim': -1, 'keepdim': True})


def scan_cases():
    case('cumsum', 'cumsum', [rnd(3, 4), 1])
    case('cumsum_int', 'cumsum', [torch.tensor([[1, 2], [3, 4]], dtype=I32), 0])
    case('cumsum_dtype', 'cumsum', [rnd(5, dtype=F32), 0], {'dtype': F64})
    case('cumsum_bool', 'cumsum', [torch.tensor([True, False, True]), 0])
    case('cumprod', 'cumprod', [rnd(3, 4, lo=0.5, hi=1.5), 1])
    case('cumprod_zero', 'cumprod', [torch.tensor([2.0, 0.0, 3.0, 0.5], dtype=F64, requires_grad=True), 0])
    case('diff', 'diff', [rnd(3, 5)])
    case('diff_n2_dim0', 'diff', [rnd(5, 3), 2, 0])
    case('diff_prepend_append', 'diff', [rnd(2, 3), 1, -1, rnd(2, 1), rnd(2, 2)])
    case('diff_kw_append', 'diff', [rnd(4)], {'append': rnd(2)})
    case('diff_int', 'diff', [torch.tensor([1, 4, 9, 16])])
    case('diff_bool', 'diff', [torch.tensor([True, False, False, True])])
    case('diff_n0', 'diff', [rnd(3), 0])
    case('diff_n_large', 'diff', [rnd(3), 4])
    error('diff_0d', 'diff', [torch.tensor(1.0)])


def reorder_cases():
    case('flip', 'flip', [rnd(2, 3, 4), [0, 2]])
    case('flip_int', 'flip', [torch.tensor([1, 2, 3]), [0]])
    case('fliplr', 'fliplr', [rnd(3, 4)])
    case('flipud', 'flipud', [rnd(3, 4)])
    case('roll', 'roll', [rnd(4, 3), 1])
    case('roll_dims', 'roll', [rnd(4, 3), [1, -1], [0, 1]])
    case('roll_dim', 'roll', [rnd(4, 3), -2, 0])
    case('repeat_interleave', 'repeat_interleave', [rnd(2, 3), 2])
    case('repeat_interleave_dim', 'repeat_interleave', [rnd(2, 3), torch.tensor([1, 0, 2]), 1])
    case('repeat_interleave_counts', 'repeat_interleave', [torch.tensor([2, 0, 3])])
    case('tile', 'tile', [rnd(2, 3), [2]])
    case('tile_more', 'tile', [rnd(2, 3), [2, 1, 2]])
    case('broadcast_to', 'broadcast_to', [rnd(3, 1), [2, 3, 4]])
    case('broadcast_tensors', 'broadcast_tensors', [rnd(3, 1), rnd(4), rnd(2, 1, 1)])
    case('diag_vec', 'diag', [rnd(3)])
    case('diag_vec_offset', 'diag', [rnd(3), -1])
    case('diag_mat', 'diag', [rnd(3, 4), 1])
    case('trace', 'trace', [rnd(3, 4)])
    case('trace_int', 'trace', [torch.tensor([[1, 2], [3, 4]], dtype=I32)])
    case('outer', 'outer', [rnd(3), rnd(4)])
    case('ger', 'ger', [rnd(2), rnd(3)])
    case('outer_int_float', 'outer', [torch.tensor([1, 2]), torch.tensor([0.5, 1.5])])
    case('take', 'take', [rnd(3, 4), torch.tensor([[0, 11], [-1, 5]])])
    case('masked_select', 'masked_select', [rnd(2, 3), torch.tensor([True, False, True])])
    case('scatter_src', 'scatter', [rnd(3, 4), 1, torch.tensor([[0, 2], [1, 3], [3, 0]]), rnd(3, 2)])
    case('scatter_value', 'scatter', [rnd(3, 4), 0, torch.tensor([[0, 2, 1, 0]]), 1.5])
    case('scatter_reduce_add', 'scatter', [rnd(3, 4, rg=False), 1, torch.tensor([[0, 0], [1, 1], [2, 2]]), rnd(3, 2, rg=False)], {'reduce': 'add'})
    case('index_fill', 'index_fill', [rnd(3, 4), 1, torch.tensor([0, 2]), -1.0])
    case('index_fill_int', 'index_fill', [torch.tensor([[1, 2], [3, 4]]), 0, torch.tensor([1]), 7])


def math_extra_cases():
    special = torch.tensor([1.0, float('inf'), float('-inf'), float('nan'), 0.0, -0.0, -2.5], dtype=F64)
    for f in ['isinf', 'isfinite', 'isposinf', 'isneginf', 'signbit']:
        case(f, f, [special])
    case('isinf_int', 'isinf', [torch.tensor([1, 2])])
    case('signbit_int', 'signbit', [torch.tensor([-1, 0, 3])])
    for f in ['tan', 'sinh', 'cosh', 'atan', 'arctan']:
        case(f, f, [rnd(3, 4, lo=-1.2, hi=1.2)])
    for f in ['asin', 'acos', 'arcsin', 'arccos']:
        case(f, f, [rnd(3, 4, lo=-0.95, hi=0.95)])
    case('asin_out_of_range', 'asin', [torch.tensor([2.0, -1.0], dtype=F64)])
    case('tan_int', 'tan', [torch.tensor([0, 1])])
    case('exp2', 'exp2', [rnd(3, 4)])
    case('exp2_int', 'exp2', [torch.tensor([0, 3, -1])])
    case('deg2rad', 'deg2rad', [rnd(3, 4, lo=-360, hi=360)])
    case('rad2deg', 'rad2deg', [rnd(3, 4)])
    case('deg2rad_int', 'deg2rad', [torch.tensor([180, -90])])
    case('rad2deg_f32', 'rad2deg', [rnd(4, dtype=F32)])
    case('logit', 'logit', [rnd(3, 4, lo=0.05, hi=0.95)])
    case('logit_eps', 'logit', [torch.tensor([0.0, 0.3, 1.0], dtype=F64, requires_grad=True), 0.1])
    case('logit_kw_eps', 'logit', [rnd(4, lo=0.01, hi=0.99)], {'eps': 0.2})
    case('xlogy', 'xlogy', [rnd(3, 4), rnd(4, lo=0.1, hi=3)])
    case('xlogy_zero', 'xlogy', [torch.tensor([0.0, 0.0, 2.0], dtype=F64), torch.tensor([0.0, float('nan'), 3.0], dtype=F64)])
    case('xlogy_scalar_first', 'xlogy', [2, rnd(4, lo=0.1, hi=3)])
    case('xlogy_scalar_other', 'xlogy', [rnd(4), 3.0])
    case('logaddexp', 'logaddexp', [rnd(3, 4, lo=-30, hi=30), rnd(4, lo=-30, hi=30)])
    case('logaddexp2', 'logaddexp2', [rnd(3, 4, lo=-30, hi=30), rnd(4, lo=-30, hi=30)])
    case('logaddexp2_equal', 'logaddexp2', [torch.tensor([1.0, 2.0], dtype=F64, requires_grad=True), torch.tensor([1.0, 5.0], dtype=F64, requires_grad=True)])
    case('logaddexp2_inf', 'logaddexp2', [torch.tensor([float('inf'), float('-inf'), 1.0, float('nan')], dtype=F64), torch.tensor([float('inf'), float('-inf'), float('-inf'), 0.0], dtype=F64)])
    case('logaddexp2_f32', 'logaddexp2', [rnd(5, dtype=F32), rnd(5, dtype=F32)])
    error('logaddexp2_int', 'logaddexp2', [torch.tensor([1]), torch.tensor([2])])
    case('fmod', 'fmod', [rnd(3, 4, lo=-5, hi=5), 1.5])
    case('fmod_tensor', 'fmod', [rnd(3, 4, lo=-5, hi=5), rnd(4, lo=0.5, hi=2)])
    case('fmod_int', 'fmod', [torch.tensor([-7, 7, 5]), 3])
    case('hypot', 'hypot', [rnd(3, 4), rnd(4)])
    case('nan_to_num', 'nan_to_num', [special])
    case('nan_to_num_args', 'nan_to_num', [special, 1.0, 9.0, -9.0])
    case('nan_to_num_kw', 'nan_to_num', [special], {'posinf': 5.0})
    case('nan_to_num_f32', 'nan_to_num', [special.to(F32)])
    case('nan_to_num_grad', 'nan_to_num', [rnd(5)])
    case('sgn', 'sgn', [torch.tensor([-2.0, 0.0, 3.0, -0.0], dtype=F64)])
    case('sgn_int', 'sgn', [torch.tensor([-2, 0, 3])])
    case('frac', 'frac', [rnd(3, 4, lo=-5, hi=5)])
    case('frac_special', 'frac', [torch.tensor([-2.5, 2.0, float('inf'), float('nan'), -0.25], dtype=F64)])
    error('frac_int', 'frac', [torch.tensor([1, 2])])
    case('positive', 'positive', [rnd(3)])
    error('positive_bool', 'positive', [torch.tensor([True])])
    case('copysign', 'copysign', [rnd(3, 4), rnd(4, rg=False)])
    case('copysign_zero', 'copysign', [torch.tensor([1.0, -2.0, 0.0, 3.0], dtype=F64, requires_grad=True), torch.tensor([-0.0, 0.0, -1.0, float('inf')], dtype=F64)])
    case('copysign_scalar', 'copysign', [rnd(4), -1.0])
    case('copysign_int', 'copysign', [torch.tensor([1, -2]), torch.tensor([-1, 1])])
    case('heaviside', 'heaviside', [torch.tensor([-1.5, 0.0, 2.0, float('nan')], dtype=F64), torch.tensor([0.5], dtype=F64)])
    case('heaviside_int', 'heaviside', [torch.tensor([[-1, 0, 2]]), torch.tensor([[7], [8]])])
    error('heaviside_dtypes', 'heaviside', [torch.tensor([1.0]), torch.tensor([1])])
    case('float_power', 'float_power', [rnd(3, 4, lo=0.5, hi=2, dtype=F32), 2.5])
    case('float_power_tensor', 'float_power', [rnd(3, 4, lo=0.5, hi=2), rnd(4, lo=-1, hi=2, dtype=F32)])
    case('float_power_int', 'float_power', [torch.tensor([2, 3]), 2])
    case('float_power_scalar_base', 'float_power', [2, rnd(3)])
    tie_a = torch.tensor([1.0, float('nan'), 3.0, float('nan'), 2.0], dtype=F64, requires_grad=True)
    tie_b = torch.tensor([2.0, 0.0, float('nan'), float('nan'), 2.0], dtype=F64, requires_grad=True)
    case('fmax', 'fmax', [tie_a, tie_b])
    case('fmin', 'fmin', [tie_a, tie_b])
    case('fmax_bcast', 'fmax', [rnd(3, 4), rnd(4)])
    case('fmin_int_float', 'fmin', [torch.tensor([1, 5]), torch.tensor([3.0, float('nan')])])
    case('lerp', 'lerp', [rnd(3, 4), rnd(4), 0.3])
    case('lerp_tensor_weight', 'lerp', [rnd(3, 4), rnd(3, 4), rnd(3, 1, lo=0, hi=1)])
    case('lerp_big_weight', 'lerp', [rnd(4), rnd(4), 0.75])
    case('addcmul', 'addcmul', [rnd(3, 4), rnd(3, 1), rnd(4)])
    case('addcmul_value', 'addcmul', [rnd(3, 4), rnd(3, 4), rnd(3, 4)], {'value': -0.5})
    case('addcdiv', 'addcdiv', [rnd(3, 4), rnd(3, 4), rnd(4, lo=0.5, hi=2)], {'value': 2.0})
    case('norm', 'norm', [rnd(3, 4)])
    case('norm_p1_dim', 'norm', [rnd(3, 4), 1, 1])
    case('norm_inf_keepdim', 'norm', [rnd(3, 4), float('inf'), 0, True])
    case('norm_fro_dims', 'norm', [rnd(2, 3, 4), 'fro', [1, 2]])
    case('norm_p3', 'norm', [rnd(3, 4), 3, -1])
    case('norm_kw', 'norm', [rnd(3, 4)], {'dim': 1, 'keepdim': True})
    case('norm_dtype', 'norm', [rnd(3, 4, dtype=F32), 2], {'dtype': F64})
    case('norm_zero_row', 'norm', [torch.tensor([[0.0, 0.0], [3.0, 4.0]], dtype=F64, requires_grad=True), 2, 1])
    error('norm_int', 'norm', [torch.tensor([1, 2])])


def composition_cases():
    a, b = rnd(2, 3), rnd(1, 3)
    case('concat', 'concat', [[rnd(2, 3), rnd(1, 3)]])
    case('concat_dim', 'concat', [[rnd(2, 3), rnd(2, 1)], 1])
    case('concatenate', 'concatenate', [[rnd(2, 3), rnd(2, 2)], -1])
    case('hstack_1d', 'hstack', [[rnd(2), rnd(3), torch.tensor(1.5, dtype=F64)]])
    case('hstack_2d', 'hstack', [[rnd(2, 1), rnd(2, 3)]])
    case('vstack', 'vstack', [[rnd(3), rnd(2, 3)]])
    case('row_stack', 'row_stack', [[rnd(3), rnd(3)]])
    case('dstack', 'dstack', [[rnd(2, 3), rnd(2, 3, 2)]])
    case('dstack_1d', 'dstack', [[rnd(3), rnd(3)]])
    case('column_stack', 'column_stack', [[rnd(3), rnd(3, 2), torch.tensor([1, 2, 3])]])
    case('atleast_1d', 'atleast_1d', [torch.tensor(2.5, dtype=F64, requires_grad=True)])
    case('atleast_1d_many', 'atleast_1d', [rnd(2), torch.tensor(1.0, dtype=F64)])
    case('atleast_2d', 'atleast_2d', [rnd(3)])
    case('atleast_2d_list', 'atleast_2d', [[torch.tensor(1.0, dtype=F64), rnd(2, 2)]])
    case('atleast_3d_1d', 'atleast_3d', [rnd(3)])
    case('atleast_3d_2d', 'atleast_3d', [rnd(2, 3)])
    case('atleast_3d_0d', 'atleast_3d', [torch.tensor(1.0, dtype=F64)])
    case('tensor_split_sections', 'tensor_split', [rnd(7, 2), 3])
    case('tensor_split_more_sections', 'tensor_split', [rnd(2, 3), 5, 1])
    case('tensor_split_indices', 'tensor_split', [rnd(10), [3, -2, 8, 20, 1]])
    case('tensor_split_tensor_sections', 'tensor_split', [rnd(5), torch.tensor(2)])
    case('tensor_split_tensor_indices', 'tensor_split', [rnd(2, 6), torch.tensor([1, 4]), 1])
    case('hsplit', 'hsplit', [rnd(2, 4), 2])
    case('hsplit_1d', 'hsplit', [rnd(6), [1, 4]])
    case('vsplit', 'vsplit', [rnd(4, 2), [1, 3]])
    case('dsplit', 'dsplit', [rnd(1, 2, 4), 2])
    error('hsplit_indivisible', 'hsplit', [rnd(2, 5, rg=False), 2])
    error('vsplit_1d', 'vsplit', [rnd(4, rg=False), 2])
    error('tensor_split_zero', 'tensor_split', [rnd(4, rg=False), 0])
    case('std_mean', 'std_mean', [rnd(3, 4)])
    case('std_mean_dim', 'std_mean', [rnd(3, 4), 1])
    case('std_mean_kw', 'std_mean', [rnd(3, 4)], {'dim': 0, 'correction': 0, 'keepdim': True})
    case('std_mean_unbiased', 'std_mean', [rnd(3, 4), False])
    case('var_mean', 'var_mean', [rnd(3, 4), [0, 1]])
    case('var_mean_dim_unbiased_keepdim', 'var_mean', [rnd(3, 4), 1, False, True])
    error('std_mean_int', 'std_mean', [torch.tensor([1, 2])])
    case('count_nonzero', 'count_nonzero', [torch.tensor([[0.0, 1.0, float('nan')], [2.0, 0.0, -0.0]])])
    case('count_nonzero_dim', 'count_nonzero', [torch.tensor([[0, 1, 3], [2, 0, 0]]), 1])
    case('count_nonzero_dims', 'count_nonzero', [torch.tensor([[[0, 1], [3, 0]], [[2, 0], [0, 0]]]), [0, 2]])
    case('meshgrid_ij', 'meshgrid', [rnd(3), rnd(2)], {'indexing': 'ij'})
    case('meshgrid_xy', 'meshgrid', [rnd(3), rnd(2), rnd(4)], {'indexing': 'xy'})
    case('meshgrid_list_xy', 'meshgrid', [[torch.tensor([1, 2]), torch.tensor([3, 4, 5])]], {'indexing': 'xy'})
    case('meshgrid_0d', 'meshgrid', [torch.tensor(1.0, dtype=F64), rnd(2)], {'indexing': 'ij'})
    error('meshgrid_dtypes', 'meshgrid', [torch.ones(2), torch.ones(3, dtype=F64)], {'indexing': 'ij'})
    error('meshgrid_indexing', 'meshgrid', [torch.ones(2)], {'indexing': 'foo'})
    case('cosine_similarity_bcast_along_dim', 'cosine_similarity', [rnd(3, 4), rnd(1, 4), 0])
    case('cosine_similarity_bcast_across_dim', 'cosine_similarity', [rnd(2, 1, 5), rnd(3, 5), -1])
    case('cosine_similarity_int', 'cosine_similarity', [torch.tensor([[1, 2], [0, 0]]), rnd(2, 2), 1])


def inplace_extra_cases():
    for f in ['square_', 'floor_', 'ceil_', 'round_', 'trunc_', 'fix_', 'sin_', 'cos_', 'tan_', 'sinh_', 'cosh_', 'atan_',
              'arctan_', 'exp2_', 'erf_', 'expm1_']:
        case(f, f, [rnd(2, 3, lo=-1.5, hi=1.5, rg=False)])
    for f in ['asin_', 'acos_', 'arcsin_', 'arccos_']:
        case(f, f, [rnd(2, 3, lo=-0.9, hi=0.9, rg=False)])
    for f in ['reciprocal_', 'rsqrt_', 'log1p_', 'log2_', 'log10_']:
        case(f, f, [rnd(2, 3, lo=0.2, hi=3, rg=False)])
    case('clamp_max_', 'clamp_max_', [rnd(2, 3, rg=False), 0.1])
    case('nan_to_num_', 'nan_to_num_', [torch.tensor([float('nan'), float('inf'), -1.0], dtype=F64), 0.5, 2.0, -2.0])
    case('logit_', 'logit_', [rnd(4, lo=0.0, hi=1.0, rg=False), 0.1])


def dtype_results():
    """torch.result_type / promote_types / can_cast / broadcast_shapes / equal: non-tensor results."""
    T = lambda v, dt=None: torch.tensor(v, dtype=dt)
    rows = []
    def rec(fn, args, out):
        rows.append({'fn': fn, 'args': enc(list(args)), 'out': out})
    for a, b in [(T([1], I32), 2.5), (T([1], I32), 2), (T(1.0, F64), T([1], I32)), (T([1], torch.uint8), -1), (2, 3.5),
                 (True, 2), (T([True]), T(2)), (T([1.0]), T([1], F64))]:
        rec('result_type', [a, b], str(torch.result_type(a, b)).replace('torch.', ''))
    for a, b in [(I32, F32), (torch.uint8, torch.int8), (BOOL, I64), (torch.bfloat16, torch.float16), (I64, F64)]:
        rec('promote_types', [a, b], str(torch.promote_types(a, b)).replace('torch.', ''))
    for a, b in [(F64, F32), (F32, I32), (I64, torch.uint8), (I32, BOOL), (BOOL, BOOL), (BOOL, F32)]:
        rec('can_cast', [a, b], torch.can_cast(a, b))
    for shapes in [([2, 1], [3]), ([1, 4], 4, [3, 1, 1]), (5,), ([],)]:
        rec('broadcast_shapes', shapes, list(torch.broadcast_shapes(*shapes)))
    for a, b in [(T([1, 2]), T([1, 2])), (T([1, 2]), T([1, 3])), (T([1.0, float('nan')]), T([1.0, float('nan')])), (T([1]), T([1, 1]))]:
        rec('equal', [a, b], torch.equal(a, b))
    error('broadcast_shapes_mismatch', 'broadcast_shapes', [[2, 3], [4]])
    return rows


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
    sorting_cases()
    scan_cases()
    reorder_cases()
    math_extra_cases()
    composition_cases()
    inplace_extra_cases()
    values = dtype_results()
    path = os.path.join(OUT, 'torch_ops.json')
    with open(path, 'w') as f:
        json.dump({'torch': torch.__version__, 'cases': CASES, 'errors': ERRORS, 'values': values}, f, separators=(',', ':'))
        f.write('\n')
    print(path, len(CASES), 'cases', len(ERRORS), 'errors', os.path.getsize(path), 'bytes')


if __name__ == '__main__':
    main()
