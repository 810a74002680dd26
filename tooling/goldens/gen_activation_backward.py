"""Writes packages/core/fixtures/ops/activation_backward.json: the input gradients PyTorch's
ATen backward formulas give for relu, leaky_relu and softplus, including what they do with
NaN inputs, infinite or NaN incoming gradients and values on the branch boundaries (where a
formula written as `g * mask` would turn `inf * 0` into NaN), plus random inputs.

Case: {op, kwargs, dtype, x, g, grad}; numbers as JSON floats (float32 values are exact as
Python floats), NaN/Infinity as "nan"/"inf"/"-inf".

Run with Debian's python3-torch (PyTorch 1.13, CPU):
    /usr/bin/python3 tooling/goldens/gen_activation_backward.py
"""
import json
import math
import os

import torch
import torch.nn.functional as F

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'packages', 'core', 'fixtures', 'ops', 'activation_backward.json')


def enc(values):
    return ['nan' if math.isnan(v) else ('inf' if v > 0 else '-inf') if math.isinf(v) else v for v in values]


OPS = [
    ('relu', {}, lambda t: torch.relu(t)),
    ('leaky_relu', {'negative_slope': 0.01}, lambda t: F.leaky_relu(t, 0.01)),
    ('leaky_relu', {'negative_slope': 0.2}, lambda t: F.leaky_relu(t, 0.2)),
    ('leaky_relu', {'negative_slope': 0.3}, lambda t: F.leaky_relu(t, 0.3)),
    ('softplus', {'beta': 1, 'threshold': 20}, lambda t: F.softplus(t, 1, 20)),
    ('softplus', {'beta': 2, 'threshold': 20}, lambda t: F.softplus(t, 2, 20)),
    ('softplus', {'beta': 0.5, 'threshold': 1}, lambda t: F.softplus(t, 0.5, 1)),
]
SPECIAL_X = [float('nan'), -1.0, 0.0, 2.0, 25.0, -30.0, 1e-3, -0.0, 10.0, 0.5]
SPECIAL_G = [float('inf'), float('inf'), float('nan'), 3.0, float('inf'), 1.5, 0.7, float('-inf'), float('nan'), -2.0]


def case(name, kwargs, fn, dtype, x, g):
    xt = torch.tensor(x, dtype=dtype, requires_grad=True)
    fn(xt).backward(torch.tensor(g, dtype=dtype))
    return {'op': name, 'kwargs': kwargs, 'dtype': str(dtype).replace('torch.', ''),
            'x': enc(xt.detach().tolist()), 'g': enc(torch.tensor(g, dtype=dtype).tolist()), 'grad': enc(xt.grad.tolist())}


if __name__ == '__main__':
    torch.manual_seed(0)
    cases = []
    for dtype in (torch.float32, torch.float64):
        rx = (torch.randn(64, dtype=dtype) * 4).tolist()
        rg = torch.randn(64, dtype=dtype).tolist()
        for name, kwargs, fn in OPS:
            cases.append(case(name, kwargs, fn, dtype, SPECIAL_X, SPECIAL_G))
            cases.append(case(name, kwargs, fn, dtype, rx, rg))
    with open(OUT, 'w') as f:
        json.dump({'torch': torch.__version__, 'cases': cases}, f, separators=(',', ':'))
