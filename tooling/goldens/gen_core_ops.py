"""Writes packages/core/fixtures/ops/*.json: real PyTorch results for every core Tensor op of
issue 2 (forward values, gradients, and the errors PyTorch raises for bad input), plus the
type-promotion tables used by the property tests.

Run with Debian's python3-torch (PyTorch 1.13, CPU):
    /usr/bin/python3 tooling/goldens/gen_core_ops.py

Case format (one JSON object per case):
  name    unique, human readable
  op      the op's name; `fn` says whether it is a Tensor method ("method": args[0] is self)
          or a free function ("function": torch.where, torch.cat, F.conv2d, ...)
  args    positional arguments, each {"t": view} (a tensor given as its whole storage plus
          shape/strides/offset, so non-contiguous inputs replay exactly), {"tl": [view, ...]},
          {"s": value, "k": "bool"|"int"|"float"} (a Python scalar; float scalars are never
          integral so that JSON cannot turn them into ints), or {"v": json} (dims, sizes, ...)
  kwargs  keyword arguments (the TS API takes them as a trailing options object)
  grad    views flagged `"rg": true` were leaves with requires_grad (float32/float64 only)
  out     list of outputs {dtype, shape, data[, strides, offset, base]} (view ops record their
          strides/offset relative to the input's storage and whether they share it)
  gout    per output, the random weight w of sum(out * w) (null for outputs without grad)
  grads   per tensor input (tensor lists flattened in order) the gradient of sum(out * w), or
          null where the input does not require grad (or was unused)
  error   {"type", "message"} instead of out when PyTorch raises (first line of the message)
Encoding: NaN/Infinity as "nan"/"inf"/"-inf"; float16/bfloat16 as raw bits; bool as 0/1.
"""
import json
import math
import os
import random

import torch
import torch.nn.functional as F

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'packages', 'core', 'fixtures', 'ops')
HALF = (torch.float16, torch.bfloat16)
F32, F64, F16, BF16 = torch.float32, torch.float64, torch.float16, torch.bfloat16
I8, U8, I16, I32, I64, BOOL = torch.int8, torch.uint8, torch.int16, torch.int32, torch.int64, torch.bool
ALL = (F32, F64, F16, BF16, I8, U8, I16, I32, I64, BOOL)
FLOATS = (F32, F64, F16, BF16)
INTS = (I8, U8, I16, I32, I64)
R = random.Random(20240229)
torch.manual_seed(20240229)
SKIPPED = []  # (op, dtype, reason) combinations PyTorch 1.13 CPU rejects: not goldens


def dtname(dt):
    return str(dt).replace('torch.', '')


def flat(t):
    t = t.reshape(-1)
    if t.dtype in HALF:
        return [v & 0xFFFF for v in t.view(torch.int16).tolist()]
    if t.dtype == BOOL:
        return [int(v) for v in t.tolist()]
    if t.dtype.is_floating_point:
        return [v if math.isfinite(v) else ('nan' if math.isnan(v) else ('inf' if v > 0 else '-inf'))
                for v in t.tolist()]
    return t.tolist()


def enc_view(t):
    base = torch.empty(0, dtype=t.dtype).set_(t.storage())
    return {'dtype': dtname(t.dtype), 'shape': list(t.shape), 'strides': list(t.stride()),
            'offset': t.storage_offset(), 'storage': flat(base)}


# ---- random inputs ---------------------------------------------------------------------------

def values(shape, dt, domain='any'):
    if dt.is_floating_point:
        v = torch.randn(list(shape), dtype=F64)
        if domain == 'pos':
            v = v.abs() + 0.2
        elif domain == 'unit':
            v = torch.rand(list(shape), dtype=F64) * 1.6 + 0.2
        return v.to(dt)
    if dt == BOOL:
        return torch.randint(0, 2, list(shape)).bool()
    lo, hi = (0, 8) if dt == U8 or domain in ('pos', 'unit') else (-6, 7)
    if domain in ('pos', 'unit'):
        lo = 1
    return torch.randint(lo, hi, list(shape)).to(dt)


def make(shape, dt, layout='contig', domain='any'):
    """A tensor of `shape`: contiguous, or a transposed / stepped / expanded / offset view."""
    shape = list(shape)
    if layout == 'contig' or len(shape) == 0:
        return values(shape, dt, domain)
    if layout == 't' and len(shape) >= 2:
        s = shape[:-2] + [shape[-1], shape[-2]]
        return values(s, dt, domain).transpose(-1, -2)
    if layout == 'step':
        s = shape[:-1] + [shape[-1] * 2 + 1]
        return values(s, dt, domain)[..., 1::2]
    if layout == 'expand':
        s = [1 if i % 2 == 0 else d for i, d in enumerate(shape)]
        return values(s, dt, domain).expand(*shape)
    if layout == 'offset':
        s = [shape[0] + 2] + shape[1:]
        return values(s, dt, domain)[1:1 + shape[0]]
    return values(shape, dt, domain)


def rshape(ndim=None, lo=1, hi=4):
    n = R.randint(0, 3) if ndim is None else ndim
    return [R.randint(lo, hi) for _ in range(n)]


