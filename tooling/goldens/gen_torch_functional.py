"""Writes packages/torch-compat/fixtures/functional/*.json from real PyTorch (1.13, CPU):

  functional.json   torch.nn.functional forwards and input gradients on random inputs
  dropout.json      F.dropout outputs after torch.manual_seed (bit-exact masks)
  init.json         torch.nn.init results after torch.manual_seed (bit-exact), calculate_gain
  optim.json        20-step trajectories (loss per step, final params) of SGD/Adam/AdamW/
                    RMSprop/Adagrad and their options on one small fixed problem, plus the
                    optimizers' state_dict layouts
  lr_scheduler.json lr (and momentum) sequences of the lr schedulers
  clip_grad.json    nn.utils.clip_grad_norm_ / clip_grad_value_ results
  torch_namespace.json  RNG draws after manual_seed, printed torch.Size/device/dtypes, allclose

Run with Debian's python3-torch:
    /usr/bin/python3 tooling/goldens/gen_torch_functional.py

Functional case format: {name, fn, args, kwargs, out, w, grads}. `args`/`kwargs` hold
tensors as {"t": {dtype, shape, data, rg}} (rg: a leaf requiring grad) and other values as
plain JSON; `out` is a list of outputs {dtype, shape, data}; `w` the random weights of
sum(out[0] * w) whose gradient w.r.t. each rg tensor (in args-then-kwargs order) is `grads`.
Non-finite floats are "nan"/"inf"/"-inf". scaled_dot_product_attention does not exist in
1.13: its cases are computed here from the formula in the PyTorch 2.1 docs and marked
`"hand": "formula from the 2.1 docs"`.
"""
import json
import math
import os

import torch
import torch.nn.functional as F
import torch.nn.init as init

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'packages', 'torch-compat', 'fixtures', 'functional')
F64, F32 = torch.float64, torch.float32
G = torch.Generator().manual_seed(1234)


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
    return t.requires_grad_(rg)


def ints(high, *shape):
    return torch.randint(0, high, shape, generator=G)


CASES = []


def case(name, fn, func, args, kwargs=None, hand=None, tol=None, gen=None):
    kwargs = kwargs or {}
    out = func(*args, **kwargs)
    outs = list(out) if isinstance(out, (tuple, list)) else [out]
    c = {'name': name, 'fn': fn, 'args': enc(list(args)), 'kwargs': {k: enc(v) for k, v in kwargs.items()},
         'out': [tj(o) for o in outs]}
    if hand:
        c['hand'] = hand
    if tol:
        c['tol'] = tol
    leaves = [a for a in list(args) + list(kwargs.values()) if isinstance(a, torch.Tensor) and a.requires_grad]
    o = outs[0]
    if leaves and o.requires_grad:
        w = torch.rand(o.shape, generator=gen or G, dtype=F64).to(o.dtype)
        grads = torch.autograd.grad((o * w).sum(), leaves, allow_unused=True)
        c['w'] = [num(x) for x in w.reshape(-1).tolist()]
        c['grads'] = [tj(g) if g is not None else None for g in grads]
    CASES.append(c)


