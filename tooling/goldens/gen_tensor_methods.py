"""Writes packages/core/fixtures/ops/tensor_methods.json: real PyTorch results for the Tensor
methods ported code uses most (new_*, flip, roll, repeat, tile, repeat_interleave, isinf,
clamp_min, nan_to_num, norm, cumsum, sort, topk, lerp, addcmul, masked_select, scatter, ...):
forward values, dtypes, shapes, view-or-copy, gradients and error texts.

Run with Debian's python3-torch (PyTorch 1.13, CPU):
    /usr/bin/python3 tooling/goldens/gen_tensor_methods.py

Same case format and encoders as gen_core_ops.py (imported from it). Keyword-only arguments
(`value=`, `stable=`, `dtype=`, `alpha=`, `reduce=`, `output_size=`) are the case's kwargs (the
TS API takes them as a trailing options object); positional-or-keyword ones are passed
positionally. In-place methods are recorded without grad (their inputs are leaves) and their
output is the mutated tensor. Ties are avoided in sort/topk/kthvalue/median inputs: PyTorch does
not specify which tied index an unstable sort returns.
"""
import json
import os
import random

import torch

import gen_core_ops as G
from gen_core_ops import F32, F64, F16, BF16, I32, I64, BOOL, U8, Case, add, err, make, TOPICS

T = 'tensor_methods'
G.R = random.Random(20240612)
torch.manual_seed(20240612)


_call = G.call


def call_with_dtypes(c, args):
    """Calls with `dtype` kwargs as torch dtypes (the fixture keeps their names)."""
    kw = c.kwargs
    if isinstance(kw.get('dtype'), str):
        c.kwargs = dict(kw, dtype=getattr(torch, kw['dtype']))
    try:
        return _call(c, args)
    finally:
        c.kwargs = kw


G.call = call_with_dtypes


def M(name, op, args, kwargs=None, grad=True, view=False):
    add(Case(T, name, op, 'method', args, kwargs, grad=grad, view=view))


def E(name, op, args, kwargs=None):
    err(T, name, op, 'method', args, kwargs)


def distinct(shape, dt=F64):
    """Values without ties (a random permutation, scaled), so sorting picks unique indices."""
    n = 1
    for s in shape:
        n *= s
    v = torch.randperm(n).to(F64).reshape(shape) * 0.37 - n * 0.1
    return v.to(dt)


def factories():
    x = make([2, 3], F32)
    for op in ('new_zeros', 'new_ones', 'new_empty'):
        M(f'{op} [2, 3]', op, [x, [2, 3]], grad=False)
        M(f'{op} int64 self', op, [make([2], I64), [3]], grad=False)
        M(f'{op} dtype=float64', op, [x, [1, 2]], {'dtype': 'float64'}, grad=False)
    M('new_full int self 2.5', 'new_full', [make([2], I64), [2, 2], 2.5], grad=False)
    M('new_full float', 'new_full', [x, [3], -1.5], grad=False)
    M('new_tensor int self float data', 'new_tensor', [make([2], I64), [1.5, 2.5]], grad=False)
    M('new_tensor float self', 'new_tensor', [x, [[1, 2], [3, 4]]], grad=False)
    M('cpu', 'cpu', [x], grad=False, view=True)