def bshape(shape):
    """A shape that broadcasts with `shape`: some dims set to 1, maybe leading dims dropped."""
    s = [1 if R.random() < 0.4 else d for d in shape]
    drop = R.randint(0, len(s)) if s else 0
    return s[drop:] if R.random() < 0.5 else s


# ---- case recording --------------------------------------------------------------------------

class Case:
    def __init__(self, topic, name, op, fn, args, kwargs=None, grad=True, view=False):
        self.topic, self.name, self.op, self.fn = topic, name, op, fn
        self.args, self.kwargs, self.grad, self.view = args, kwargs or {}, grad, view


TOPICS = {}
NAMES = set()


def enc_arg(a, rg):
    if isinstance(a, torch.Tensor):
        d = {'t': enc_view(a)}
        if rg:
            d['t']['rg'] = True
        return d
    if isinstance(a, (list, tuple)) and a and all(isinstance(x, torch.Tensor) for x in a):
        return {'tl': [dict(enc_view(x), **({'rg': True} if rg else {})) for x in a]}
    if isinstance(a, bool):
        return {'s': a, 'k': 'bool'}
    if isinstance(a, float):
        assert not a.is_integer(), 'float scalars must not be integral (JSON would make them ints)'
        return {'s': a if math.isfinite(a) else flat(torch.tensor([a]))[0], 'k': 'float'}
    return {'v': a}


def tensors_of(args):
    r = []
    for a in args:
        if isinstance(a, torch.Tensor):
            r.append(a)
        elif isinstance(a, (list, tuple)) and a and all(isinstance(x, torch.Tensor) for x in a):
            r.extend(a)
    return r


def meth(x, op):
    """`x.op` bound; ops that PyTorch only has in torch.nn.functional (silu, gelu) bind F's."""
    if hasattr(x, op):
        return getattr(x, op)
    return lambda *a, **k: getattr(F, op)(x, *a, **k)


def call(c, args):
    if c.fn == 'method':
        if c.op == 'slice':
            x, d, s, e, st = args
            return x[(slice(None),) * d + (slice(s, e, st),)]
        return meth(args[0], c.op)(*args[1:], **c.kwargs)
    f = {'where': torch.where, 'cat': torch.cat, 'stack': torch.stack, 'conv2d': F.conv2d,
         'max_pool2d': F.max_pool2d, 'avg_pool2d': F.avg_pool2d}[c.op]
    return f(*args, **c.kwargs)


def leafify(args, on):
    """Inputs as leaves (keeping their strides); float32/64 ones require grad when `on`."""
    def one(t):
        t = t.detach()
        if on and t.dtype in (F32, F64):
            t.requires_grad_(True)
        return t
    out = []
    for a in args:
        if isinstance(a, torch.Tensor):
            out.append(one(a))
        elif isinstance(a, (list, tuple)) and a and all(isinstance(x, torch.Tensor) for x in a):
            out.append([one(x) for x in a])
        else:
            out.append(a)
    return out


def add(c, expect_error=False):
    """Records a case; an unexpected PyTorch error means the dtype is not supported: skipped."""
    assert c.name not in NAMES, c.name
    NAMES.add(c.name)
    args = leafify(c.args, c.grad)
    case = {'name': c.name, 'op': c.op, 'fn': c.fn, 'kwargs': c.kwargs}
    case['args'] = []
    for a in args:
        rg = (isinstance(a, torch.Tensor) and a.requires_grad) or (
            isinstance(a, list) and a and isinstance(a[0], torch.Tensor) and a[0].requires_grad)
        case['args'].append(enc_arg(a, rg))
    try:
        r = call(c, args)
    except (RuntimeError, IndexError, ValueError) as e:
        if not expect_error:
            SKIPPED.append((c.name, str(e).split('\n')[0]))
            return
        case['error'] = {'type': type(e).__name__, 'message': str(e).split('\n')[0]}
        TOPICS.setdefault(c.topic, []).append(case)
        return
    outs = list(r) if isinstance(r, (list, tuple)) else [r]
    ins = tensors_of(args)
    case['out'] = []
    for o in outs:
        e = {'dtype': dtname(o.dtype), 'shape': list(o.shape), 'data': flat(o.detach().contiguous())}
        if c.view:
            src = tensors_of(args)[0]
            shares = o.storage().data_ptr() == src.storage().data_ptr()
            e['base'] = shares
            if shares:
                e['strides'], e['offset'] = list(o.stride()), o.storage_offset()
        case['out'].append(e)
    diff_in = [t for t in ins if t.requires_grad]
    diff_out = [o for o in outs if o.requires_grad]
    # Gradients only where every floating tensor involved is float32/float64 (the brief's scope).
    if diff_in and diff_out and not any(t.dtype in HALF for t in ins + outs):
        ws = [values(list(o.shape), o.dtype) if o.requires_grad else None for o in outs]
        gs = torch.autograd.grad(diff_out, diff_in, [w for w in ws if w is not None], allow_unused=True)
        case['gout'] = [None if w is None else flat(w) for w in ws]
        it = iter(gs)
        case['grads'] = []
        for t in ins:
            g = next(it) if t.requires_grad else None
            case['grads'].append(None if g is None else {'dtype': dtname(g.dtype), 'shape': list(g.shape),
                                                        'data': flat(g.contiguous())})
    TOPICS.setdefault(c.topic, []).append(case)


