"""Writes packages/core/fixtures/rng/*.json: PyTorch CPU random streams to replay bit-exactly.

Run with Debian's python3-torch (PyTorch 1.13, no MKL, AVX2 CPU capability):
    /usr/bin/python3 tooling/goldens/gen_rng.py

Each sequence is replayed in order on the default generator after torch.manual_seed(seed), so
the TypeScript side also checks how calls interleave. float16/bfloat16 values are stored as raw
bit patterns, int64/float values as exact JSON numbers, RNG states as base64 bytes.
"""
import base64
import json
import math
import os

import torch
import torch.nn.functional as F

assert not torch.backends.mkl.is_available(), 'goldens must come from the non-MKL build'
assert torch.backends.cpu.get_cpu_capability() == 'AVX2' if hasattr(torch.backends, 'cpu') else True

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'packages', 'core', 'fixtures', 'rng')
SEEDS = [0, 1, 42, 12345, 2**40 + 7]
SIZES = [1, 5, 15, 16, 17, 31, 100, 1000]
DT = {'float32': torch.float32, 'float64': torch.float64, 'float16': torch.float16,
      'bfloat16': torch.bfloat16, 'int64': torch.int64, 'int32': torch.int32,
      'int16': torch.int16, 'int8': torch.int8, 'uint8': torch.uint8, 'bool': torch.bool}


def values(t):
    t = t.contiguous().reshape(-1)
    if t.dtype in (torch.float16, torch.bfloat16):
        return [v & 0xFFFF for v in t.view(torch.int16).tolist()]
    if t.dtype == torch.bool:
        return [int(v) for v in t.tolist()]
    return t.tolist()


def state_b64():
    return base64.b64encode(bytes(torch.get_rng_state().tolist())).decode()


class Seq:
    def __init__(self, seed):
        self.seed = seed
        self.ops = []
        torch.manual_seed(seed)

    def add(self, op, out, **args):
        self.ops.append({'op': op, **args, 'values': values(out)})

    def rand(self, n, dtype='float32'):
        self.add('rand', torch.rand(n, dtype=DT[dtype]), n=n, dtype=dtype)

    def randn(self, n, dtype='float32'):
        self.add('randn', torch.randn(n, dtype=DT[dtype]), n=n, dtype=dtype)

    def randint(self, low, high, n, dtype='int64'):
        self.add('randint', torch.randint(low, high, (n,), dtype=DT[dtype]), low=low, high=high, n=n, dtype=dtype)

    def randperm(self, n):
        self.add('randperm', torch.randperm(n), n=n)

    def uniform(self, n, a, b, dtype='float32'):
        self.add('uniform', torch.empty(n, dtype=DT[dtype]).uniform_(a, b), n=n, a=a, b=b, dtype=dtype)

    def normal(self, n, m, s, dtype='float32'):
        self.add('normal', torch.empty(n, dtype=DT[dtype]).normal_(m, s), n=n, mean=m, std=s, dtype=dtype)

    def normal_strided(self, n, m, s):
        # A non-contiguous float32 view of 2n elements takes the scalar (cached Box-Muller) path.
        base = torch.zeros(2 * n)
        base[::2].normal_(m, s)
        self.add('normal_strided', base[::2], n=n, mean=m, std=s, dtype='float32')

    def bernoulli_scalar(self, n, p, dtype='float32'):
        self.add('bernoulli_scalar', torch.empty(n, dtype=DT[dtype]).bernoulli_(p), n=n, p=p, dtype=dtype)

    def bernoulli_tensor(self, n, pdtype='float32', dtype='float32'):
        probs = torch.rand(n, dtype=DT[pdtype])
        self.ops.append({'op': 'rand', 'n': n, 'dtype': pdtype, 'values': values(probs)})
        self.add('bernoulli_tensor', torch.bernoulli(probs).to(DT[dtype]) if dtype == pdtype
                 else torch.empty(n, dtype=DT[dtype]).bernoulli_(probs),
                 n=n, pdtype=pdtype, dtype=dtype, probs=values(probs))

    def dropout(self, n, p, dtype='float32'):
        out = F.dropout(torch.ones(n, dtype=DT[dtype]), p, training=True)
        self.add('dropout', out, n=n, p=p, dtype=dtype)

    def state(self):
        self.ops.append({'op': 'get_state', 'state': state_b64()})