def functional_cases():
    x = rnd(3, 5)
    for f in ['relu', 'relu6', 'silu', 'mish', 'sigmoid', 'tanh']:
        case(f, f, getattr(F, f), [rnd(3, 5, lo=-7, hi=7)])
    case('leaky_relu', 'leaky_relu', F.leaky_relu, [rnd(4, 3)], {'negative_slope': 0.2})
    case('leaky_relu_default', 'leaky_relu', F.leaky_relu, [rnd(4, 3)])
    case('elu', 'elu', F.elu, [rnd(4, 3)], {'alpha': 1.5})
    case('gelu_none', 'gelu', F.gelu, [rnd(4, 5, lo=-4, hi=4)])
    case('gelu_tanh', 'gelu', F.gelu, [rnd(4, 5, lo=-4, hi=4)], {'approximate': 'tanh'})
    case('gelu_f32', 'gelu', F.gelu, [rnd(4, 5, dtype=F32)])
    case('softplus', 'softplus', F.softplus, [rnd(4, 5, lo=-30, hi=30)], {'beta': 2.0, 'threshold': 10.0})
    case('softplus_default', 'softplus', F.softplus, [rnd(4, 5)])
    case('hardtanh', 'hardtanh', F.hardtanh, [rnd(4, 5)], {'min_val': -0.5, 'max_val': 1.2})
    case('softmax', 'softmax', F.softmax, [rnd(3, 4, 5)], {'dim': 1})
    case('log_softmax', 'log_softmax', F.log_softmax, [rnd(3, 4, 5)], {'dim': -1})
    case('softmax_dtype', 'softmax', F.softmax, [rnd(3, 4, dtype=F32)], {'dim': 0, 'dtype': torch.float64})
    case('linear', 'linear', F.linear, [rnd(2, 3, 4), rnd(5, 4), rnd(5)])
    case('linear_nobias', 'linear', F.linear, [rnd(3, 4), rnd(2, 4)])
    case('linear_f32', 'linear', F.linear, [rnd(6, 7, dtype=F32), rnd(3, 7, dtype=F32), rnd(3, dtype=F32)])
    case('bilinear', 'bilinear', F.bilinear, [rnd(4, 3), rnd(4, 2), rnd(5, 3, 2), rnd(5)])
    # convolutions and pooling
    case('conv1d', 'conv1d', F.conv1d, [rnd(2, 4, 9), rnd(6, 2, 3), rnd(6)], {'stride': 2, 'padding': 1, 'groups': 2})
    case('conv1d_dil', 'conv1d', F.conv1d, [rnd(1, 3, 10), rnd(2, 3, 3)], {'dilation': 2})
    case('conv2d', 'conv2d', F.conv2d, [rnd(2, 3, 6, 7), rnd(4, 3, 3, 2), rnd(4)], {'stride': [2, 1], 'padding': 1})
    case('conv2d_groups', 'conv2d', F.conv2d, [rnd(1, 4, 5, 5), rnd(4, 2, 3, 3)], {'groups': 2, 'dilation': 2, 'padding': 2})
    case('conv_transpose2d', 'conv_transpose2d', F.conv_transpose2d, [rnd(2, 3, 4, 4), rnd(3, 2, 3, 3), rnd(2)],
         {'stride': 2, 'padding': 1, 'output_padding': 1})
    case('max_pool1d', 'max_pool1d', F.max_pool1d, [rnd(2, 3, 9)], {'kernel_size': 3, 'stride': 2, 'padding': 1})
    case('max_pool2d', 'max_pool2d', F.max_pool2d, [rnd(2, 2, 7, 6)], {'kernel_size': 2})
    case('max_pool2d_ceil', 'max_pool2d', F.max_pool2d, [rnd(1, 2, 7, 7)], {'kernel_size': 3, 'stride': 2, 'ceil_mode': True})
    case('avg_pool2d', 'avg_pool2d', F.avg_pool2d, [rnd(2, 2, 6, 6)], {'kernel_size': 3, 'stride': 2, 'padding': 1})
    case('avg_pool2d_nopad', 'avg_pool2d', F.avg_pool2d, [rnd(1, 2, 6, 6)],
         {'kernel_size': 3, 'stride': 2, 'padding': 1, 'count_include_pad': False})
    case('adaptive_avg_pool2d', 'adaptive_avg_pool2d', F.adaptive_avg_pool2d, [rnd(2, 3, 7, 5)], {'output_size': [3, 2]})
    case('adaptive_avg_pool2d_1', 'adaptive_avg_pool2d', F.adaptive_avg_pool2d, [rnd(2, 3, 4, 4)], {'output_size': 1})
    # normalization
    rm, rv = torch.rand(3, generator=G, dtype=F64), torch.rand(3, generator=G, dtype=F64) + 0.5
    case('batch_norm_eval', 'batch_norm', F.batch_norm, [rnd(4, 3, 2, 2), rm, rv, rnd(3), rnd(3)])
    case('batch_norm_train', 'batch_norm', F.batch_norm, [rnd(4, 3, 5), rm.clone(), rv.clone(), rnd(3), rnd(3)],
         {'training': True, 'momentum': 0.2, 'eps': 1e-3})
    case('batch_norm_train_nostats', 'batch_norm', F.batch_norm, [rnd(6, 3), None, None], {'training': True})
    case('layer_norm', 'layer_norm', F.layer_norm, [rnd(2, 3, 4), [3, 4], rnd(3, 4), rnd(3, 4)])
    case('layer_norm_noaffine', 'layer_norm', F.layer_norm, [rnd(2, 5), [5]], {'eps': 1e-3})
    case('layer_norm_f32', 'layer_norm', F.layer_norm, [rnd(4, 8, dtype=F32), [8], rnd(8, dtype=F32), rnd(8, dtype=F32)])
    case('group_norm', 'group_norm', F.group_norm, [rnd(2, 6, 3, 2), 3, rnd(6), rnd(6)])
    case('group_norm_noaffine', 'group_norm', F.group_norm, [rnd(3, 4, 5), 2], {'eps': 1e-3})
    # embedding, pad, interpolate, one_hot, normalize
    case('embedding', 'embedding', F.embedding, [torch.tensor([[0, 2, 4], [4, 3, 0]]), rnd(5, 3)])
    case('embedding_padding_idx', 'embedding', F.embedding, [torch.tensor([1, 2, 1, 0]), rnd(4, 2)], {'padding_idx': 1})
    case('pad_constant', 'pad', F.pad, [rnd(2, 3, 4), [1, 2, 0, 1]], {'value': 0.5})
    case('pad_negative', 'pad', F.pad, [rnd(2, 3, 4), [-1, 2]])
    case('pad_reflect', 'pad', F.pad, [rnd(1, 2, 4, 5), [2, 1, 1, 2]], {'mode': 'reflect'})
    case('pad_replicate', 'pad', F.pad, [rnd(1, 2, 5), [3, 1]], {'mode': 'replicate'})
    case('pad_circular', 'pad', F.pad, [rnd(1, 2, 3, 4), [1, 2, 2, 1]], {'mode': 'circular'})
    case('interp_nearest_size', 'interpolate', F.interpolate, [rnd(1, 2, 3, 4)], {'size': [5, 7]})
    case('interp_nearest_scale', 'interpolate', F.interpolate, [rnd(2, 1, 3, 3)], {'scale_factor': 2})
    case('interp_nearest_down', 'interpolate', F.interpolate, [rnd(1, 1, 7, 5)], {'size': [3, 2]})
    case('interp_nearest_1d', 'interpolate', F.interpolate, [rnd(1, 2, 5)], {'size': 8})
    for ac in (False, True):
        case(f'interp_bilinear_up_ac{int(ac)}', 'interpolate', F.interpolate, [rnd(1, 2, 3, 4)],
             {'size': [5, 7], 'mode': 'bilinear', 'align_corners': ac})
        case(f'interp_bilinear_down_ac{int(ac)}', 'interpolate', F.interpolate, [rnd(2, 1, 6, 7)],
             {'size': [4, 3], 'mode': 'bilinear', 'align_corners': ac})
        case(f'interp_bilinear_scale_ac{int(ac)}', 'interpolate', F.interpolate, [rnd(1, 1, 3, 3)],
             {'scale_factor': 1.5, 'mode': 'bilinear', 'align_corners': ac})
    case('one_hot', 'one_hot', F.one_hot, [torch.tensor([[0, 3], [1, 2]])])
    case('one_hot_n', 'one_hot', F.one_hot, [torch.tensor([0, 3, 1])], {'num_classes': 6})
    case('normalize', 'normalize', F.normalize, [rnd(3, 4)])
    case('normalize_p1', 'normalize', F.normalize, [rnd(3, 4, 2)], {'p': 1.0, 'dim': -1})
    case('cosine_similarity', 'cosine_similarity', F.cosine_similarity, [rnd(3, 5), rnd(3, 5)])
    case('cosine_similarity_bcast', 'cosine_similarity', F.cosine_similarity, [rnd(2, 4, 3), rnd(1, 4, 3)], {'dim': 2})
    # losses
    for red in ('mean', 'sum', 'none'):
        case(f'cross_entropy_{red}', 'cross_entropy', F.cross_entropy, [rnd(5, 4), ints(4, 5)], {'reduction': red})
        case(f'nll_loss_{red}', 'nll_loss', F.nll_loss, [rnd(5, 4), ints(4, 5)], {'reduction': red})
        case(f'mse_loss_{red}', 'mse_loss', F.mse_loss, [rnd(3, 4), rnd(3, 4)], {'reduction': red})
        case(f'l1_loss_{red}', 'l1_loss', F.l1_loss, [rnd(3, 4), rnd(3, 4)], {'reduction': red})
        case(f'smooth_l1_loss_{red}', 'smooth_l1_loss', F.smooth_l1_loss, [rnd(3, 4), rnd(3, 4)], {'reduction': red, 'beta': 0.7})
        case(f'bce_{red}', 'binary_cross_entropy', F.binary_cross_entropy, [rnd(3, 4, lo=0.05, hi=0.95), rnd(3, 4, lo=0, hi=1, rg=False)],
             {'reduction': red, 'weight': rnd(4, lo=0.1, hi=2, rg=False)})
        case(f'bce_logits_{red}', 'binary_cross_entropy_with_logits', F.binary_cross_entropy_with_logits,
             [rnd(3, 4, lo=-5, hi=5), rnd(3, 4, lo=0, hi=1)],
             {'reduction': red, 'pos_weight': rnd(4, lo=0.5, hi=2, rg=False)})
        case(f'kl_div_{red}', 'kl_div', F.kl_div, [rnd(3, 4, lo=-3, hi=-0.1), rnd(3, 4, lo=0.05, hi=1)], {'reduction': red})
    case('kl_div_batchmean', 'kl_div', F.kl_div, [rnd(3, 4, lo=-3, hi=-0.1), rnd(3, 4, lo=0.05, hi=1)], {'reduction': 'batchmean'})
    case('kl_div_log_target', 'kl_div', F.kl_div, [rnd(3, 4, lo=-3, hi=-0.1), rnd(3, 4, lo=-3, hi=-0.1)],
         {'reduction': 'sum', 'log_target': True})
    case('bce_plain', 'binary_cross_entropy', F.binary_cross_entropy, [rnd(6, lo=0.01, hi=0.99), rnd(6, lo=0, hi=1, rg=False)])
    case('bce_logits_weight', 'binary_cross_entropy_with_logits', F.binary_cross_entropy_with_logits,
         [rnd(2, 3), rnd(2, 3, lo=0, hi=1, rg=False)], {'weight': rnd(2, 3, lo=0, hi=1, rg=False)})
    case('smooth_l1_default', 'smooth_l1_loss', F.smooth_l1_loss, [rnd(10), rnd(10)])
    tgt = torch.tensor([0, 3, 1, -100, 2, 3])
    wts = rnd(4, lo=0.2, hi=2, rg=False)
    for red in ('mean', 'sum', 'none'):
        case(f'cross_entropy_w_ignore_{red}', 'cross_entropy', F.cross_entropy, [rnd(6, 4), tgt],
             {'weight': wts, 'ignore_index': -100, 'reduction': red})
        case(f'cross_entropy_ls_{red}', 'cross_entropy', F.cross_entropy, [rnd(6, 4), tgt],
             {'label_smoothing': 0.1, 'reduction': red})
        case(f'cross_entropy_w_ls_{red}', 'cross_entropy', F.cross_entropy, [rnd(6, 4), tgt],
             {'weight': wts, 'label_smoothing': 0.2, 'reduction': red})
        case(f'nll_loss_w_ignore_{red}', 'nll_loss', F.nll_loss, [rnd(6, 4), torch.tensor([1, 2, 2, 0, 3, 1])],
             {'weight': wts, 'ignore_index': 2, 'reduction': red})
    case('cross_entropy_probs', 'cross_entropy', F.cross_entropy, [rnd(4, 3), torch.softmax(rnd(4, 3, rg=False), 1)])
    case('cross_entropy_probs_ls_w', 'cross_entropy', F.cross_entropy, [rnd(4, 3), torch.softmax(rnd(4, 3, rg=False), 1)],
         {'label_smoothing': 0.3, 'weight': rnd(3, lo=0.5, hi=1.5, rg=False)})
    case('cross_entropy_2d', 'cross_entropy', F.cross_entropy, [rnd(2, 3, 2, 2), ints(3, 2, 2, 2)])
    case('cross_entropy_unbatched', 'cross_entropy', F.cross_entropy, [rnd(5), torch.tensor(2)])
    case('nll_loss_ignore_all', 'nll_loss', F.nll_loss, [rnd(2, 3), torch.tensor([-100, -100])])
    case('cross_entropy_f32', 'cross_entropy', F.cross_entropy, [rnd(8, 10, dtype=F32), ints(10, 8)])
    case('mse_f32', 'mse_loss', F.mse_loss, [rnd(8, 10, dtype=F32), rnd(8, 10, dtype=F32)])
    # scaled_dot_product_attention (2.0+): the formula of the 2.1 docs
    def sdpa(query, key, value, attn_mask=None, dropout_p=0.0, is_causal=False, scale=None):
        L, S = query.size(-2), key.size(-2)
        scale_factor = 1 / math.sqrt(query.size(-1)) if scale is None else scale
        attn_bias = torch.zeros(L, S, dtype=query.dtype)
        if is_causal:
            temp_mask = torch.ones(L, S, dtype=torch.bool).tril(diagonal=0)
            attn_bias.masked_fill_(temp_mask.logical_not(), float('-inf'))
        if attn_mask is not None:
            if attn_mask.dtype == torch.bool:
                attn_bias = attn_bias.masked_fill(attn_mask.logical_not(), float('-inf'))
            else:
                attn_bias = attn_bias + attn_mask
        attn_weight = query @ key.transpose(-2, -1) * scale_factor
        attn_weight = attn_weight + attn_bias
        attn_weight = torch.softmax(attn_weight, dim=-1)
        return attn_weight @ value
    hand = 'formula from the PyTorch 2.1 docs (scaled_dot_product_attention is not in 1.13)'
    case('sdpa', 'scaled_dot_product_attention', sdpa, [rnd(2, 3, 4), rnd(2, 5, 4), rnd(2, 5, 6)], hand=hand)
    case('sdpa_causal', 'scaled_dot_product_attention', sdpa, [rnd(2, 2, 4, 3), rnd(2, 2, 4, 3), rnd(2, 2, 4, 3)],
         {'is_causal': True}, hand=hand)
    case('sdpa_boolmask_scale', 'scaled_dot_product_attention', sdpa, [rnd(3, 4), rnd(5, 4), rnd(5, 2)],
         {'attn_mask': torch.rand(3, 5, generator=G) > 0.3, 'scale': 0.7}, hand=hand)
    case('sdpa_floatmask', 'scaled_dot_product_attention', sdpa, [rnd(1, 3, 4), rnd(1, 3, 4), rnd(1, 3, 4)],
         {'attn_mask': rnd(3, 3, rg=False)}, hand=hand)