def try_dtype(op_fn, dt):
    """Whether PyTorch 1.13 CPU runs the op on a small tensor of dtype `dt`."""
    try:
        op_fn(dt)
        return True
    except (RuntimeError, TypeError) as e:
        SKIPPED.append((dt, str(e).split('\n')[0]))
        return False


def err(topic, name, op, fn, args, kwargs=None):
    add(Case(topic, name, op, fn, args, kwargs, grad=False), expect_error=True)
    assert 'error' in TOPICS[topic][-1], f'{name} did not raise'


# ---- elementwise -----------------------------------------------------------------------------

BINARY = ['add', 'sub', 'mul', 'div', 'pow', 'maximum', 'minimum', 'eq', 'ne', 'lt', 'le', 'gt', 'ge']
UNARY = [('exp', 'any'), ('log', 'pos'), ('sqrt', 'pos'), ('abs', 'any'), ('neg', 'any'), ('relu', 'any'),
         ('sigmoid', 'any'), ('tanh', 'any'), ('silu', 'any')]
LAYOUTS = ['contig', 't', 'step', 'expand', 'offset']


def elementwise():
    T = 'elementwise'
    for op in BINARY:
        for dt in ALL:
            if op == 'sub' and dt == BOOL:
                continue
            ok = try_dtype(lambda d: meth(torch.ones(2, dtype=d), op)(torch.ones(2, dtype=d)), dt)
            if not ok:
                continue
            dom = 'unit' if op == 'pow' else 'any'
            reps = 3 if dt in (F32, F64) else 1
            for r in range(reps):
                sa = rshape(R.randint(1, 3))
                sb = bshape(sa)
                la = LAYOUTS[(r + BINARY.index(op)) % len(LAYOUTS)]
                a = make(sa, dt, la, dom)
                b = make(sb, dt, 'contig', 'any' if op != 'div' or dt.is_floating_point else 'pos')
                if op == 'pow' and not dt.is_floating_point:
                    b = make(sb, dt, 'contig', 'unit')
                if op == 'div' and not dt.is_floating_point:
                    b = make(sb, dt, 'contig', 'pos')
                add(Case(T, f'{op} {dtname(dt)} {sa}x{sb} {la} #{r}', op, 'method', [a, b]))
        # scalar operands (bool / int / non-integral float) and a zero-dim tensor operand
        for dt in (F32, I64, I32, BOOL, F16):
            for s in (True, 3, 2.5, -1.5):
                if op == 'sub' and (dt == BOOL or isinstance(s, bool)):
                    continue
                if op in ('maximum', 'minimum'):
                    continue  # tensor-only ops in PyTorch
                if op == 'pow' and dt == BOOL and isinstance(s, bool):
                    continue
                a = make(rshape(2), dt, 'contig', 'unit' if op == 'pow' else 'any')
                name = f'{op} {dtname(dt)} scalar {s!r}'
                try:
                    meth(a, op)(s)
                except RuntimeError:
                    SKIPPED.append((op, dtname(dt), f'scalar {s!r}'))
                    continue
                add(Case(T, name, op, 'method', [a, s]))
        for dt, zdt in ((F32, F64), (I32, I64), (I64, F32), (U8, I8), (F16, F32)):
            if op in ('sub',) and BOOL in (dt, zdt):
                continue
            a = make(rshape(2), dt, 'step', 'unit')
            z = make([], zdt, 'contig', 'unit')
            if try_dtype(lambda d: meth(a, op)(z), dt):
                add(Case(T, f'{op} {dtname(dt)} with zero-dim {dtname(zdt)}', op, 'method', [a, z]))
    # keyword variants
    a, b = make([3, 4], F32), make([4], F32)
    add(Case(T, 'add alpha=2', 'add', 'method', [a, b], {'alpha': 2}))
    add(Case(T, 'sub alpha=-3 int64', 'sub', 'method', [make([3, 4], I64), make([3, 1], I64)], {'alpha': -3}))
    for mode in ('floor', 'trunc'):
        for dt in (F32, F64, I64, I32):
            a = make([3, 4], dt) * (3 if not dt.is_floating_point else 1)
            b = make([4], dt, 'contig', 'pos')
            b = b * torch.tensor([1, -1, 1, -1]).to(dt)
            add(Case(T, f'div rounding_mode={mode} {dtname(dt)}', 'div', 'method', [a, b], {'rounding_mode': mode}))
    # pow: tensor exponents on a positive base (grad wrt both), negative base with integral exponent
    add(Case(T, 'pow negative base int exponent f64', 'pow', 'method',
             [make([2, 3], F64), torch.tensor([1., 2., 3.], dtype=F64)]))
    for op, dom in UNARY:
        for dt in ALL:
            if op == 'neg' and dt == BOOL:
                continue
            if not try_dtype(lambda d: meth(torch.ones(2, dtype=d), op)(), dt):
                continue
            for r in range(2 if dt in (F32, F64) else 1):
                s = rshape(R.randint(1, 3))
                lay = LAYOUTS[(r + 2) % len(LAYOUTS)]
                add(Case(T, f'{op} {dtname(dt)} {s} {lay} #{r}', op, 'method', [make(s, dt, lay, dom)]))
        special = torch.tensor([float('nan'), float('inf'), float('-inf'), 0.0, -0.0, -2.0, 1e-30, 80.0])
        for dt in (F32, F64):
            add(Case(T, f'{op} {dtname(dt)} special values', op, 'method', [special.to(dt)], grad=False))
    for approx in ('none', 'tanh'):
        for dt in (F32, F64, BF16):
            x = make([3, 5], dt, 't')
            add(Case(T, f'gelu approximate={approx} {dtname(dt)}', 'gelu', 'method', [x], {'approximate': approx}))
    # clamp
    for dt in (F32, F64, I64, I32, U8, F16):
        for lo, hi in ((-0.5, 0.5), (None, 0.25), (-1, None), (-2, 3)):
            if not dt.is_floating_point and ((lo is not None and not float(lo).is_integer()) or
                                            (hi is not None and not float(hi).is_integer())):
                continue
            x = make([4, 3], dt, 'step')
            add(Case(T, f'clamp {dtname(dt)} min={lo} max={hi}', 'clamp', 'method', [x, lo, hi]))
    # where / maximum / minimum / masked_fill
    for dt in (F32, F64, I64, BOOL, F16):
        cond = make([3, 1, 4], BOOL)
        a = make([2, 4], dt, 't')
        b = make([3, 2, 1], dt)
        add(Case(T, f'where {dtname(dt)} broadcast', 'where', 'function', [cond, a, b]))
    add(Case(T, 'where mixed f32/f64', 'where', 'function', [make([4], BOOL), make([4], F32), make([3, 4], F64)]))
    add(Case(T, 'where scalar other', 'where', 'function', [make([3, 4], BOOL), make([3, 4], F32), 0.5]))
    for dt in (F32, F64, I64, BOOL, F16):
        x = make([3, 4], dt, 'offset')
        m = make([4], BOOL)
        add(Case(T, f'masked_fill {dtname(dt)} broadcast mask', 'masked_fill', 'method',
                 [x, m, True if dt == BOOL else (2 if not dt.is_floating_point else -1.5)]))
    # errors
    err(T, 'error: add shape mismatch', 'add', 'method', [make([3, 4], F32), make([3, 5], F32)])
    err(T, 'error: mul shape mismatch 3d', 'mul', 'method', [make([2, 3, 4], F32), make([2, 1, 3], F32)])
    err(T, 'error: sub bool', 'sub', 'method', [make([3], BOOL), make([3], BOOL)])
    err(T, 'error: neg bool', 'neg', 'method', [make([3], BOOL)])
    err(T, 'error: where non-bool condition', 'where', 'function', [make([3], F32), make([3], F32), make([3], F32)])
    err(T, 'error: masked_fill float mask', 'masked_fill', 'method', [make([3], F32), make([3], F32), 0.5])
    # Out-of-place masked_fill broadcasts self against the mask (only masked_fill_ cannot).
    add(Case(T, 'masked_fill mask broadcasts self', 'masked_fill', 'method', [make([3], F32), make([2, 3], BOOL), 0.5]))
    err(T, 'error: pow int negative exponent', 'pow', 'method', [make([3], I64), -2])
    err(T, 'error: clamp no bounds', 'clamp', 'method', [make([3], F32)])


