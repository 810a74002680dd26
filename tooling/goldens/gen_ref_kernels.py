"""Writes packages/core/fixtures/kernels/*.json: real PyTorch results for the reference backend's
heavy kernels (BatchMatMul, convolutions, pooling, softmax, indexing, concat, arg-reductions).

Run with Debian's python3-torch (PyTorch 1.13, CPU):
    /usr/bin/python3 tooling/goldens/gen_ref_kernels.py

Each case names a kernel, its inputs as the kernel SPI sees them (a storage buffer plus shape,
strides and storage offset, so non-contiguous views are replayed exactly), the kernel's attrs
(with the SPI's camelCase names), and either PyTorch's outputs or the error PyTorch raised.
Encoding: float16/bfloat16 as raw bit patterns, NaN/Infinity as the strings "nan"/"inf"/"-inf",
bool as 0/1, int64 as exact JSON numbers.
"""
import json
import math
import os

import torch
import torch.nn.functional as F

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'packages', 'core', 'fixtures', 'kernels')
torch.manual_seed(1234)
HALF = (torch.float16, torch.bfloat16)


def dtname(dt):
    return str(dt).replace('torch.', '')


def flat(t):
    t = t.reshape(-1)
    if t.dtype in HALF:
        return [v & 0xFFFF for v in t.view(torch.int16).tolist()]
    if t.dtype == torch.bool:
        return [int(v) for v in t.tolist()]
    if t.dtype.is_floating_point:
        return [('nan' if math.isnan(v) else ('inf' if v > 0 else '-inf')) if not math.isfinite(v) else v
                for v in t.tolist()]
    return t.tolist()


def enc_view(t):
    """A tensor as the SPI sees it: its whole storage, shape, strides and offset."""
    base = torch.empty(0, dtype=t.dtype).set_(t.storage())
    return {'dtype': dtname(t.dtype), 'shape': list(t.shape), 'strides': list(t.stride()),
            'offset': t.storage_offset(), 'storage': flat(base)}


def enc_out(t):
    return {'dtype': dtname(t.dtype), 'shape': list(t.shape), 'data': flat(t.contiguous())}


def run_case(cases, name, kernel, inputs, attrs, fn):
    """Calls fn() and records either its outputs or PyTorch's error."""
    case = {'name': name, 'kernel': kernel, 'attrs': attrs, 'inputs': {}}
    for k, v in inputs.items():
        if v is None:
            case['inputs'][k] = None
        elif isinstance(v, (list, tuple)):
            case['inputs'][k] = [enc_view(t) for t in v]
        else:
            case['inputs'][k] = enc_view(v)
    try:
        r = fn()
    except (RuntimeError, IndexError, ValueError) as e:
        case['error'] = {'type': type(e).__name__, 'message': str(e).split('\n')[0]}
        cases.append(case)
        return
    outs = list(r) if isinstance(r, (list, tuple)) else [r]
    case['outputs'] = [enc_out(o) for o in outs]
    cases.append(case)


def rnd(shape, dtype=torch.float32):
    if dtype.is_floating_point:
        return torch.randn(*shape).to(dtype)
    if dtype == torch.bool:
        return torch.randint(0, 2, shape).bool()
    return torch.randint(-5, 6, shape).to(dtype)


def write(topic, cases):
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, topic + '.json')
    with open(path, 'w') as f:
        json.dump({'generator': 'tooling/goldens/gen_ref_kernels.py', 'torch': torch.__version__, 'cases': cases},
                  f, separators=(',', ':'))
    print(path, len(cases), 'cases', os.path.getsize(path), 'bytes')