def errors():
    """PyTorch's error texts for bad input (first line)."""
    out = []
    def err(name, fn, f, args, kwargs=None):
        try:
            f(*args, **(kwargs or {}))
        except Exception as e:  # noqa: BLE001
            out.append({'name': name, 'fn': fn, 'args': enc(list(args)), 'kwargs': {k: enc(v) for k, v in (kwargs or {}).items()},
                        'type': type(e).__name__, 'message': str(e).split('\n')[0]})
            return
        raise AssertionError(name + ' did not raise')
    err('mse_bad_reduction', 'mse_loss', F.mse_loss, [torch.zeros(2), torch.zeros(2)], {'reduction': 'avg'})
    err('dropout_p', 'dropout', F.dropout, [torch.zeros(2)], {'p': 1.5})
    err('one_hot_small', 'one_hot', F.one_hot, [torch.tensor([0, 3])], {'num_classes': 2})
    err('bce_size', 'binary_cross_entropy', F.binary_cross_entropy, [torch.rand(3), torch.rand(2)])
    err('bce_logits_size', 'binary_cross_entropy_with_logits', F.binary_cross_entropy_with_logits, [torch.rand(3), torch.rand(2)])
    err('pad_odd', 'pad', F.pad, [torch.zeros(2, 2), [1, 2, 3]])
    err('nll_batch', 'nll_loss', F.nll_loss, [torch.zeros(3, 2), torch.tensor([0, 1])])
    err('group_norm_div', 'group_norm', F.group_norm, [torch.zeros(2, 6, 3), 4])
    err('embedding_pad_idx', 'embedding', F.embedding, [torch.tensor([0]), torch.zeros(3, 2)], {'padding_idx': 5})
    err('interp_both', 'interpolate', F.interpolate, [torch.zeros(1, 1, 2, 2)], {'size': 3, 'scale_factor': 2})
    err('interp_none', 'interpolate', F.interpolate, [torch.zeros(1, 1, 2, 2)])
    err('interp_ac_nearest', 'interpolate', F.interpolate, [torch.zeros(1, 1, 2, 2)], {'size': 3, 'align_corners': True})
    err('cross_entropy_ls', 'cross_entropy', F.cross_entropy, [torch.zeros(2, 3), torch.tensor([0, 1])], {'label_smoothing': 1.5})
    return out