def shapes():
    for lay in ('contig', 't', 'step'):
        a = make([3, 4], F64, lay)
        M(f'flip dims (0, 1) {lay}', 'flip', [a, [0, 1]], view=True)
        M(f'flip dim -1 {lay}', 'flip', [a, [-1]], view=True)
        M(f'roll 2 dim 1 {lay}', 'roll', [a, 2, 1], view=True)
        M(f'repeat (2, 1, 3) {lay}', 'repeat', [a, [2, 1, 3]], view=True)
    M('flip int32', 'flip', [make([5], I32), [0]], grad=False)
    M('roll flat -3', 'roll', [make([2, 3], F32), -3])
    M('roll two dims', 'roll', [make([2, 3], F32), [1, -1], [0, 1]])
    M('roll shift 0', 'roll', [make([4], F32), 0, 0], view=True)
    M('repeat ones is a copy', 'repeat', [make([2, 2], F32), [1, 1]], view=True)
    M('repeat 0-d', 'repeat', [make([], F32), [3]])
    M('tile short dims', 'tile', [make([2, 3], F32), [2]])
    M('tile long dims', 'tile', [make([3], F32), [2, 2]])
    M('repeat_interleave scalar flat', 'repeat_interleave', [make([2, 2], F32), 2])
    M('repeat_interleave tensor dim 0', 'repeat_interleave', [make([3, 2], F64), torch.tensor([1, 0, 2]), 0])
    M('repeat_interleave int dim 1', 'repeat_interleave', [make([2, 3], I64), 2, 1], grad=False)
    M('broadcast_to', 'broadcast_to', [make([3, 1], F32), [2, 3, 4]], view=True)
    M('sum_to_size', 'sum_to_size', [make([2, 3, 4], F64), [3, 1]])
    M('sum_to_size same', 'sum_to_size', [make([2, 3], F64), [2, 3]])
    M('swapaxes', 'swapaxes', [make([2, 3, 4], F32), 0, 2], view=True)
    M('diag vector k=1', 'diag', [make([3], F64), 1])
    M('diag vector k=-2', 'diag', [make([2], F64), -2])
    M('diag matrix', 'diag', [make([3, 4], F64, 't')])
    M('diag matrix k=1', 'diag', [make([3, 4], F64), 1])
    M('diag matrix k=-1', 'diag', [make([3, 4], F64), -1])
    M('trace', 'trace', [make([3, 4], F64)])
    M('trace int', 'trace', [make([3, 3], I32)], grad=False)
    M('outer', 'outer', [make([3], F64), make([4], F64)])
    M('outer int float', 'outer', [make([2], I64), make([3], F32)])
    M('take', 'take', [make([3, 4], F64, 't'), torch.tensor([[0, -1], [5, 3]])])
    M('masked_select broadcast', 'masked_select', [make([2, 3], F64), torch.tensor([True, False, True])])
    M('masked_select mask broadcasts self', 'masked_select', [make([3], F64), torch.randint(0, 2, (2, 3)).bool()])
    E('error: repeat too few dims', 'repeat', [make([2, 3], F32), [2]])
    E('error: flip duplicate dims', 'flip', [make([2, 3], F32), [0, 0]])
    E('error: flip dim out of range', 'flip', [make([2, 3], F32), [2]])
    E('error: roll shifts dims mismatch', 'roll', [make([2, 3], F32), [1, 2], [0]])
    E('error: repeat_interleave size mismatch', 'repeat_interleave', [make([2, 3], F32), torch.tensor([1, 2, 3]), 0])
    E('error: repeat_interleave negative', 'repeat_interleave', [make([2, 3], F32), torch.tensor([-1, 2]), 0])
    E('error: sum_to_size not expandable', 'sum_to_size', [make([2, 3], F32), [4]])
    E('error: broadcast_to too few dims', 'broadcast_to', [make([2, 3], F32), [3]])
    E('error: diag 3-d', 'diag', [make([2, 3, 4], F32)])
    E('error: trace vector', 'trace', [make([3], F32)])
    E('error: outer 2-d self', 'outer', [make([2, 3], F32), make([3], F32)])
    E('error: outer 2-d vec2', 'outer', [make([3], F32), make([2, 3], F32)])
    E('error: take int32 index', 'take', [make([2, 3], F32), torch.tensor([1], dtype=I32)])
    E('error: take out of range', 'take', [make([2, 3], F32), torch.tensor([10])])
    E('error: take negative out of range', 'take', [make([2, 3], F32), torch.tensor([-7])])
    E('error: masked_select float mask', 'masked_select', [make([3], F32), torch.ones(3)])
    E('error: masked_select shape', 'masked_select', [make([2, 3], F32), torch.ones(4, dtype=BOOL)])