# ---- reductions ------------------------------------------------------------------------------

def reductions():
    T = 'reduce'
    specs = [  # (op, dtypes, arg patterns)
        ('sum', ALL, [[], [0], [-1, True], [[0, 1]], [[0, -1], True]]),
        ('mean', FLOATS, [[], [1], [-1, True], [[0, 1]]]),
        ('prod', (F32, F64, I64, I32, BOOL, BF16), [[], [0], [1, True]]),
        ('max', ALL, [[], [0], [1, True]]),
        ('min', ALL, [[], [0], [-1, True]]),
        ('argmax', (F32, F64, I64, I32, U8, F16, BF16), [[], [0], [1, True]]),
        ('var', (F32, F64, BF16), [[], [0], [1, False], [[0, 1], True, True]]),
        ('std', (F32, F64, BF16), [[], [1], [0, False, True]]),
        ('logsumexp', (F32, F64, F16, BF16), [[0], [1, True], [[0, 1]]]),
    ]
    for op, dts, pats in specs:
        for dt in dts:
            for i, p in enumerate(pats):
                shape = [R.randint(2, 4), R.randint(2, 5)]
                if op in ('max', 'min', 'argmax') and len(p) == 0 and i == 0 and dt in (F32, F64):
                    shape = [3, R.randint(2, 4), 2]
                lay = LAYOUTS[i % len(LAYOUTS)]
                x = make(shape, dt, lay, 'unit' if op == 'prod' else 'any')
                if dt != F32 and dt != F64 and i > 1:
                    continue
                if not try_dtype(lambda d: meth(x, op)(*p), dt):
                    continue
                add(Case(T, f'{op} {dtname(dt)} {shape} {lay} args={p}', op, 'method', [x] + p))
    for op in ('max', 'min', 'sum', 'mean', 'logsumexp'):
        x = torch.tensor([[1.0, float('nan'), 3.0], [float('-inf'), 2.0, float('inf')]])
        add(Case(T, f'{op} nan/inf values', op, 'method', [x, 1] if op != 'logsumexp' else [x, 1], grad=False))
    add(Case(T, 'sum 0-dim', 'sum', 'method', [make([], F64)]))
    add(Case(T, 'sum empty', 'sum', 'method', [make([0, 3], F32), 0]))
    add(Case(T, 'max ties full reduction', 'max', 'method', [torch.tensor([[1.0, 3.0], [3.0, 0.5]], dtype=F64)]))
    err(T, 'error: sum dim out of range', 'sum', 'method', [make([2, 3], F32), 2])
    err(T, 'error: max dim out of range', 'max', 'method', [make([2, 3], F32), -3])
    err(T, 'error: mean of int64', 'mean', 'method', [make([2, 3], I64)])
    err(T, 'error: argmax dim out of range', 'argmax', 'method', [make([2, 3], F32), 5])
    err(T, 'error: sum repeated dim', 'sum', 'method', [make([2, 3], F32), [0, 0]])
    err(T, 'error: max of empty', 'max', 'method', [make([0, 3], F32)])
    err(T, 'error: max dim of empty', 'max', 'method', [make([0, 3], F32), 0])
    err(T, 'error: var of int', 'var', 'method', [make([3], I64)])