def dropout_cases():
    out = []
    for seed, shape, p, dtype in [(0, [4, 5], 0.5, F32), (7, [3, 33], 0.2, F32), (42, [100], 0.9, F32), (3, [2, 17], 0.3, F64)]:
        torch.manual_seed(seed)
        x = torch.rand(*shape, dtype=dtype)
        y = F.dropout(x, p=p, training=True)
        # the value a following draw gives shows the generator advanced exactly as PyTorch's
        nxt = torch.rand(3, dtype=dtype)
        out.append({'seed': seed, 'p': p, 'x': tj(x), 'y': tj(y), 'next': tj(nxt)})
    torch.manual_seed(5)
    x = torch.rand(3, 4)
    out.append({'seed': 5, 'p': 0.5, 'training': False, 'x': tj(x), 'y': tj(F.dropout(x, p=0.5, training=False)), 'next': tj(torch.rand(3))})
    return out


def init_cases():
    cases = []
    def rec(name, fn, shape, args=None, kwargs=None, seed=0, dtype=F32):
        torch.manual_seed(seed)
        t = torch.empty(*shape, dtype=dtype)
        getattr(init, fn)(t, *(args or []), **(kwargs or {}))
        c = {'name': name, 'fn': fn, 'shape': list(shape), 'dtype': str(dtype).replace('torch.', ''), 'seed': seed,
             'args': args or [], 'kwargs': kwargs or {}, 'next': torch.rand(2).tolist()}
        if t.numel() > 5000:
            # big tensors: every 97th value (exact) and the float64 sum of all values
            c['stride'] = 97
            c['out'] = t.reshape(-1)[::97].tolist()
            c['sum'] = t.double().sum().item()
        else:
            c['out'] = tj(t)['data']
        cases.append(c)
    rec('uniform', 'uniform_', [7, 9], [-0.3, 0.8], seed=1)
    rec('uniform_big', 'uniform_', [40, 30], seed=2)
    rec('normal', 'normal_', [5, 6], [0.5, 2.0], seed=3)
    rec('normal_big', 'normal_', [30, 40], seed=4)
    rec('normal_f64', 'normal_', [20], seed=4, dtype=F64)
    rec('constant', 'constant_', [3, 4], [0.25])
    rec('ones', 'ones_', [2, 3])
    rec('zeros', 'zeros_', [2, 3])
    rec('eye', 'eye_', [3, 5])
    rec('dirac', 'dirac_', [4, 2, 3, 3])
    rec('dirac_groups', 'dirac_', [4, 2, 3], [2])
    rec('xavier_uniform', 'xavier_uniform_', [20, 30], seed=5)
    rec('xavier_uniform_gain', 'xavier_uniform_', [8, 4, 3, 3], [], {'gain': init.calculate_gain('relu')}, seed=6)
    rec('xavier_normal', 'xavier_normal_', [20, 30], seed=7)
    rec('xavier_normal_gain', 'xavier_normal_', [6, 10], [], {'gain': 0.5}, seed=7)
    rec('kaiming_uniform', 'kaiming_uniform_', [20, 30], seed=8)
    rec('kaiming_uniform_linear_init', 'kaiming_uniform_', [512, 784], [], {'a': math.sqrt(5)}, seed=0)
    rec('kaiming_uniform_fan_out', 'kaiming_uniform_', [8, 4, 3, 3], [], {'mode': 'fan_out', 'nonlinearity': 'relu'}, seed=9)
    rec('kaiming_normal', 'kaiming_normal_', [20, 30], seed=10)
    rec('kaiming_normal_leaky', 'kaiming_normal_', [6, 3, 5], [], {'a': 0.1, 'nonlinearity': 'leaky_relu', 'mode': 'fan_in'}, seed=11)
    rec('trunc_normal', 'trunc_normal_', [40, 50], seed=12)
    rec('trunc_normal_args', 'trunc_normal_', [30, 20], [0.5, 0.8, -0.5, 1.5], seed=13)
    rec('orthogonal', 'orthogonal_', [6, 10], seed=14)
    rec('orthogonal_tall', 'orthogonal_', [10, 6], [], {'gain': 2.0}, seed=15)
    rec('orthogonal_conv', 'orthogonal_', [4, 2, 3], seed=16)
    gains = []
    for nl, p in [('linear', None), ('conv1d', None), ('conv2d', None), ('conv_transpose2d', None), ('sigmoid', None),
                  ('tanh', None), ('relu', None), ('leaky_relu', None), ('leaky_relu', 0.2), ('selu', None)]:
        gains.append({'nonlinearity': nl, 'param': p, 'gain': init.calculate_gain(nl, p)})
    errs = []
    for args in [('foo',), ('leaky_relu', 'x')]:
        try:
            init.calculate_gain(*args)
        except Exception as e:  # noqa: BLE001
            errs.append({'args': list(args), 'type': type(e).__name__, 'message': str(e)})
    for fn, shape in [('xavier_uniform_', [5]), ('orthogonal_', [5]), ('eye_', [2, 2, 2]), ('dirac_', [2, 2])]:
        try:
            getattr(init, fn)(torch.empty(*shape))
        except Exception as e:  # noqa: BLE001
            errs.append({'fn': fn, 'shape': shape, 'type': type(e).__name__, 'message': str(e)})
    try:
        init.kaiming_uniform_(torch.empty(3, 4), mode='fan_avg')
    except Exception as e:  # noqa: BLE001
        errs.append({'fn': 'kaiming_uniform_', 'shape': [3, 4], 'kwargs': {'mode': 'fan_avg'}, 'type': type(e).__name__, 'message': str(e)})
    return {'cases': cases, 'gains': gains, 'errors': errs}


