"""Writes packages/core/fixtures/ops/hardtanh.json: forward values and input gradients of
F.hardtanh / F.relu6 from PyTorch 1.13's ATen (hardtanh_backward: 0 where x <= min_val or
x >= max_val, the incoming gradient elsewhere, so a NaN input passes it through), with NaN
inputs, infinite and NaN incoming gradients, values on both boundaries and random inputs,
plus integer-dtype forwards (bounds truncated, no promotion) and the bool error.

The special values go in chunks of 6: ATen's CPU kernel runs the scalar formula above on loop
tails shorter than two SIMD vectors (16 float32 / 8 float64 lanes with AVX2) but a vectorized
`(x > min) & (x < max) & g` on full chunks, which zeroes the gradient at a NaN input. The
scalar formula is the one derivatives.yaml and the CUDA kernel give everywhere, so the
goldens pin that one; a longer NaN-bearing vector would depend on its element positions.

Case: {op, min_val, max_val, dtype, x, g, y, grad}; NaN/Infinity as "nan"/"inf"/"-inf".

Run with Debian's python3-torch (PyTorch 1.13, CPU):
    /usr/bin/python3 tooling/goldens/gen_hardtanh.py
"""
import json
import math
import os

import torch
import torch.nn.functional as F

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'packages', 'core', 'fixtures', 'ops', 'hardtanh.json')


def enc(values):
    return ['nan' if isinstance(v, float) and math.isnan(v) else ('inf' if v > 0 else '-inf') if isinstance(v, float) and math.isinf(v) else v for v in values]


SPECIAL_X = [float('nan'), -1.0, 0.0, 2.0, 25.0, -30.0, 1e-3, 6.0, -0.0, 1.0, 0.5, 5.999]
SPECIAL_G = [float('inf'), float('inf'), float('nan'), 3.0, float('inf'), 1.5, 0.7, float('-inf'), 2.0, float('nan'), -2.0, 4.0]
OPS = [
    ('hardtanh', -1.0, 1.0, lambda t: F.hardtanh(t)),
    ('hardtanh', -1.0, 2.0, lambda t: F.hardtanh(t, -1.0, 2.0)),
    ('hardtanh', -0.5, 0.5, lambda t: F.hardtanh(t, -0.5, 0.5)),
    ('relu6', 0.0, 6.0, lambda t: F.relu6(t)),
]


def float_case(op, lo, hi, fn, dtype, x, g):
    xt = torch.tensor(x, dtype=dtype, requires_grad=True)
    y = fn(xt)
    y.backward(torch.tensor(g, dtype=dtype))
    return {'op': op, 'min_val': lo, 'max_val': hi, 'dtype': str(dtype).replace('torch.', ''),
            'x': enc(xt.detach().tolist()), 'g': enc(torch.tensor(g, dtype=dtype).tolist()),
            'y': enc(y.detach().tolist()), 'grad': enc(xt.grad.tolist()), 'grad_fn': type(y.grad_fn).__name__}


def main():
    torch.manual_seed(0)
    cases = []
    for op, lo, hi, fn in OPS:
        for dtype in (torch.float32, torch.float64):
            for k in range(0, len(SPECIAL_X), 6):
                cases.append(float_case(op, lo, hi, fn, dtype, SPECIAL_X[k:k + 6], SPECIAL_G[k:k + 6]))
            x = (torch.randn(16, dtype=dtype) * 4).tolist()
            g = torch.randn(16, dtype=dtype).tolist()
            cases.append(float_case(op, lo, hi, fn, dtype, x, g))
    ints = []
    for dtype in (torch.int64, torch.int32, torch.uint8):
        x = [0, 1, 2, 3, 7, 200] if dtype == torch.uint8 else [-9, -2, -1, 0, 1, 2, 3, 7]
        for lo, hi in ((-1.5, 2.7), (0.0, 6.0)):
            if dtype == torch.uint8 and lo < 0:
                continue
            y = F.hardtanh(torch.tensor(x, dtype=dtype), lo, hi)
            ints.append({'min_val': lo, 'max_val': hi, 'dtype': str(dtype).replace('torch.', ''), 'x': x,
                         'y': y.tolist(), 'y_dtype': str(y.dtype).replace('torch.', '')})
    errors = []
    for dtype, lo, hi in ((torch.bool, -1.0, 1.0), (torch.uint8, -1.0, 1.0)):
        try:
            F.hardtanh(torch.tensor([1, 0], dtype=dtype), lo, hi)
            msg = None
        except RuntimeError as e:
            msg = str(e).split('\n')[0]
        errors.append({'dtype': str(dtype).replace('torch.', ''), 'min_val': lo, 'max_val': hi, 'error': msg})
    with open(OUT, 'w') as f:
        json.dump({'torch': torch.__version__, 'cases': cases, 'ints': ints, 'errors': errors}, f, indent=1)
        f.write('\n')


main()