def math():
    special = torch.tensor([1.5, float('inf'), float('-inf'), float('nan'), -0.25, 0.0])
    for dt in (F32, F64, F16):
        v = special.to(dt)
        M(f'isinf {G.dtname(dt)}', 'isinf', [v], grad=False)
        M(f'isfinite {G.dtname(dt)}', 'isfinite', [v], grad=False)
        M(f'nan_to_num {G.dtname(dt)}', 'nan_to_num', [v], grad=False)
    M('isinf int', 'isinf', [make([3], I64)], grad=False)
    M('isfinite bool', 'isfinite', [make([3], BOOL)], grad=False)
    M('nan_to_num values', 'nan_to_num', [special.to(F64), 1.5, 100.5, -100.5], grad=False)
    M('nan_to_num int', 'nan_to_num', [make([3], I64)], grad=False)
    M('nan_to_num grad', 'nan_to_num', [torch.tensor([1.5, float('inf'), float('nan'), -2.5], dtype=F64)])
    a = make([3, 4], F64)
    M('clamp_min 0.1', 'clamp_min', [a, 0.1])
    M('clamp_max -0.1', 'clamp_max', [a, -0.1])
    M('clamp_min int', 'clamp_min', [make([4], I64), 2], grad=False)
    M('clamp_min int float bound', 'clamp_min', [make([4], I64), 0.5], grad=False)
    M('clamp_max tensor', 'clamp_max', [a, make([4], F64)])
    for w in (0.25, 0.75):
        M(f'lerp scalar {w}', 'lerp', [make([3, 4], F64), make([4], F64), w])
    M('lerp tensor weight', 'lerp', [make([3, 4], F64), make([3, 4], F64), make([4], F64, 'contig', 'unit') * 0.5])
    M('lerp f32', 'lerp', [make([5], F32), make([5], F32), 0.3])
    E('error: lerp end dtype', 'lerp', [make([3], F32), make([3], F64), 0.5])
    E('error: lerp int', 'lerp', [make([2], I64), make([2], I64), 0.5])
    M('addcmul', 'addcmul', [make([3, 4], F64), make([4], F64), make([3, 1], F64)])
    M('addcmul value', 'addcmul', [make([3, 4], F64), make([3, 4], F64), make([3, 4], F64)], {'value': 0.5})
    M('addcmul int', 'addcmul', [make([3], I64), make([3], I64), make([3], I64)], {'value': 2}, grad=False)
    M('addcmul promotes', 'addcmul', [make([3], F32), make([3], I64), make([3], F64)])
    M('addcdiv value', 'addcdiv', [make([3, 4], F64), make([3, 4], F64), make([4], F64, 'contig', 'pos')], {'value': -0.5})
    M('addcdiv float32', 'addcdiv', [make([4], F32), make([4], F32), make([4], F32, 'contig', 'pos')])
    E('error: addcdiv int', 'addcdiv', [make([2], I64), make([2], I64), make([2], I64)])
    M('fmod scalar', 'fmod', [make([3, 4], F64) * 4, 1.5])
    M('fmod tensor', 'fmod', [make([3, 4], F64) * 4, make([4], F64, 'contig', 'pos') * torch.tensor([1., -1., 1., -1.], dtype=F64)])
    M('fmod int', 'fmod', [torch.tensor([-7, -3, 3, 7]), torch.tensor([2, -2, 2, -3])], grad=False)
    M('fmod int scalar', 'fmod', [torch.tensor([-7, -3, 3, 7]), 3], grad=False)
    for op, dom in (('tan', 'any'), ('sinh', 'any'), ('cosh', 'any'), ('atan', 'any'), ('exp2', 'any'), ('sgn', 'any')):
        # sgn's gradient is an unmaterialised ZeroTensor in 1.13: values only.
        M(f'{op} f64', op, [make([3, 4], F64, 't', dom)], grad=op != 'sgn')
        M(f'{op} f32', op, [make([5], F32, 'contig', dom)], grad=op != 'sgn')
        M(f'{op} int', op, [make([4], I64)], grad=False)
    for op in ('asin', 'acos'):
        M(f'{op} f64', op, [make([3, 4], F64).clamp(-0.9, 0.9)])
        M(f'{op} f32', op, [torch.tensor([-1.0, -0.999, -0.5, 0.0, 0.3, 0.999, 1.0, 1.5])], grad=False)
    M('sinh small', 'sinh', [torch.tensor([1e-8, -3e-5, 0.0], dtype=F64)])
    M('logit', 'logit', [make([6], F64, 'contig', 'unit') * 0.5])
    M('logit eps', 'logit', [torch.tensor([0.01, 0.3, 0.5, 0.95, 0.999], dtype=F64), 0.05])
    M('logit int', 'logit', [torch.tensor([0, 1])], grad=False)
    M('hypot', 'hypot', [make([3, 4], F64), make([4], F64)])
    E('error: hypot int', 'hypot', [make([2], I64), make([2], I64)])
    M('logaddexp', 'logaddexp', [make([3, 4], F64), make([3, 1], F64)])
    M('logaddexp infs', 'logaddexp', [torch.tensor([float('-inf'), float('inf'), 1.5, float('-inf')]),
                                      torch.tensor([float('-inf'), float('inf'), float('-inf'), 0.5])], grad=False)
    E('error: logaddexp int', 'logaddexp', [make([2], I64), make([2], I64)])
    M('xlogy', 'xlogy', [torch.tensor([0.0, 0.0, 1.5, 2.5, 0.0], dtype=F64), torch.tensor([0.0, 2.5, 3.5, 0.5, float('nan')], dtype=F64)])
    M('xlogy scalar', 'xlogy', [make([4], F64, 'contig', 'pos'), 2.5])
    M('xlogy int', 'xlogy', [torch.tensor([0, 1, 2]), torch.tensor([3, 4, 5])], grad=False)
    M('square_', 'square_', [make([3], F32)], grad=False)
    M('square_ int', 'square_', [make([3], I64)], grad=False)
    M('floor_', 'floor_', [make([4], F64) * 3], grad=False)
    M('round_', 'round_', [torch.tensor([0.5, 1.5, 2.5, -0.5, -1.7])], grad=False)
    M('clamp_max_', 'clamp_max_', [make([4], F32), 0.1], grad=False)
    M('lerp_ tensor weight', 'lerp_', [make([4], F64), make([4], F64), torch.full([4], 0.3, dtype=F64)], grad=False)
    E('error: sin_ on int', 'sin_', [make([3], I64)])