def problem(seed=0):
    """A fixed small regression problem: 2-layer tanh MLP, MSE loss."""
    g = torch.Generator().manual_seed(seed)
    X = torch.rand(8, 3, generator=g) * 2 - 1
    Y = torch.rand(8, 2, generator=g) * 2 - 1
    params = [torch.rand(4, 3, generator=g) - 0.5, torch.rand(4, generator=g) - 0.5,
              torch.rand(2, 4, generator=g) - 0.5, torch.rand(2, generator=g) - 0.5]
    return X, Y, [p.requires_grad_() for p in params]


def loss_fn(X, Y, p):
    h = torch.tanh(X @ p[0].t() + p[1])
    return ((h @ p[2].t() + p[3] - Y) ** 2).mean()


def optim_cases():
    import torch.optim as optim
    configs = [
        ('SGD', {'lr': 0.1}), ('SGD', {'lr': 0.1, 'momentum': 0.9}),
        ('SGD', {'lr': 0.1, 'momentum': 0.9, 'dampening': 0.3, 'weight_decay': 0.01}),
        ('SGD', {'lr': 0.05, 'momentum': 0.8, 'nesterov': True}), ('SGD', {'lr': 0.1, 'maximize': True}),
        ('SGD', {'lr': 0.05, 'momentum': 0.5, 'weight_decay': 0.1, 'maximize': True}),
        ('Adam', {}), ('Adam', {'lr': 0.01}), ('Adam', {'lr': 0.01, 'amsgrad': True}),
        ('Adam', {'lr': 0.02, 'betas': [0.8, 0.99], 'eps': 1e-6, 'weight_decay': 0.1}),
        ('Adam', {'lr': 0.01, 'maximize': True, 'amsgrad': True}),
        ('AdamW', {'lr': 0.01}), ('AdamW', {'lr': 0.01, 'weight_decay': 0.5, 'amsgrad': True}),
        ('AdamW', {'lr': 0.01, 'maximize': True}),
        ('RMSprop', {'lr': 0.01}), ('RMSprop', {'lr': 0.01, 'momentum': 0.9, 'centered': True}),
        ('RMSprop', {'lr': 0.005, 'alpha': 0.9, 'eps': 1e-6, 'weight_decay': 0.1, 'maximize': True}),
        ('Adagrad', {}), ('Adagrad', {'lr': 0.1, 'lr_decay': 0.01, 'weight_decay': 0.05, 'initial_accumulator_value': 0.1}),
        ('Adagrad', {'lr': 0.05, 'eps': 1e-6, 'maximize': True}),
    ]
    out = []
    for name, kw in configs:
        for grouped in (False, True):
            if grouped and name not in ('SGD', 'Adam') and kw:
                continue
            X, Y, p = problem()
            init_params = [tj(q) for q in p]
            kwargs = {k: (tuple(v) if k == 'betas' else v) for k, v in kw.items()}
            if grouped:
                lr = kwargs.pop('lr', None)
                base = {} if lr is None else {'lr': lr}
                groups = [{'params': p[:2]}, {'params': p[2:], 'lr': (lr or 0.01) * 0.5}]
                o = getattr(optim, name)(groups, **base, **kwargs)
                spec = [{'params': [0, 1]}, {'params': [2, 3], 'lr': (lr or 0.01) * 0.5}]
            else:
                o = getattr(optim, name)(p, **kwargs)
                spec = None
            losses = []
            for _ in range(20):
                o.zero_grad()
                loss = loss_fn(X, Y, p)
                loss.backward()
                o.step()
                losses.append(loss.item())
            out.append({'optim': name, 'kwargs': kw, 'groups': spec, 'X': tj(X), 'Y': tj(Y), 'init': init_params,
                        'losses': losses, 'final': [tj(q) for q in p]})
    return out