def sequence(seed):
    s = Seq(seed)
    s.state()  # fresh engine before the first twist
    # size 1000 only for the first seed keeps the fixture small
    for i, n in enumerate(SIZES if seed == SEEDS[0] else SIZES[:-1]):
        # alternate the order so the cached normal sample and odd draws interleave
        if i % 2:
            s.randn(n); s.rand(n)
        else:
            s.rand(n); s.randn(n)
    s.randn(3)
    s.state()  # cached double normal sample valid here
    s.rand(20)
    s.randn(17)
    for dt in ['float64', 'float16', 'bfloat16']:
        s.rand(17, dt)
        s.randn(5, dt)
        s.randn(33, dt)
    s.randint(0, 10, 20)
    s.randint(-5, 2**33, 10)
    s.randint(0, 100, 15, 'int32')
    s.randint(-3, 3, 9, 'int8')
    s.randint(0, 2**40, 6, 'float64')
    s.randint(0, 1000, 7, 'float32')
    s.randint(0, 2**35, 7, 'float32')
    s.randint(0, 50, 7, 'float16')
    s.randint(0, 2**33, 5, 'bfloat16')
    for n in [1, 10, 100]:
        s.randperm(n)
    s.uniform(100, -2.5, 7.25)
    s.uniform(17, -3.0, 0.1, 'float64')
    s.uniform(17, -1.0, 1.0, 'float16')
    s.uniform(17, 0.5, 1.5, 'bfloat16')
    s.normal(100, 0.5, 3.0)
    s.normal(7, -1.0, 0.25)
    s.normal_strided(20, 2.0, 0.5)
    s.normal(20, 0.5, 3.0, 'float64')
    s.state()
    s.bernoulli_scalar(50, 0.3)
    s.bernoulli_scalar(20, 0.7, 'float64')
    s.bernoulli_scalar(20, 0.5, 'int64')
    s.bernoulli_scalar(20, 0.5, 'bool')
    s.bernoulli_scalar(20, 0.25, 'bfloat16')
    s.bernoulli_tensor(50, 'float32')
    s.bernoulli_tensor(20, 'float64')
    s.bernoulli_tensor(20, 'float32', 'uint8')
    s.dropout(40, 0.2)
    s.dropout(40, 0.1, 'float64')
    s.dropout(40, 0.5, 'bfloat16')
    s.dropout(40, 0.3)
    s.state()
    return {'seed': seed, 'ops': s.ops}


def linear():
    torch.manual_seed(0)
    lin = torch.nn.Linear(784, 512)
    w = lin.weight.detach().reshape(-1)
    b = lin.bias.detach().reshape(-1)
    fan_in = 784
    a = math.sqrt(5)
    gain = math.sqrt(2.0 / (1 + a * a))
    return {
        'seed': 0, 'in_features': 784, 'out_features': 512,
        'weight_bound': gain * math.sqrt(3.0 / fan_in), 'bias_bound': 1 / math.sqrt(fan_in),
        'weight_first': w[:64].tolist(), 'weight_last': w[-64:].tolist(),
        'weight_sum': float(w.double().sum()),
        'bias_first': b[:64].tolist(), 'bias_last': b[-64:].tolist(), 'bias_sum': float(b.double().sum()),
        'state_after': state_b64(),
    }


def big():
    torch.manual_seed(7)
    p = torch.randperm(5000)
    u = torch.rand(4099)
    n = torch.randn(4099)
    return {'seed': 7, 'randperm5000': p.tolist(), 'rand4099_sum': float(u.double().sum()),
            'rand4099_last': u[-16:].tolist(), 'randn4099_sum': float(n.double().sum()),
            'randn4099_last': n[-32:].tolist(), 'state_after': state_b64()}


def errors():
    out = {}
    cases = {
        'uniform_from_gt_to': lambda: torch.empty(3).uniform_(1, 0),
        'uniform_int': lambda: torch.empty(3, dtype=torch.int32).uniform_(0, 1),
        'normal_negative_std': lambda: torch.empty(3).normal_(0, -1),
        'normal_int': lambda: torch.empty(3, dtype=torch.int64).normal_(0, 1),
        'randint_empty_range': lambda: torch.randint(5, 5, (3,)),
        'randint_bad_range': lambda: torch.randint(5, 3, (3,)),
        'randperm_negative': lambda: torch.randperm(-1),
        'bernoulli_p_out_of_range': lambda: torch.empty(3).bernoulli_(1.5),
        'bernoulli_half': lambda: torch.empty(3, dtype=torch.float16).bernoulli_(0.5),
        'bernoulli_probs_out_of_range': lambda: torch.bernoulli(torch.tensor([0.5, 2.0])),
        'dropout_p_out_of_range': lambda: F.dropout(torch.ones(3), 1.5),
        'randint_int8_overflow': lambda: torch.randint(0, 300, (3,), dtype=torch.int8),
    }
    for k, f in cases.items():
        try:
            f()
            out[k] = None
        except Exception as e:  # noqa: BLE001 - recording the framework's message
            out[k] = {'type': type(e).__name__, 'message': str(e).split('\n')[0]}
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    meta = {'torch': torch.__version__, 'mkl': torch.backends.mkl.is_available()}
    files = {
        'sequences.json': {'meta': meta, 'sequences': [sequence(s) for s in SEEDS]},
        'linear.json': {'meta': meta, **linear()},
        'big.json': {'meta': meta, **big()},
        'errors.json': {'meta': meta, 'errors': errors()},
    }
    g = torch.Generator()
    files['generator.json'] = {
        'meta': meta,
        'default_initial_seed': g.initial_seed(),
        'fresh_state': base64.b64encode(bytes(g.get_state().tolist())).decode(),
        'seeded': [{'seed': str(s), 'state': base64.b64encode(bytes(torch.Generator().manual_seed(s).get_state().tolist())).decode()}
                   for s in [0, 1, 2**32 + 1, 2**63, 2**64 - 1]],
    }
    for name, data in files.items():
        with open(os.path.join(OUT, name), 'w') as f:
            json.dump(data, f, separators=(',', ':'))
        print(name, os.path.getsize(os.path.join(OUT, name)))


if __name__ == '__main__':
    main()