# ---- linear algebra --------------------------------------------------------------------------

def linalg():
    T = 'linalg'
    for dt in (F32, F64, I64, I32, BF16):
        if not try_dtype(lambda d: torch.ones(2, 2, dtype=d).mm(torch.ones(2, 2, dtype=d)), dt):
            continue
        add(Case(T, f'mm {dtname(dt)}', 'mm', 'method', [make([3, 4], dt), make([4, 5], dt, 't')]))
        add(Case(T, f'bmm {dtname(dt)}', 'bmm', 'method', [make([2, 3, 4], dt, 'step'), make([2, 4, 2], dt)]))
    shapes = [([4], [4]), ([3, 4], [4]), ([4], [4, 2]), ([3, 4], [4, 2]), ([2, 3, 4], [4, 5]), ([4], [2, 4, 3]),
              ([2, 1, 3, 4], [5, 4, 2]), ([5, 3, 4], [4]), ([1, 3, 4], [2, 4, 2])]
    for dt in (F32, F64):
        for i, (sa, sb) in enumerate(shapes):
            lay = LAYOUTS[i % len(LAYOUTS)] if len(sa) >= 2 else 'step'
            add(Case(T, f'matmul {dtname(dt)} {sa}@{sb} {lay}', 'matmul', 'method', [make(sa, dt, lay), make(sb, dt)]))
    add(Case(T, 'matmul int64 batched', 'matmul', 'method', [make([2, 2, 3], I64), make([3, 2], I64)]))
    add(Case(T, 'mm expanded operand', 'mm', 'method', [make([3, 4], F64, 'expand'), make([4, 2], F64)]))
    err(T, 'error: mm shape mismatch', 'mm', 'method', [make([2, 3], F32), make([4, 2], F32)])
    err(T, 'error: mm float and double', 'mm', 'method', [make([2, 3], F32), make([3, 2], F64)])
    err(T, 'error: mm 3d input', 'mm', 'method', [make([2, 2, 3], F32), make([3, 2], F32)])
    err(T, 'error: bmm 2d input', 'bmm', 'method', [make([2, 3], F32), make([2, 3, 2], F32)])
    err(T, 'error: bmm batch mismatch', 'bmm', 'method', [make([2, 2, 3], F32), make([3, 3, 2], F32)])
    err(T, 'error: matmul inner mismatch', 'matmul', 'method', [make([2, 3], F32), make([4, 2], F32)])
    err(T, 'error: matmul 0-dim', 'matmul', 'method', [make([], F32), make([3], F32)])
    err(T, 'error: matmul batched mismatch', 'matmul', 'method', [make([2, 2, 3], F32), make([2, 4, 2], F32)])
    err(T, 'error: matmul float and double', 'matmul', 'method', [make([2, 3], F32), make([3, 2], F64)])


# ---- indexing / joining ----------------------------------------------------------------------