# --------------------------------------------------------------------------------------------
def matmul_cases():
    cases = []
    for dt in (torch.float32, torch.float64, torch.bfloat16, torch.int64, torch.int32):
        a, b = rnd((2, 5, 7), dt), rnd((2, 7, 6), dt)
        run_case(cases, f'bmm {dtname(dt)}', 'BatchMatMul', {'a': a, 'b': b}, {}, lambda: torch.bmm(a, b))
    a = rnd((3, 9, 4))
    b = rnd((3, 10, 9))
    at, bt = a.transpose(1, 2), b.transpose(1, 2)  # [3,4,9] x [3,9,10], both column-major
    run_case(cases, 'bmm transposed views', 'BatchMatMul', {'a': at, 'b': bt}, {}, lambda: torch.bmm(at, bt))
    a = rnd((1, 6, 5)).expand(4, 6, 5)
    b = rnd((4, 5, 12))[:, :, ::2]
    run_case(cases, 'bmm broadcast batch + sliced columns', 'BatchMatMul', {'a': a, 'b': b}, {}, lambda: torch.bmm(a, b))
    a = rnd((2, 17, 33))[:, 1:, :]
    b = rnd((2, 33, 5))
    run_case(cases, 'bmm offset view, odd sizes', 'BatchMatMul', {'a': a, 'b': b}, {}, lambda: torch.bmm(a, b))
    a, b = rnd((2, 3, 0)), rnd((2, 0, 4))
    run_case(cases, 'bmm k=0', 'BatchMatMul', {'a': a, 'b': b}, {}, lambda: torch.bmm(a, b))
    return cases


def conv_attrs(stride, padding, dilation, groups):
    return {'stride': list(stride), 'padding': list(padding), 'dilation': list(dilation), 'groups': groups}