def sd_value(v):
    if isinstance(v, torch.Tensor):
        return {'tensor': tj(v)}
    if isinstance(v, tuple):
        return {'tuple': [sd_value(x) for x in v]}
    if isinstance(v, float):
        return {'float': num(v)}
    return v


def state_dict_cases():
    import torch.optim as optim
    out = []
    for name, kw in [('SGD', {'lr': 0.1}), ('SGD', {'lr': 0.1, 'momentum': 0.9}), ('Adam', {}), ('Adam', {'amsgrad': True}),
                     ('AdamW', {}), ('RMSprop', {'momentum': 0.5, 'centered': True}), ('RMSprop', {}), ('Adagrad', {})]:
        X, Y, p = problem()
        o = getattr(optim, name)([{'params': p[:3]}, {'params': p[3:], 'lr': 0.003}], **kw)
        # the last param gets no grad in step 1: state is only created for params with grads
        for i in range(2):
            o.zero_grad()
            loss_fn(X, Y, p).backward()
            if i == 0:
                p[3].grad = None
            o.step()
        sd = o.state_dict()
        out.append({'optim': name, 'kwargs': kw,
                    'state': [[k, [[sk, sd_value(sv)] for sk, sv in v.items()]] for k, v in sd['state'].items()],
                    'param_groups': [[[k, sd_value(v)] for k, v in g.items()] for g in sd['param_groups']]})
    return out