def indexing():
    T = 'indexing'
    for dt in (F32, F64, I64, BOOL, F16, BF16, U8):
        xs = [make([2, 3], dt), make([2, 1], dt, 'offset'), make([2, 4], dt, 't')]
        add(Case(T, f'cat dim=1 {dtname(dt)}', 'cat', 'function', [xs, 1]))
        ys = [make([3, 2], dt, 'step'), make([3, 2], dt)]
        add(Case(T, f'stack dim=-1 {dtname(dt)}', 'stack', 'function', [ys, -1]))
    add(Case(T, 'cat dim=0 mixed f32/f64', 'cat', 'function', [[make([1, 3], F32), make([2, 3], F64)], 0]))
    add(Case(T, 'cat skips legacy empty 1-d', 'cat', 'function', [[make([2, 3], F32), make([0], F32)], 0]))
    add(Case(T, 'stack dim=0 3 tensors', 'stack', 'function', [[make([2], F64), make([2], F64), make([2], F64)], 0]))
    for dt in (F32, F64, I64):
        x = make([7, 3], dt, 't' if dt != I64 else 'contig')
        add(Case(T, f'split 3 {dtname(dt)}', 'split', 'method', [x, 3]))
        add(Case(T, f'split sections {dtname(dt)}', 'split', 'method', [x, [1, 4, 2]]))
        add(Case(T, f'split dim=1 {dtname(dt)}', 'split', 'method', [x, 2, 1]))
        add(Case(T, f'chunk 3 {dtname(dt)}', 'chunk', 'method', [x, 3]))
        add(Case(T, f'chunk 4 dim=-1 {dtname(dt)}', 'chunk', 'method', [make([2, 6], dt), 4, -1]))
    for dt in (F32, F64, I64, I32, F16, BOOL):
        x = make([3, 4], dt, 't')
        idx = torch.randint(0, 3, (2, 4))
        add(Case(T, f'gather dim=0 {dtname(dt)}', 'gather', 'method', [x, 0, idx]))
        idx = torch.randint(0, 4, (3, 6))
        add(Case(T, f'gather dim=1 {dtname(dt)} repeated', 'gather', 'method', [x, 1, idx]))
        add(Case(T, f'index_select dim=1 {dtname(dt)}', 'index_select', 'method', [x, 1, torch.tensor([3, 0, 3])]))
        add(Case(T, f'index_select dim=0 int32 index {dtname(dt)}', 'index_select', 'method',
                 [x, 0, torch.tensor([2, 2, 1], dtype=I32)]))
    for dt in (F32, F64, I64, BOOL, F16):
        for d in (0, 1, -1, 2):
            x = make([2, 4, 5], dt, 'offset')
            add(Case(T, f'tril diag={d} {dtname(dt)}', 'tril', 'method', [x, d]))
            add(Case(T, f'triu diag={d} {dtname(dt)}', 'triu', 'method', [x, d]))
    err(T, 'error: cat size mismatch', 'cat', 'function', [[make([2, 3], F32), make([2, 4], F32)], 0])
    err(T, 'error: cat ndim mismatch', 'cat', 'function', [[make([2, 3], F32), make([2, 3, 1], F32)], 0])
    err(T, 'error: cat zero-dim', 'cat', 'function', [[make([], F32), make([], F32)], 0])
    err(T, 'error: cat dim out of range', 'cat', 'function', [[make([2, 3], F32), make([2, 3], F32)], 2])
    err(T, 'error: stack size mismatch', 'stack', 'function', [[make([2, 3], F32), make([3, 2], F32)], 0])
    err(T, 'error: gather int32 index', 'gather', 'method', [make([2, 3], F32), 1, torch.tensor([[0], [1]], dtype=I32)])
    err(T, 'error: gather index out of range', 'gather', 'method', [make([2, 3], F32), 1, torch.tensor([[0], [3]])])
    err(T, 'error: gather ndim mismatch', 'gather', 'method', [make([2, 3], F32), 1, torch.tensor([0, 1])])
    err(T, 'error: index_select out of range', 'index_select', 'method', [make([2, 3], F32), 1, torch.tensor([0, 3])])
    err(T, 'error: index_select float index', 'index_select', 'method', [make([2, 3], F32), 1, torch.tensor([0.0])])
    err(T, 'error: index_select 2d index', 'index_select', 'method', [make([2, 3], F32), 1, torch.tensor([[0]])])
    err(T, 'error: split sections mismatch', 'split', 'method', [make([5, 2], F32), [2, 2]])
    err(T, 'error: chunk zero', 'chunk', 'method', [make([5, 2], F32), 0])
    err(T, 'error: tril 1d', 'tril', 'method', [make([3], F32)])


# ---- nn: activations with dims, conv, pools --------------------------------------------------