def conv_cases():
    cases = []
    configs = [
        # (N, C, H, W, O, kh, kw, stride, padding, dilation, groups, bias)
        (2, 3, 7, 6, 4, 3, 3, (1, 1), (1, 1), (1, 1), 1, True),
        (1, 4, 9, 8, 6, 3, 2, (2, 1), (0, 2), (2, 1), 2, False),
        (2, 4, 6, 6, 4, 3, 3, (1, 2), (1, 0), (1, 1), 4, True),   # depthwise
        (1, 5, 5, 5, 3, 1, 1, (1, 1), (0, 0), (1, 1), 1, True),   # 1x1
        (1, 2, 4, 5, 2, 5, 5, (3, 3), (2, 2), (1, 1), 1, True),   # kernel bigger than stride steps
        (1, 6, 4, 5, 8, 1, 1, (1, 1), (0, 0), (1, 1), 1, True),   # 1x1 through gemm without im2col
        (2, 4, 5, 5, 8, 3, 3, (1, 1), (1, 1), (1, 1), 2, True),   # grouped, 4 filters per group: gemm
    ]
    for i, (n, c, h, w, o, kh, kw, s, p, d, g, bias) in enumerate(configs):
        dts = (torch.float32, torch.float64, torch.bfloat16) if i == 0 else (torch.float32,)
        for dt in dts:
            x = rnd((n, c, h, w), dt)
            wt = rnd((o, c // g, kh, kw), dt)
            b = rnd((o,), dt) if bias else None
            run_case(cases, f'conv2d #{i} {dtname(dt)}', 'Conv2D', {'x': x, 'weight': wt, 'bias': b},
                     conv_attrs(s, p, d, g), lambda: F.conv2d(x, wt, b, s, p, d, g))
    x3 = rnd((2, 5, 6, 3)).permute(0, 3, 1, 2)  # channels-last view of [2,3,5,6]
    wt3 = rnd((4, 3, 3, 3)).permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2)
    run_case(cases, 'conv2d channels-last views', 'Conv2D', {'x': x3, 'weight': wt3, 'bias': None},
             conv_attrs((1, 1), (1, 1), (1, 1), 1), lambda: F.conv2d(x3, wt3, None, 1, 1, 1, 1))
    return cases


def convt_cases():
    cases = []
    configs = [
        # (N, Cin, H, W, Cout, kh, kw, stride, padding, output_padding, dilation, groups, bias)
        (2, 3, 4, 5, 2, 3, 3, (1, 1), (0, 0), (0, 0), (1, 1), 1, True),
        (1, 4, 3, 4, 6, 3, 2, (2, 3), (1, 0), (1, 2), (1, 1), 2, False),
        (1, 2, 5, 3, 4, 2, 3, (2, 2), (1, 1), (0, 1), (2, 2), 2, True),
        (2, 3, 3, 3, 3, 4, 4, (2, 2), (1, 1), (0, 0), (1, 1), 3, True),
        # >= 4 input channels per group take the gemm + col2im path (the ones above loop directly)
        (1, 8, 4, 3, 6, 3, 3, (2, 2), (1, 1), (1, 0), (1, 2), 2, True),
        (2, 5, 3, 4, 3, 2, 2, (1, 1), (0, 0), (0, 0), (1, 1), 1, True),
    ]
    for i, (n, ci, h, w, co, kh, kw, s, p, op, d, g, bias) in enumerate(configs):
        # bfloat16 is left out: PyTorch 1.13 has no CPU bfloat16 slow_conv_transpose2d.
        dts = (torch.float32, torch.float64) if i in (0, 4) else (torch.float32,)
        for dt in dts:
            x = rnd((n, ci, h, w), dt)
            wt = rnd((ci, co // g, kh, kw), dt)
            b = rnd((co,), dt) if bias else None
            attrs = dict(conv_attrs(s, p, d, g), outputPadding=list(op))
            run_case(cases, f'conv_transpose2d #{i} {dtname(dt)}', 'ConvTranspose2D', {'x': x, 'weight': wt, 'bias': b},
                     attrs, lambda: F.conv_transpose2d(x, wt, b, s, p, op, g, d))
    x = rnd((1, 4, 5, 2)).permute(0, 3, 1, 2)
    wt = rnd((2, 3, 3, 3))
    attrs = dict(conv_attrs((2, 1), (0, 1), (1, 1), 1), outputPadding=[1, 0])
    run_case(cases, 'conv_transpose2d strided input', 'ConvTranspose2D', {'x': x, 'weight': wt, 'bias': None}, attrs,
             lambda: F.conv_transpose2d(x, wt, None, (2, 1), (0, 1), (1, 0), 1, 1))
    return cases


def conv_filter_cases():
    cases = []
    configs = [
        (2, 3, 7, 6, 4, 3, 3, (1, 1), (1, 1), (1, 1), 1),
        (1, 4, 9, 8, 6, 3, 2, (2, 1), (0, 2), (2, 1), 2),
        (2, 4, 6, 6, 4, 3, 3, (1, 2), (1, 0), (1, 1), 4),
        (2, 4, 6, 5, 8, 3, 3, (1, 1), (1, 1), (1, 1), 2),   # 4 filters per group: gemm path
    ]
    for i, (n, c, h, w, o, kh, kw, s, p, d, g) in enumerate(configs):
        for dt in ((torch.float32, torch.float64) if i == 0 else (torch.float32,)):
            x = rnd((n, c, h, w), dt)
            wt = rnd((o, c // g, kh, kw), dt).requires_grad_()
            y = F.conv2d(x, wt, None, s, p, d, g)
            dy = rnd(tuple(y.shape), dt)
            y.backward(dy)
            gw = wt.grad.detach()
            attrs = dict(conv_attrs(s, p, d, g), weightShape=list(wt.shape))
            run_case(cases, f'conv2d weight grad #{i} {dtname(dt)}', 'Conv2DBackpropFilter', {'x': x, 'dy': dy}, attrs,
                     lambda: gw)
    x = rnd((2, 6, 5, 3)).permute(0, 3, 1, 2)
    wt = rnd((2, 3, 2, 2)).requires_grad_()
    y = F.conv2d(x, wt, None, 1, 0, 1, 1)
    dyb = rnd((2, 5, 4, 2))
    dy = dyb.permute(0, 3, 1, 2)
    y.backward(dy)
    gw = wt.grad.detach()
    run_case(cases, 'conv2d weight grad strided', 'Conv2DBackpropFilter', {'x': x, 'dy': dy},
             dict(conv_attrs((1, 1), (0, 0), (1, 1), 1), weightShape=[2, 3, 2, 2]), lambda: gw)
    return cases


def pool_cases():
    cases = []
    configs = [
        # (shape, k, s, p, d, ceil)
        ((2, 3, 6, 7), (2, 2), (2, 2), (0, 0), (1, 1), False),
        ((1, 2, 7, 7), (3, 3), (2, 2), (1, 1), (1, 1), True),
        ((1, 2, 8, 9), (3, 2), (2, 3), (1, 1), (2, 1), False),
        ((1, 1, 5, 5), (2, 2), (2, 2), (1, 1), (1, 1), True),   # last window would start in the right pad
        ((1, 2, 6, 5), (3, 3), (1, 1), (0, 1), (1, 2), True),
    ]
    for i, (shape, k, s, p, d, ceil) in enumerate(configs):
        for dt in ((torch.float32, torch.float64, torch.bfloat16) if i == 1 else (torch.float32,)):
            x = rnd(shape, dt)
            run_case(cases, f'max_pool2d #{i} {dtname(dt)}', 'MaxPool2D', {'x': x},
                     {'kernelSize': list(k), 'stride': list(s), 'padding': list(p), 'dilation': list(d), 'ceilMode': ceil},
                     lambda: F.max_pool2d(x, k, s, p, d, ceil, True))
    x = torch.tensor([[[[1., 3., 3., 0.], [3., 1., 2., 2.], [0., 0., 2., 2.]]]])
    run_case(cases, 'max_pool2d ties', 'MaxPool2D', {'x': x},
             {'kernelSize': [2, 2], 'stride': [1, 1], 'padding': [0, 0], 'dilation': [1, 1], 'ceilMode': False},
             lambda: F.max_pool2d(x, 2, 1, 0, 1, False, True))
    nan, inf = float('nan'), float('inf')
    x = torch.tensor([[[[nan, 1., -inf, -inf], [2., nan, -inf, -inf], [1., 2., 3., nan]]]])
    run_case(cases, 'max_pool2d nan and -inf', 'MaxPool2D', {'x': x},
             {'kernelSize': [2, 2], 'stride': [1, 2], 'padding': [0, 0], 'dilation': [1, 1], 'ceilMode': True},
             lambda: F.max_pool2d(x, 2, (1, 2), 0, 1, True, True))
    x = rnd((2, 6, 5, 3)).permute(0, 3, 1, 2)[:, 1:]
    run_case(cases, 'max_pool2d strided view', 'MaxPool2D', {'x': x},
             {'kernelSize': [2, 3], 'stride': [1, 2], 'padding': [1, 1], 'dilation': [1, 1], 'ceilMode': False},
             lambda: F.max_pool2d(x, (2, 3), (1, 2), 1, 1, False, True))

    avg = [
        # (shape, k, s, p, ceil, count_include_pad, divisor_override)
        ((2, 3, 6, 7), (2, 2), (2, 2), (0, 0), False, True, None),
        ((1, 2, 7, 7), (3, 3), (2, 2), (1, 1), True, True, None),
        ((1, 2, 7, 7), (3, 3), (2, 2), (1, 1), True, False, None),
        ((1, 2, 8, 5), (3, 2), (2, 3), (1, 1), False, False, None),
        ((1, 2, 5, 5), (2, 2), (2, 2), (1, 1), True, True, None),
        ((1, 2, 5, 6), (3, 3), (2, 2), (1, 1), False, True, 5),
        ((1, 1, 4, 4), (4, 4), (3, 3), (2, 2), True, True, None),
        ((1, 1, 4, 4), (4, 4), (3, 3), (2, 2), True, False, None),
    ]
    for i, (shape, k, s, p, ceil, cip, div) in enumerate(avg):
        for dt in ((torch.float32, torch.float64, torch.bfloat16) if i == 1 else (torch.float32,)):
            x = rnd(shape, dt)
            attrs = {'kernelSize': list(k), 'stride': list(s), 'padding': list(p), 'ceilMode': ceil,
                     'countIncludePad': cip, 'divisorOverride': div}
            run_case(cases, f'avg_pool2d #{i} {dtname(dt)}', 'AvgPool2D', {'x': x}, attrs,
                     lambda: F.avg_pool2d(x, k, s, p, ceil, cip, div))
            xg = x.clone().requires_grad_()
            y = F.avg_pool2d(xg, k, s, p, ceil, cip, div)
            dy = rnd(tuple(y.shape), dt)
            y.backward(dy)
            gx = xg.grad.detach()
            run_case(cases, f'avg_pool2d backward #{i} {dtname(dt)}', 'AvgPool2DBackward', {'dy': dy, 'x': x}, attrs,
                     lambda: gx)
    x = rnd((2, 6, 5, 3)).permute(0, 3, 1, 2)
    attrs = {'kernelSize': [2, 2], 'stride': [1, 1], 'padding': [1, 0], 'ceilMode': False,
             'countIncludePad': False, 'divisorOverride': None}
    run_case(cases, 'avg_pool2d strided view', 'AvgPool2D', {'x': x}, attrs,
             lambda: F.avg_pool2d(x, 2, 1, (1, 0), False, False, None))
    xg = x.clone().requires_grad_()
    y = F.avg_pool2d(xg, 2, 1, (1, 0), False, False, None)
    dy = rnd((2, 3, 4, 7)).permute(0, 1, 3, 2)
    y.backward(dy)
    gx = xg.grad.detach()
    run_case(cases, 'avg_pool2d backward strided', 'AvgPool2DBackward', {'dy': dy, 'x': x}, attrs, lambda: gx)
    return cases


def softmax_cases():
    cases = []
    for kname, fn in (('Softmax', F.softmax), ('LogSoftmax', F.log_softmax)):
        for dt in (torch.float32, torch.float64, torch.bfloat16):
            for axis in (0, 1, 2):
                x = rnd((3, 4, 5), dt)
                run_case(cases, f'{kname} {dtname(dt)} axis {axis}', kname, {'x': x}, {'axis': axis},
                         lambda: fn(x, dim=axis))
        x = rnd((4, 6)).t()[:, 1:]
        run_case(cases, f'{kname} strided view', kname, {'x': x}, {'axis': 1}, lambda: fn(x, dim=1))
        x = torch.tensor([[1000., 1001., 999.], [-1000., -1e4, -999.], [float('-inf'), 0., 1.],
                          [float('-inf'), float('-inf'), float('-inf')]])
        run_case(cases, f'{kname} extreme values', kname, {'x': x}, {'axis': 1}, lambda: fn(x, dim=1))
        x = torch.tensor(2.5)
        run_case(cases, f'{kname} scalar', kname, {'x': x}, {'axis': 0}, lambda: fn(x, dim=0))
    return cases


def indexing_cases():
    cases = []
    for dt in (torch.float32, torch.int64, torch.bool, torch.float16):
        x = rnd((3, 4, 5), dt)
        for axis in (0, 1, 2):
            shape = [2, 3, 4]
            idx = torch.randint(0, x.shape[axis], shape)
            run_case(cases, f'gather {dtname(dt)} axis {axis}', 'Gather', {'x': x, 'index': idx}, {'axis': axis},
                     lambda: torch.gather(x, axis, idx))
    x = rnd((5, 4)).t()
    idx = torch.randint(0, 5, (6, 4)).t()[:3]
    run_case(cases, 'gather strided', 'Gather', {'x': x, 'index': idx}, {'axis': 1}, lambda: torch.gather(x, 1, idx))
    x = rnd((2, 3))
    idx = torch.tensor([[0, 5]])
    run_case(cases, 'gather out of range', 'Gather', {'x': x, 'index': idx}, {'axis': 1}, lambda: torch.gather(x, 1, idx))
    idx = torch.tensor([[0], [-1]])
    run_case(cases, 'gather negative', 'Gather', {'x': x, 'index': idx}, {'axis': 1}, lambda: torch.gather(x, 1, idx))

    for dt in (torch.float32, torch.float64, torch.int64, torch.int32):
        x = rnd((4, 3, 2), dt)
        for axis in (0, 1, 2):
            idx = torch.randint(0, x.shape[axis], (3, 2, 2))
            src = rnd((4, 3, 3), dt)
            run_case(cases, f'scatter_add {dtname(dt)} axis {axis}', 'ScatterAdd', {'x': x, 'index': idx, 'src': src},
                     {'axis': axis}, lambda: x.scatter_add(axis, idx, src))
    x = rnd((3, 4)).t()
    idx = torch.tensor([[0, 0, 2], [1, 1, 1], [2, 0, 0], [2, 2, 2]])
    src = rnd((3, 4)).t()
    run_case(cases, 'scatter_add strided duplicates', 'ScatterAdd', {'x': x, 'index': idx, 'src': src}, {'axis': 1},
             lambda: x.scatter_add(1, idx, src))
    x = rnd((2, 3))
    idx = torch.tensor([[3]])
    src = rnd((2, 3))
    run_case(cases, 'scatter_add out of range', 'ScatterAdd', {'x': x, 'index': idx, 'src': src}, {'axis': 1},
             lambda: x.scatter_add(1, idx, src))

    for dt in (torch.float32, torch.int64, torch.bool, torch.bfloat16):
        x = rnd((4, 3, 5), dt)
        for axis in (0, 1, 2):
            idx = torch.randint(0, x.shape[axis], (6,))
            run_case(cases, f'index_select {dtname(dt)} axis {axis}', 'IndexSelect', {'x': x, 'index': idx},
                     {'axis': axis}, lambda: torch.index_select(x, axis, idx))
    x = rnd((5, 4)).t()
    idx = torch.tensor([4, 0, 4, 2, 1, 0, 3])[::2]
    run_case(cases, 'index_select strided', 'IndexSelect', {'x': x, 'index': idx}, {'axis': 1},
             lambda: torch.index_select(x, 1, idx))
    idx = torch.tensor([0, 4])
    run_case(cases, 'index_select out of range', 'IndexSelect', {'x': x, 'index': idx}, {'axis': 0},
             lambda: torch.index_select(x, 0, idx))
    idx = torch.tensor([-1])
    run_case(cases, 'index_select negative', 'IndexSelect', {'x': x, 'index': idx}, {'axis': 0},
             lambda: torch.index_select(x, 0, idx))

    for dt in (torch.float32, torch.float64, torch.int64):
        x = rnd((4, 3, 5), dt)
        for axis in (0, 1, 2):
            idx = torch.randint(0, x.shape[axis], (4,))
            sshape = list(x.shape)
            sshape[axis] = 4
            src = rnd(tuple(sshape), dt)
            run_case(cases, f'index_add {dtname(dt)} axis {axis}', 'IndexAdd', {'x': x, 'index': idx, 'src': src},
                     {'axis': axis}, lambda: x.index_add(axis, idx, src))
    x = rnd((5, 4)).t()
    idx = torch.tensor([1, 1, 3])
    src = rnd((3, 4)).t()
    run_case(cases, 'index_add strided duplicates', 'IndexAdd', {'x': x, 'index': idx, 'src': src}, {'axis': 1},
             lambda: x.index_add(1, idx, src))
    x = rnd((3, 2))
    idx = torch.tensor([3])
    src = rnd((1, 2))
    run_case(cases, 'index_add out of range', 'IndexAdd', {'x': x, 'index': idx, 'src': src}, {'axis': 0},
             lambda: x.index_add(0, idx, src))
    # 0-d tensors: dim 0 of a scalar is allowed, as in PyTorch.
    sx, s0 = torch.tensor(5.), torch.tensor(0)
    run_case(cases, 'gather scalar', 'Gather', {'x': sx, 'index': s0}, {'axis': 0}, lambda: torch.gather(sx, 0, s0))
    run_case(cases, 'scatter_add scalar', 'ScatterAdd', {'x': sx, 'index': s0, 'src': torch.tensor(2.)}, {'axis': 0},
             lambda: sx.scatter_add(0, s0, torch.tensor(2.)))
    run_case(cases, 'index_select scalar', 'IndexSelect', {'x': sx, 'index': torch.tensor([0])}, {'axis': 0},
             lambda: torch.index_select(sx, 0, torch.tensor([0])))
    run_case(cases, 'index_add scalar', 'IndexAdd', {'x': sx, 'index': torch.tensor([0]), 'src': torch.tensor(2.)},
             {'axis': 0}, lambda: sx.index_add(0, torch.tensor([0]), torch.tensor(2.)))
    return cases


def concat_cases():
    cases = []
    for dt in (torch.float32, torch.int64, torch.bool, torch.float16, torch.uint8):
        for axis in (0, 1, 2):
            ts = []
            for n in (2, 1, 3):
                shape = [2, 3, 4]
                shape[axis] = n
                ts.append(rnd(tuple(shape), dt))
            run_case(cases, f'cat {dtname(dt)} axis {axis}', 'Concat', {'tensors': ts}, {'axis': axis},
                     lambda: torch.cat(ts, axis))
    a = rnd((4, 3)).t()
    b = rnd((3, 7))[:, ::3]
    c = rnd((3, 0))
    run_case(cases, 'cat strided and empty', 'Concat', {'tensors': [a, b, c]}, {'axis': 1}, lambda: torch.cat([a, b, c], 1))
    a = torch.tensor(0.).new_empty((0,))
    b = rnd((2, 3))
    run_case(cases, 'cat legacy empty 1-D', 'Concat', {'tensors': [a, b, a]}, {'axis': 0}, lambda: torch.cat([a, b, a], 0))
    return cases


def argreduce_cases():
    cases = []
    nan = float('nan')
    tie = torch.tensor([[1., 3., 3., 0.], [2., 2., 2., 2.], [nan, 5., nan, 1.], [0., nan, 7., 7.]])
    tiny = torch.tensor([[1, 3, 3, 0], [2, 2, 2, 2], [-1, 5, 5, -1]], dtype=torch.int32)
    for kname, fn in (('MaxDim', torch.max), ('MinDim', torch.min)):
        for dt in (torch.float32, torch.float64, torch.bfloat16, torch.int64, torch.uint8):
            x = rnd((3, 4, 5), dt)
            if dt == torch.uint8:
                x = torch.randint(0, 4, (3, 4, 5), dtype=dt)
            for axis in (0, 1, 2):
                for keep in (False, True):
                    run_case(cases, f'{kname} {dtname(dt)} axis {axis} keepdim {keep}', kname, {'x': x},
                             {'axis': axis, 'keepdim': keep}, lambda: tuple(fn(x, axis, keep)))
        for axis in (0, 1):
            run_case(cases, f'{kname} ties and nan axis {axis}', kname, {'x': tie}, {'axis': axis, 'keepdim': False},
                     lambda: tuple(fn(tie, axis, False)))
            run_case(cases, f'{kname} int ties axis {axis}', kname, {'x': tiny}, {'axis': axis, 'keepdim': False},
                     lambda: tuple(fn(tiny, axis, False)))
        xs = rnd((4, 6)).t()[1:]
        run_case(cases, f'{kname} strided', kname, {'x': xs}, {'axis': 1, 'keepdim': True}, lambda: tuple(fn(xs, 1, True)))
        b = torch.tensor([[False, True, True], [False, False, False]])
        run_case(cases, f'{kname} bool', kname, {'x': b}, {'axis': 1, 'keepdim': False}, lambda: tuple(fn(b, 1, False)))
        e = torch.empty(2, 0)
        run_case(cases, f'{kname} empty axis', kname, {'x': e}, {'axis': 1, 'keepdim': False}, lambda: tuple(fn(e, 1)))
        sc = torch.tensor(5.)
        run_case(cases, f'{kname} scalar', kname, {'x': sc}, {'axis': 0, 'keepdim': True}, lambda: tuple(fn(sc, 0, True)))
        e2 = torch.empty(0, 3)
        run_case(cases, f'{kname} empty outer', kname, {'x': e2}, {'axis': 1, 'keepdim': True}, lambda: tuple(fn(e2, 1, True)))
    for kname, fn in (('ArgMax', torch.argmax), ('ArgMin', torch.argmin)):
        for dt in (torch.float32, torch.float64, torch.int32):
            x = rnd((3, 4, 5), dt)
            for axis in (None, 0, 1, 2):
                for keep in (False, True):
                    run_case(cases, f'{kname} {dtname(dt)} axis {axis} keepdim {keep}', kname, {'x': x},
                             {'axis': axis, 'keepdim': keep}, lambda: fn(x, axis, keep))
        for axis in (None, 0, 1):
            run_case(cases, f'{kname} ties and nan axis {axis}', kname, {'x': tie}, {'axis': axis, 'keepdim': False},
                     lambda: fn(tie, axis, False))
            run_case(cases, f'{kname} int ties axis {axis}', kname, {'x': tiny}, {'axis': axis, 'keepdim': False},
                     lambda: fn(tiny, axis, False))
        xs = rnd((4, 6)).t()[1:]
        for axis in (None, 0):
            run_case(cases, f'{kname} strided axis {axis}', kname, {'x': xs}, {'axis': axis, 'keepdim': False},
                     lambda: fn(xs, axis, False))
        s = torch.tensor(3.)
        run_case(cases, f'{kname} scalar', kname, {'x': s}, {'axis': None, 'keepdim': False}, lambda: fn(s))
        run_case(cases, f'{kname} scalar dim 0 keepdim', kname, {'x': s}, {'axis': 0, 'keepdim': True}, lambda: fn(s, 0, True))
        e = torch.empty(2, 0)
        run_case(cases, f'{kname} empty axis', kname, {'x': e}, {'axis': 1, 'keepdim': False}, lambda: fn(e, 1))
        run_case(cases, f'{kname} empty flattened', kname, {'x': e}, {'axis': None, 'keepdim': False}, lambda: fn(e))
    return cases


if __name__ == '__main__':
    write('matmul', matmul_cases())
    write('conv', conv_cases() + convt_cases() + conv_filter_cases())
    write('pool', pool_cases())
    write('softmax', softmax_cases())
    write('indexing', indexing_cases())
    write('concat', concat_cases())
    write('argreduce', argreduce_cases())