def scheduler_cases():
    import torch.optim as optim
    import torch.optim.lr_scheduler as S
    out = []
    def run(name, cls, kwargs, n, opt='SGD', okw=None, metrics=None, groups=1, lam=None):
        ps = [torch.zeros(1, requires_grad=True) for _ in range(groups)]
        okw = okw or {'lr': 0.1}
        o = getattr(optim, opt)([{'params': [q]} for q in ps], **okw)
        kw = dict(kwargs)
        if lam == 'exp':
            kw['lr_lambda'] = lambda e: 0.95 ** e
        elif lam == 'step':
            kw['lr_lambda'] = lambda e: 1.0 / (1 + e // 3)
        s = getattr(S, cls)(o, **kw)
        lrs, moms = [[g['lr'] for g in o.param_groups]], []
        def mom():
            g = o.param_groups[0]
            return g['betas'][0] if 'betas' in g else g.get('momentum')
        moms.append(mom())
        for i in range(n):
            o.step()
            if metrics is not None:
                s.step(metrics[i])
            else:
                s.step()
            lrs.append([g['lr'] for g in o.param_groups])
            moms.append(mom())
        out.append({'name': name, 'cls': cls, 'kwargs': kwargs, 'lambda': lam, 'optim': opt, 'optim_kwargs': okw,
                    'metrics': metrics, 'lrs': lrs, 'momentum': moms})
    run('step', 'StepLR', {'step_size': 3}, 12)
    run('step_gamma', 'StepLR', {'step_size': 2, 'gamma': 0.5}, 9)
    run('multistep', 'MultiStepLR', {'milestones': [3, 7, 7], 'gamma': 0.5}, 12)
    run('exponential', 'ExponentialLR', {'gamma': 0.9}, 10)
    run('cosine', 'CosineAnnealingLR', {'T_max': 10}, 25)
    run('cosine_eta', 'CosineAnnealingLR', {'T_max': 7, 'eta_min': 0.01}, 20)
    run('lambda_exp', 'LambdaLR', {}, 10, lam='exp')
    run('lambda_step', 'LambdaLR', {}, 10, lam='step', groups=2)
    run('onecycle_cos', 'OneCycleLR', {'max_lr': 1.0, 'total_steps': 20}, 20, okw={'lr': 0.1, 'momentum': 0.9})
    run('onecycle_linear', 'OneCycleLR', {'max_lr': 0.5, 'epochs': 3, 'steps_per_epoch': 5, 'anneal_strategy': 'linear', 'pct_start': 0.4},
        15, okw={'lr': 0.1, 'momentum': 0.9})
    run('onecycle_three_phase_adam', 'OneCycleLR', {'max_lr': 0.01, 'total_steps': 16, 'three_phase': True}, 16, opt='Adam', okw={'lr': 0.001})
    run('onecycle_no_mom', 'OneCycleLR', {'max_lr': 0.1, 'total_steps': 10, 'cycle_momentum': False, 'div_factor': 10.0,
                                          'final_div_factor': 100.0}, 10)
    metrics = [1.0, 0.9, 0.95, 0.95, 0.96, 0.97, 0.85, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9]
    run('plateau', 'ReduceLROnPlateau', {}, len(metrics), metrics=metrics)
    run('plateau_opts', 'ReduceLROnPlateau', {'mode': 'max', 'factor': 0.5, 'patience': 1, 'threshold': 0.1, 'threshold_mode': 'abs',
                                               'cooldown': 1, 'min_lr': 0.02}, len(metrics), metrics=metrics)
    run('plateau_rel_min', 'ReduceLROnPlateau', {'patience': 2, 'threshold': 0.05, 'eps': 0.05, 'factor': 0.2}, len(metrics), metrics=metrics)
    return out


def clip_grad_cases():
    from torch.nn.utils import clip_grad_norm_, clip_grad_value_
    out = []
    for norm_type, max_norm in [(2.0, 0.5), (2.0, 100.0), (1.0, 0.7), (float('inf'), 0.3), (3.0, 0.4)]:
        g = torch.Generator().manual_seed(11)
        ps = [torch.zeros(3, 4, requires_grad=True), torch.zeros(5, requires_grad=True), torch.zeros(2, requires_grad=True)]
        for p in ps[:2]:
            p.grad = torch.rand(p.shape, generator=g) * 2 - 1
        grads = [tj(p.grad) for p in ps[:2]]
        total = clip_grad_norm_(ps, max_norm, norm_type=norm_type)
        out.append({'fn': 'clip_grad_norm_', 'max_norm': max_norm, 'norm_type': num(norm_type), 'grads': grads,
                    'total_norm': tj(total), 'clipped': [tj(p.grad) for p in ps[:2]]})
    g = torch.Generator().manual_seed(12)
    ps = [torch.zeros(6, requires_grad=True)]
    ps[0].grad = torch.rand(6, generator=g) * 2 - 1
    grads = [tj(ps[0].grad)]
    clip_grad_value_(ps, 0.4)
    out.append({'fn': 'clip_grad_value_', 'clip_value': 0.4, 'grads': grads, 'clipped': [tj(ps[0].grad)]})
    errs = []
    p = torch.zeros(2, requires_grad=True)
    p.grad = torch.tensor([float('inf'), 1.0])
    try:
        clip_grad_norm_([p], 1.0, error_if_nonfinite=True)
    except Exception as e:  # noqa: BLE001
        errs.append({'type': type(e).__name__, 'message': str(e)})
    return {'cases': out, 'errors': errs}


def namespace_cases():
    torch.manual_seed(123)
    draws = {'rand': tj(torch.rand(5)), 'randn': tj(torch.randn(20)), 'randint': tj(torch.randint(0, 10, (7,))),
             'randperm': tj(torch.randperm(12)), 'rand_f64': tj(torch.rand(3, dtype=torch.float64))}
    g = torch.Generator().manual_seed(7)
    draws['gen_randn'] = tj(torch.randn(4, generator=g))
    reprs = {'size': str(torch.Size([2, 3])), 'size_repr': repr(torch.Size([2, 3])), 'size_empty': str(torch.Size([])),
             'size_one': str(torch.Size([4])), 'device_cpu_str': str(torch.device('cpu')), 'device_cpu_repr': repr(torch.device('cpu')),
             'device_cuda1_str': str(torch.device('cuda:1')), 'device_cuda1_repr': repr(torch.device('cuda', 1)),
             'dtypes': {n: str(getattr(torch, n)) for n in ['float32', 'float', 'float64', 'double', 'float16', 'half', 'bfloat16',
                                                            'int8', 'uint8', 'int16', 'short', 'int32', 'int', 'int64', 'long', 'bool']}}
    a = torch.tensor([1.0, 2.0, float('nan')])
    close = {'allclose_default': torch.allclose(torch.tensor([1.0, 2.0]), torch.tensor([1.0 + 1e-6, 2.0])),
             'allclose_far': torch.allclose(torch.tensor([1.0, 2.0]), torch.tensor([1.001, 2.0])),
             'allclose_nan': torch.allclose(a, a), 'allclose_nan_eq': torch.allclose(a, a, equal_nan=True),
             'allclose_rtol': torch.allclose(torch.tensor([100.0]), torch.tensor([100.5]), rtol=1e-2)}
    return {'draws': draws, 'reprs': reprs, 'allclose': close}


def cosine_cases():
    """F.cosine_similarity where the inputs broadcast along and across `dim`, integer inputs and
    clamped norms. Drawn from their own generator, after every other functional case, so adding
    them changed no other fixture value."""
    gc = torch.Generator().manual_seed(2101)

    def r(*shape, rg=True):
        return (torch.rand(*shape, generator=gc, dtype=F64) * 4 - 2).requires_grad_(rg)
    cs = F.cosine_similarity

    def cos21(x1, x2, dim=1, eps=1e-8):
        # PyTorch 2.1's ATen cosine_similarity (Distance.cpp) step by step: the norms are cloned
        # before the in-place clamp, so the gradient flows through the unclamped norm. 1.13's
        # kernel gives other gradients where a norm is clamped (values agree).
        dt = torch.result_type(x1, x2)
        x1 = x1 if x1.dtype.is_floating_point else x1.to(dt)
        x2 = x2 if x2.dtype.is_floating_point else x2.to(dt)
        x1, x2 = torch.broadcast_tensors(x1, x2)
        n1 = torch.linalg.vector_norm(x1, 2, dim=dim, keepdim=True).clone()
        n2 = torch.linalg.vector_norm(x2, 2, dim=dim, keepdim=True).clone()
        with torch.no_grad():
            n1.clamp_min_(eps)
            n2.clamp_min_(eps)
        return ((x1 / n1) * (x2 / n2)).sum(dim)
    hand = 'ATen 2.1 Distance.cpp formula (norms cloned before the no_grad clamp); 1.13 differs in clamped-norm gradients'
    case('cosine_similarity_bcast_along_dim', 'cosine_similarity', cs, [r(3, 4), r(1, 4)], {'dim': 0}, gen=gc)
    case('cosine_similarity_bcast_along_dim_both', 'cosine_similarity', cs, [r(3, 1), r(1, 4)], {'dim': 1}, gen=gc)
    case('cosine_similarity_bcast_across_dim', 'cosine_similarity', cs, [r(2, 1, 5), r(3, 5)], {'dim': -1}, gen=gc)
    case('cosine_similarity_bcast_rank', 'cosine_similarity', cs, [r(4), r(3, 4)], {'dim': 1}, gen=gc)
    case('cosine_similarity_int', 'cosine_similarity', cs, [torch.tensor([[1, 2], [0, 3]]), r(2, 2)], {'dim': 1}, gen=gc)
    zero = torch.tensor([[0.0, 0.0, 0.0], [1.0, -2.0, 0.5]], dtype=F64, requires_grad=True)
    case('cosine_similarity_zero_vector', 'cosine_similarity', cs, [zero, r(2, 3)], gen=gc)
    tiny = torch.tensor([[1e-9, 0.0], [3e-9, -4e-9]], dtype=F64, requires_grad=True)
    case('cosine_similarity_eps_clamp', 'cosine_similarity', cos21, [tiny, torch.tensor([[100.0, 0.0], [1.0, 1.0]], dtype=F64, requires_grad=True)],
         hand=hand, gen=gc)
    case('cosine_similarity_eps_kw', 'cosine_similarity', cos21, [r(3, 2, rg=False).mul(1e-3).requires_grad_(), r(3, 2)], {'eps': 0.01}, hand=hand, gen=gc)


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.manual_seed(0)
    functional_cases()
    errs = errors()
    cosine_cases()
    def dump(fname, obj):
        with open(os.path.join(OUT, fname), 'w') as f:
            json.dump(obj, f, separators=(',', ':'))
            f.write('\n')
    dump('functional.json', {'torch': torch.__version__, 'cases': CASES, 'errors': errs})
    dump('dropout.json', {'torch': torch.__version__, 'cases': dropout_cases()})
    dump('init.json', {'torch': torch.__version__, **init_cases()})
    dump('optim.json', {'torch': torch.__version__, 'cases': optim_cases(), 'state_dicts': state_dict_cases()})
    dump('lr_scheduler.json', {'torch': torch.__version__, 'cases': scheduler_cases()})
    dump('clip_grad.json', {'torch': torch.__version__, **clip_grad_cases()})
    dump('torch_namespace.json', {'torch': torch.__version__, **namespace_cases()})
    for f in sorted(os.listdir(OUT)):
        print(f, os.path.getsize(os.path.join(OUT, f)))


if __name__ == '__main__':
    main()