def norms():
    a = make([3, 4], F64, 't')
    for p in (2, 1, 3.5, float('inf'), float('-inf'), 0):
        name = f'norm p={p}'
        M(name, 'norm', [a, p])
        M(f'{name} dim 1 keepdim', 'norm', [a, p, 1, True])
    M('norm default', 'norm', [make([2, 3, 4], F32)])
    M('norm fro dims (0, 2)', 'norm', [make([2, 3, 4], F64), 'fro', [0, 2]])
    M('norm zero row', 'norm', [torch.tensor([[0.0, 0.0], [3.0, 4.0]], dtype=F64), 2, 1])
    M('norm inf ties', 'norm', [torch.tensor([1.5, -2.5, 2.5, 0.5], dtype=F64), float('inf')])
    E('error: norm int', 'norm', [make([3], I64)])


def sorting():
    for lay in ('contig', 't'):
        x = distinct([4, 5])
        if lay == 't':
            x = distinct([5, 4]).t()
        M(f'sort dim -1 {lay}', 'sort', [x])
        M(f'sort dim 0 descending {lay}', 'sort', [x, 0, True])
        M(f'argsort {lay}', 'argsort', [x, 1])
        M(f'topk 2 {lay}', 'topk', [x, 2])
        M(f'topk 3 smallest dim 0 {lay}', 'topk', [x, 3, 0, False])
        M(f'kthvalue 2 {lay}', 'kthvalue', [x, 2])
        M(f'kthvalue 3 dim 0 keepdim {lay}', 'kthvalue', [x, 3, 0, True])
        M(f'median dim 1 {lay}', 'median', [x, 1])
    M('sort nan', 'sort', [torch.tensor([2.5, float('nan'), -1.5, float('inf'), 0.5])], grad=False)
    M('sort nan descending', 'sort', [torch.tensor([2.5, float('nan'), -1.5, float('-inf'), 0.5]), 0, True], grad=False)
    M('sort stable ties', 'sort', [torch.tensor([2, 1, 2, 1, 3, 1])], {'stable': True}, grad=False)
    M('sort stable ties descending', 'sort', [torch.tensor([2, 1, 2, 1, 3, 1])], {'stable': True, 'dim': 0, 'descending': True}, grad=False)
    M('sort int32', 'sort', [torch.tensor([5, -3, 9, 0], dtype=I32)], grad=False)
    M('sort bool', 'sort', [torch.tensor([True, False, True, False])], {'stable': True}, grad=False)
    M('sort f16', 'sort', [distinct([6], F16)], grad=False)
    M('sort 0-d', 'sort', [torch.tensor(1.5, dtype=F64)])
    M('topk int64', 'topk', [torch.tensor([4, 9, 1, 7]), 2], grad=False)
    M('median all odd', 'median', [distinct([3, 3])])
    M('median all even', 'median', [distinct([2, 3])])
    M('median all ties grad', 'median', [torch.tensor([1.5, 0.5, 1.5, 2.5, 1.5], dtype=F64)])
    M('median all nan', 'median', [torch.tensor([1.5, float('nan'), 0.5])], grad=False)
    M('median dim nan', 'median', [torch.tensor([[1.5, float('nan'), 0.5], [2.5, 1.5, 0.5]]), 1], grad=False)
    M('median int', 'median', [torch.tensor([5, 1, 3, 2])], grad=False)
    E('error: sort dim out of range', 'sort', [make([2, 3], F32), 5])
    E('error: topk k too big', 'topk', [make([2, 3], F32), 5])
    E('error: kthvalue k too big', 'kthvalue', [make([2, 3], F32), 4])
    E('error: kthvalue k zero', 'kthvalue', [make([2, 3], F32), 0])
    E('error: median empty dim', 'median', [torch.zeros(2, 0), 1])
    for lay in ('contig', 't'):
        M(f'cumsum dim 1 {lay}', 'cumsum', [make([3, 4], F64, lay), 1])
        M(f'cumsum dim 0 {lay}', 'cumsum', [make([3, 4], F32, lay), 0])
        M(f'cumprod dim 1 {lay}', 'cumprod', [make([3, 4], F64, lay), 1])
    M('cumsum int32 gives int64', 'cumsum', [make([5], I32), 0], grad=False)
    M('cumsum bool gives int64', 'cumsum', [make([5], BOOL), 0], grad=False)
    M('cumsum dtype float64', 'cumsum', [make([5], I64), 0], {'dtype': 'float64'}, grad=False)
    M('cumsum f16', 'cumsum', [make([6], F16), 0], grad=False)
    M('cumsum 0-d', 'cumsum', [torch.tensor(2.5, dtype=F64), 0])
    M('cumprod int', 'cumprod', [torch.tensor([1, 2, -3, 4]), 0], grad=False)
    M('cumprod one zero', 'cumprod', [torch.tensor([[1.5, 0.0, 2.0, -0.5], [0.5, 2.0, 0.0, 0.0]], dtype=F64), 1])
    E('error: cumsum dim', 'cumsum', [make([2, 3], F32), 3])