def nn_ops():
    T = 'nn'
    for op in ('softmax', 'log_softmax'):
        for dt in (F32, F64, BF16, F16):
            if not try_dtype(lambda d: meth(torch.ones(2, dtype=d), op)(0), dt):
                continue
            for d in ((0, 1, -1) if dt in (F32, F64) else (-1,)):
                x = make([3, 4, 5], dt, LAYOUTS[(d + 1) % len(LAYOUTS)]) * 3
                add(Case(T, f'{op} dim={d} {dtname(dt)}', op, 'method', [x, d]))
        add(Case(T, f'{op} with -inf', op, 'method',
                 [torch.tensor([[0.5, float('-inf'), 1.0], [float('-inf')] * 3]), 1], grad=False))
        err(T, f'error: {op} dim out of range', op, 'method', [make([2, 3], F32), 2])
    convs = [  # (N, C, H, W, O, kh, kw, stride, padding, dilation, groups, bias)
        (2, 3, 6, 5, 4, 3, 3, 1, 1, 1, 1, True),
        (1, 4, 7, 7, 6, 3, 2, (2, 1), (0, 1), (2, 1), 2, False),
        (2, 4, 5, 6, 4, 3, 3, (1, 2), 1, 1, 4, True),
        (1, 2, 5, 5, 3, 1, 1, 2, 0, 1, 1, True),
    ]
    for i, (n, c, h, w, o, kh, kw, s, p, d, g, bias) in enumerate(convs):
        for dt in ((F32, F64, BF16) if i == 0 else (F32, F64)):
            if not try_dtype(lambda q: F.conv2d(torch.ones(1, 1, 2, 2, dtype=q), torch.ones(1, 1, 1, 1, dtype=q)), dt):
                continue
            x = make([n, c, h, w], dt, 't' if i == 1 else 'contig')
            wt = make([o, c // g, kh, kw], dt)
            b = make([o], dt) if bias else None
            kw_ = {'stride': s, 'padding': p, 'dilation': d, 'groups': g}
            add(Case(T, f'conv2d #{i} {dtname(dt)}', 'conv2d', 'function', [x, wt, b], kw_))
    add(Case(T, 'conv2d unbatched', 'conv2d', 'function', [make([2, 4, 4], F64), make([3, 2, 2, 2], F64), None]))
    add(Case(T, "conv2d padding='same'", 'conv2d', 'function', [make([1, 2, 5, 5], F64), make([2, 2, 3, 3], F64), None],
             {'padding': 'same'}))
    pools = [(3, {}), (2, {'stride': 1}), ((3, 2), {'stride': (2, 1), 'padding': 1}), (2, {'ceil_mode': True}),
             (3, {'stride': 2, 'padding': 1, 'dilation': 1})]
    for i, (k, kw_) in enumerate(pools):
        for dt in ((F32, F64, BF16, I64) if i == 0 else (F32, F64)):
            x = make([2, 3, 7, 6], dt, 'step' if i % 2 else 'contig')
            if try_dtype(lambda q: F.max_pool2d(torch.ones(1, 1, 2, 2, dtype=q), 2), dt):
                add(Case(T, f'max_pool2d #{i} {dtname(dt)}', 'max_pool2d', 'function', [x, k], kw_))
            akw = {kk: v for kk, v in kw_.items() if kk != 'dilation'}
            if try_dtype(lambda q: F.avg_pool2d(torch.ones(1, 1, 2, 2, dtype=q), 2), dt):
                add(Case(T, f'avg_pool2d #{i} {dtname(dt)}', 'avg_pool2d', 'function', [x, k], akw))
    add(Case(T, 'max_pool2d dilation 2', 'max_pool2d', 'function', [make([1, 2, 7, 7], F64), 2], {'dilation': 2}))
    add(Case(T, 'max_pool2d unbatched', 'max_pool2d', 'function', [make([2, 5, 5], F64), 2]))
    add(Case(T, 'avg_pool2d count_include_pad=False', 'avg_pool2d', 'function', [make([1, 2, 5, 5], F64), 3],
             {'stride': 2, 'padding': 1, 'count_include_pad': False}))
    add(Case(T, 'avg_pool2d divisor_override', 'avg_pool2d', 'function', [make([1, 2, 4, 4], F64), 2],
             {'divisor_override': 3}))
    err(T, 'error: conv2d channel mismatch', 'conv2d', 'function', [make([1, 3, 5, 5], F32), make([2, 2, 3, 3], F32), None])
    err(T, 'error: conv2d kernel too big', 'conv2d', 'function', [make([1, 1, 2, 2], F32), make([1, 1, 3, 3], F32), None])
    err(T, 'error: conv2d 2d input', 'conv2d', 'function', [make([5, 5], F32), make([1, 1, 3, 3], F32), None])
    err(T, 'error: conv2d float input double weight', 'conv2d', 'function',
        [make([1, 1, 4, 4], F32), make([1, 1, 3, 3], F64), None])
    err(T, 'error: conv2d bad bias', 'conv2d', 'function', [make([1, 1, 4, 4], F32), make([2, 1, 3, 3], F32), make([3], F32)])
    err(T, 'error: max_pool2d pad too big', 'max_pool2d', 'function', [make([1, 1, 5, 5], F32), 2], {'padding': 2})
    err(T, 'error: avg_pool2d output too small', 'avg_pool2d', 'function', [make([1, 1, 2, 2], F32), 3])


# ---- views -----------------------------------------------------------------------------------

def views():
    T = 'views'
    V = dict(view=True)
    specs = [
        ('view', [[4, 6], F32, 'contig', [[3, 8]]]), ('view', [[4, 6], F64, 'contig', [[2, -1, 3]]]),
        ('view', [[4, 6], F32, 'offset', [[24]]]), ('view', [[2, 3, 4], F32, 't', [[2, 12]]]),
        ('view', [[3, 4], I64, 'contig', [[-1]]]),
        ('reshape', [[3, 4], F32, 't', [[12]]]), ('reshape', [[4, 6], F64, 'contig', [[2, 2, -1]]]),
        ('reshape', [[2, 6], F32, 'step', [[3, 4]]]), ('reshape', [[2, 3], BOOL, 't', [[3, 2]]]),
        ('transpose', [[2, 3, 4], F32, 'contig', [0, 2]]), ('transpose', [[3, 4], F64, 'step', [-1, 0]]),
        ('permute', [[2, 3, 4], F32, 'offset', [[2, 0, 1]]]), ('permute', [[2, 3, 4], F64, 't', [[1, -1, 0]]]),
        ('expand', [[3, 1], F32, 'contig', [[2, 3, 4]]]), ('expand', [[1, 4], F64, 'step', [[3, -1]]]),
        ('expand', [[2, 1], I64, 'contig', [[2, 5]]]),
        ('squeeze', [[1, 3, 1, 2], F32, 'contig', []]), ('squeeze', [[1, 3, 1, 2], F64, 'contig', [2]]),
        ('squeeze', [[2, 3], F32, 'contig', [0]]),
        ('unsqueeze', [[2, 3], F32, 't', [1]]), ('unsqueeze', [[2, 3], F64, 'contig', [-1]]),
        ('unsqueeze', [[], F64, 'contig', [0]]),
        ('flatten', [[2, 3, 4], F32, 'contig', []]), ('flatten', [[2, 3, 4], F64, 't', [1]]),
        ('flatten', [[2, 3, 4, 2], F32, 'offset', [1, 2]]),
        ('narrow', [[4, 5], F32, 'contig', [1, 1, 3]]), ('narrow', [[4, 5], F64, 't', [0, -3, 2]]),
        ('select', [[3, 4], F32, 'contig', [0, 2]]), ('select', [[2, 3, 4], F64, 'step', [-1, -1]]),
        ('slice', [[5, 6], F32, 'contig', [1, 1, 5, 2]]), ('slice', [[5, 6], F64, 't', [0, -4, None, 3]]),
        ('slice', [[6, 3], F64, 'contig', [0, 2, 100, 1]]), ('slice', [[6, 3], I64, 'offset', [0, None, -2, 2]]),
        ('slice', [[4, 3], F64, 'contig', [0, 3, 1, 1]]),
    ]
    for i, (op, (shape, dt, lay, rest)) in enumerate(specs):
        x = make(shape, dt, lay)
        add(Case(T, f'{op} {dtname(dt)} {shape} {lay} {rest} #{i}', op, 'method', [x] + rest, **V))
    err(T, 'error: view bad size', 'view', 'method', [make([4, 6], F32), [5, 5]])
    err(T, 'error: view two -1', 'view', 'method', [make([4, 6], F32), [-1, -1]])
    err(T, 'error: view incompatible strides', 'view', 'method', [make([3, 4], F32, 't'), [12]])
    err(T, 'error: reshape bad size', 'reshape', 'method', [make([4, 6], F32), [7, -1]])
    err(T, 'error: transpose dim out of range', 'transpose', 'method', [make([2, 3], F32), 0, 2])
    err(T, 'error: permute wrong length', 'permute', 'method', [make([2, 3], F32), [0]])
    err(T, 'error: permute repeated dim', 'permute', 'method', [make([2, 3], F32), [0, 0]])
    err(T, 'error: expand non-singleton', 'expand', 'method', [make([2, 3], F32), [4, 3]])
    err(T, 'error: expand fewer sizes', 'expand', 'method', [make([2, 3], F32), [3]])
    err(T, 'error: squeeze dim out of range', 'squeeze', 'method', [make([2, 3], F32), 3])
    err(T, 'error: unsqueeze dim out of range', 'unsqueeze', 'method', [make([2, 3], F32), 4])
    err(T, 'error: flatten start after end', 'flatten', 'method', [make([2, 3, 4], F32), 2, 1])
    err(T, 'error: narrow too long', 'narrow', 'method', [make([4, 5], F32), 1, 3, 3])
    err(T, 'error: narrow start out of range', 'narrow', 'method', [make([4, 5], F32), 1, 7, 0])
    err(T, 'error: select index out of range', 'select', 'method', [make([4, 5], F32), 1, 5])
    err(T, 'error: select 0-dim', 'select', 'method', [make([], F32), 0, 0])


# ---- type promotion tables -------------------------------------------------------------------

def promotion():
    names = [dtname(d) for d in ALL]
    promote = {a: {b: dtname(torch.promote_types(da, db)) for b, db in zip(names, ALL)} for a, da in zip(names, ALL)}

    def operands():
        for d in ALL:
            yield {'dtype': dtname(d), 'kind': 'tensor'}, torch.ones(2, dtype=d)
            yield {'dtype': dtname(d), 'kind': 'zerodim'}, torch.ones((), dtype=d)
        yield {'dtype': 'bool', 'kind': 'scalar'}, True
        yield {'dtype': 'int64', 'kind': 'scalar'}, 3
        yield {'dtype': 'float32', 'kind': 'scalar'}, 2.5
    results = []
    ops = list(operands())
    for ka, a in ops:
        for kb, b in ops:
            if not isinstance(a, torch.Tensor) and not isinstance(b, torch.Tensor):
                continue
            # torch.result_type takes exactly (tensor, tensor|scalar) or (scalar, tensor).
            results.append({'a': ka, 'b': kb, 'result': dtname(torch.result_type(a, b))})
    return {'promote_types': promote, 'result_type': results}


def write(topic, payload):
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, topic + '.json')
    with open(path, 'w') as f:
        json.dump(dict({'generator': 'tooling/goldens/gen_core_ops.py', 'torch': torch.__version__}, **payload),
                  f, separators=(',', ':'))
        f.write('\n')
    print(f'{path}: {os.path.getsize(path)} bytes', len(payload.get('cases', [])), 'cases')


def main():
    elementwise()
    reductions()
    linalg()
    indexing()
    nn_ops()
    views()
    for topic, cases in TOPICS.items():
        write(topic, {'cases': cases})
    write('promotion', promotion())
    skipped = sorted({f'{a}: {b}' for a, b in SKIPPED})
    print(f'{len(skipped)} op/dtype combinations PyTorch 1.13 CPU rejects (not goldens):')
    for s in skipped:
        print('  ', s)


if __name__ == '__main__':
    main()