def scatters():
    x = make([3, 5], F64)
    idx = torch.tensor([[0, 4, 2], [1, 0, 3]])
    M('scatter src', 'scatter', [x, 1, idx, make([2, 3], F64)])
    M('scatter src larger than index', 'scatter', [x, 1, idx, make([3, 4], F64)], grad=False)
    M('scatter value', 'scatter', [x, 0, torch.tensor([[2, 0, 1, 0, 2]]), 1.5])
    M('scatter reduce add', 'scatter', [x, 1, idx, make([2, 3], F64)], {'reduce': 'add'}, grad=False)
    M('scatter int', 'scatter', [make([2, 4], I64), 1, torch.tensor([[3], [0]]), torch.tensor([[7], [9]])], grad=False)
    M('scatter_ src', 'scatter_', [make([3, 5], F32), 1, idx, make([2, 3], F32)], grad=False)
    M('scatter_ value', 'scatter_', [make([2, 3], F32), 1, torch.tensor([[1], [2]]), -2.5], grad=False)
    M('scatter_add_', 'scatter_add_', [make([3, 5], F32), 1, torch.tensor([[0, 0, 2]]), make([1, 3], F32)], grad=False)
    M('index_add_', 'index_add_', [make([4, 2], F64), 0, torch.tensor([3, 0, 3]), make([3, 2], F64)], grad=False)
    M('index_add_ alpha', 'index_add_', [make([4, 2], F64), 0, torch.tensor([3, 0]), make([2, 2], F64)], {'alpha': 2.5}, grad=False)
    M('index_fill', 'index_fill', [make([3, 4], F64), 1, torch.tensor([0, 2]), -1.5])
    M('index_fill negative index', 'index_fill', [make([3, 4], F64), 0, torch.tensor([-1]), 2.5])
    M('index_fill int', 'index_fill', [make([3, 4], I64), 0, torch.tensor([1]), 7], grad=False)
    M('index_fill_', 'index_fill_', [make([3, 4], F32), 1, torch.tensor([3]), 0.5], grad=False)
    E('error: scatter int32 index', 'scatter', [x, 1, idx.to(I32), 1.5])
    E('error: scatter index out of bounds', 'scatter', [x, 1, torch.tensor([[5]]), 1.5])
    E('error: index_fill 2-d index', 'index_fill', [x, 1, torch.tensor([[0]]), 1.5])


def main():
    factories()
    shapes()
    math()
    norms()
    sorting()
    scatters()
    path = os.path.join(G.OUT, T + '.json')
    with open(path, 'w') as f:
        json.dump({'generator': 'tooling/goldens/gen_tensor_methods.py', 'torch': torch.__version__,
                   'cases': TOPICS[T]}, f, separators=(',', ':'))
        f.write('\n')
    print(f'{path}: {os.path.getsize(path)} bytes, {len(TOPICS[T])} cases')
    if G.SKIPPED:
        print('skipped (PyTorch raised unexpectedly):')
        for s in G.SKIPPED:
            print('  ', s)


if __name__ == '__main__':
    main()
