"""Writes packages/core/fixtures/layout/strides.json: the memory layout (strides, contiguity,
channels_last contiguity) PyTorch gives results, next to their values, so core's TensorIterator
layout rules (elementwise outputs), memory formats (clone / contiguous / *_like / to) and the
gradient layout contract can be checked against the real thing.

Run with Debian's python3-torch (PyTorch 1.13, CPU):
    /usr/bin/python3 tooling/goldens/gen_strides.py

Case format (one JSON object per case in "cases"):
  name    unique, human readable
  op      what was called; the test maps it to the TS API (see layout/strides.golden.test.ts)
  args    positional arguments: {"t": view} (whole storage plus shape/strides/offset, so the
          input layout replays exactly), {"s": value, "k": "bool"|"int"|"float"} (a Python
          scalar), {"dt": "float64"} (a dtype), {"v": json} (sizes, ...)
  kwargs  keyword arguments; a memory format is {"mf": "channels_last"}, a dtype {"dt": name}
  seed    torch.manual_seed(seed) ran right before the call (random *_like functions)
  out     {dtype, shape, strides, contiguous, channels_last, data (logical row-major order)}
          and "self": true when the result is the input object itself (contiguous(), to())
  error   {"type", "message"} instead of out when PyTorch raises (first line of the message)
  grad    "backward" cases: the leaf's .grad after sum(op(leaf) * w).backward() (op "retain":
          y = leaf.t() * 1 with retain_grad(), loss sum(y.t().exp() * w), and y.grad)
"module"  a Conv2d + BatchNorm2d + Linear net after .to(memory_format=torch.channels_last):
          every parameter's and buffer's shape and strides (4-D ones converted, others not).
"formats" repr() of each torch.memory_format object.
Encoding: NaN/Infinity as "nan"/"inf"/"-inf"; bool as 0/1.
"""
import json
import math
import os

import torch

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'packages', 'core', 'fixtures', 'layout', 'strides.json')
CL = torch.channels_last
torch.manual_seed(20240607)
MF = {torch.contiguous_format: 'contiguous_format', torch.channels_last: 'channels_last',
      torch.preserve_format: 'preserve_format', torch.channels_last_3d: 'channels_last_3d'}


def dtname(dt):
    return str(dt).replace('torch.', '')


def flat(t):
    t = t.reshape(-1)
    if t.dtype == torch.bool:
        return [int(v) for v in t.tolist()]
    if t.dtype.is_floating_point:
        return [v if math.isfinite(v) else ('nan' if math.isnan(v) else ('inf' if v > 0 else '-inf'))
                for v in t.tolist()]
    return t.tolist()


def enc_view(t):
    base = torch.empty(0, dtype=t.dtype).set_(t.storage())
    return {'dtype': dtname(t.dtype), 'shape': list(t.shape), 'strides': list(t.stride()),
            'offset': t.storage_offset(), 'storage': flat(base)}


def enc_out(r, inputs):
    cl = r.is_contiguous(memory_format=CL) if r.dim() == 4 else False
    o = {'dtype': dtname(r.dtype), 'shape': list(r.shape), 'strides': list(r.stride()),
         'contiguous': r.is_contiguous(), 'channels_last': cl, 'data': flat(r)}
    if any(r is x for x in inputs):
        o['self'] = True
    return o


def enc_arg(a):
    if isinstance(a, torch.Tensor):
        return {'t': enc_view(a)}
    if isinstance(a, torch.dtype):
        return {'dt': dtname(a)}
    if isinstance(a, torch.memory_format):
        return {'mf': MF[a]}
    if isinstance(a, bool):
        return {'s': a, 'k': 'bool'}
    if isinstance(a, float):
        assert not a.is_integer(), 'float scalars must not be integral (JSON would make them ints)'
        return {'s': a, 'k': 'float'}
    if isinstance(a, int):
        return {'s': a, 'k': 'int'}
    return {'v': a}


CASES = []
NAMES = set()


def case(name, op, fn, args, kwargs=None, seed=None):
    """Runs fn(*args, **kwargs) and records the result's layout and values (or the error)."""
    assert name not in NAMES, name
    NAMES.add(name)
    kwargs = kwargs or {}
    c = {'name': name, 'op': op, 'args': [enc_arg(a) for a in args],
         'kwargs': {k: enc_arg(v) for k, v in kwargs.items()}}
    if seed is not None:
        c['seed'] = seed
        torch.manual_seed(seed)
    try:
        r = fn(*args, **kwargs)
    except Exception as e:  # noqa: BLE001 - the error is the golden
        c['error'] = {'type': type(e).__name__, 'message': str(e).split('\n')[0]}
        CASES.append(c)
        return
    if isinstance(r, bool):
        c['out'] = {'value': r}
    else:
        c['out'] = enc_out(r, [a for a in args if isinstance(a, torch.Tensor)])
    CASES.append(c)


# ---- input layouts ---------------------------------------------------------------------------

def rn(*shape, dt=torch.float32):
    if dt.is_floating_point:
        return torch.randn(list(shape), dtype=dt)
    if dt == torch.bool:
        return torch.rand(list(shape)) > 0.5
    return torch.randint(-5, 6, list(shape), dtype=dt)


def layouts():
    """Named operands of one logical shape family each (float32 unless said otherwise)."""
    L = {}
    L['contig'] = rn(4, 3)
    L['t'] = rn(3, 4).t()                                   # (4, 3) strides (1, 4)
    L['t_i32'] = rn(3, 4, dt=torch.int32).t()
    L['t_f64'] = rn(3, 4, dt=torch.float64).t()
    L['t_bool'] = rn(3, 4, dt=torch.bool).t()
    L['slice'] = rn(4, 7)[:, ::2][:, :3]                    # (4, 3) non-dense, row-major order
    L['slice_t'] = rn(7, 4)[::2][:3].t()                     # (4, 3) non-dense, column-major order
    L['expand_row'] = rn(1, 3).expand(4, 3)                 # stride 0 in dim 0
    L['expand_col'] = rn(4, 1).expand(4, 3)                 # stride 0 in dim 1
    L['row'] = rn(3)                                        # broadcasts to (4, 3)
    L['col'] = rn(4, 1)
    L['one'] = rn(1)
    L['zerodim'] = rn()
    L['p3'] = rn(5, 2, 3).permute(1, 2, 0)                  # (2, 3, 5) strides (3, 1, 6)
    L['p3_c'] = rn(2, 3, 5)
    L['p3_slice'] = rn(5, 2, 7).permute(1, 2, 0)[:, ::2][:, :3]   # (2, 3, 5) non-dense, permuted
    L['p3_bcast'] = rn(3, 1)                                 # broadcasts to (2, 3, 5)
    L['odd1'] = torch.randn(2, 5, 3)[:, 1:2, :]               # (2, 1, 3) strides (15, 3, 1): not contiguous
    L['odd1_c'] = torch.randn(2, 1, 3).as_strided((2, 1, 3), (3, 100, 1))  # contiguous, odd size-1 stride
    L['odd1_b'] = rn(1, 1, 3)
    L['nchw'] = rn(2, 3, 4, 5)
    L['nhwc'] = rn(2, 3, 4, 5).contiguous(memory_format=CL)
    L['nhwc_b'] = rn(2, 3, 4, 5).contiguous(memory_format=CL)
    L['bias_c11'] = rn(1, 3, 1, 1)
    L['bias_c'] = rn(3, 1, 1)
    L['w_row'] = rn(5)
    L['n111_cl'] = rn(2, 1, 1, 1).contiguous(memory_format=CL)
    L['c1_cl'] = rn(2, 1, 4, 5).contiguous(memory_format=CL)   # both contiguous and channels_last
    L['nchw_t'] = rn(2, 3, 5, 4).transpose(2, 3)             # (2, 3, 4, 5), W/H swapped
    L['nhwc_slice'] = rn(2, 3, 4, 10).contiguous(memory_format=CL)[..., ::2]  # non-dense channels_last-like
    L['empty_t'] = torch.zeros(0, 3).t()
    L['empty3'] = torch.zeros(2, 0, 3).permute(2, 0, 1)
    L['pos_t'] = (rn(3, 4).abs() + 0.5).t()
    return L


L = layouts()


def pos(x):
    return x.abs().add(0.5) if x.dtype.is_floating_point else x


# ---- elementwise: unary ----------------------------------------------------------------------

UNARY = {
    'neg': lambda x: x.neg(), 'abs': lambda x: x.abs(), 'exp': lambda x: x.exp(), 'sigmoid': lambda x: x.sigmoid(),
    'tanh': lambda x: x.tanh(), 'relu': lambda x: x.relu(), 'sign': lambda x: x.sign(), 'floor': lambda x: x.floor(),
    'gelu': lambda x: torch.nn.functional.gelu(x), 'silu': lambda x: torch.nn.functional.silu(x), 'erf': lambda x: x.erf(),
    'isnan': lambda x: x.isnan(), 'logical_not': lambda x: x.logical_not(), 'square': lambda x: x.square(),
    'log2': lambda x: x.log2(),
}
for lay in ['contig', 't', 'slice', 'slice_t', 'expand_row', 'expand_col', 'zerodim', 'one', 'p3', 'p3_slice', 'odd1', 'odd1_c',
            'nchw', 'nhwc', 'n111_cl', 'c1_cl', 'nchw_t', 'nhwc_slice', 'empty_t', 'empty3']:
    for op in ['neg', 'exp', 'relu', 'isnan']:
        case(f'{op}({lay})', op, UNARY[op], [L[lay]])
for op in UNARY:
    x = L['pos_t'] if op == 'log2' else L['t']
    case(f'{op}(t) all unary', op, UNARY[op], [x])
case('exp(t_i32) int promoted to float', 'exp', UNARY['exp'], [L['t_i32']])
case('abs(t_i32)', 'abs', UNARY['abs'], [L['t_i32']])
case('sqrt(pos_t)', 'sqrt', lambda x: x.sqrt(), [L['pos_t']])
case('clamp(t, -0.5, 0.5)', 'clamp', lambda x, a, b: x.clamp(a, b), [L['t'], -0.5, 0.5])
case('clamp(nhwc, min)', 'clamp', lambda x, a: x.clamp(a), [L['nhwc'], -0.5])
case('leaky_relu(nhwc)', 'leaky_relu', lambda x, s: torch.nn.functional.leaky_relu(x, s), [L['nhwc'], 0.1])
case('softplus(p3)', 'softplus', lambda x: torch.nn.functional.softplus(x), [L['p3']])
case('gelu tanh(nhwc)', 'gelu', lambda x, approximate: torch.nn.functional.gelu(x, approximate=approximate), [L['nhwc']], {'approximate': 'tanh'})

# ---- elementwise: binary ---------------------------------------------------------------------

PAIRS = [
    ('t', 't'), ('t', 'contig'), ('contig', 't'), ('t', 'row'), ('row', 't'), ('t', 'col'), ('col', 't'),
    ('t', 'one'), ('one', 't'), ('t', 'zerodim'), ('zerodim', 't'), ('slice', 'slice'), ('slice', 't'),
    ('slice_t', 'contig'), ('contig', 'slice_t'), ('expand_row', 't'), ('t', 'expand_col'), ('expand_row', 'expand_col'),
    ('p3', 'p3'), ('p3', 'p3_c'), ('p3_c', 'p3'), ('p3', 'p3_bcast'), ('p3_bcast', 'p3'), ('p3_slice', 'p3'),
    ('p3_slice', 'p3_bcast'), ('odd1', 'odd1_b'), ('odd1_c', 'odd1_b'), ('odd1_c', 'odd1_c'), ('odd1', 'odd1'),
    ('nchw', 'nhwc'), ('nhwc', 'nchw'), ('nhwc', 'nhwc_b'), ('nhwc', 'bias_c11'), ('bias_c11', 'nhwc'), ('nhwc', 'bias_c'),
    ('nchw', 'bias_c11'), ('nhwc', 'w_row'), ('nhwc', 'zerodim'), ('nchw_t', 'nchw'), ('nchw', 'nchw_t'), ('nchw_t', 'nhwc'),
    ('nhwc_slice', 'nhwc'), ('nhwc', 'nhwc_slice'), ('c1_cl', 'c1_cl'), ('n111_cl', 'nhwc'), ('t_i32', 'contig'),
    ('contig', 't_i32'), ('t_f64', 't'), ('t', 't_f64'), ('empty_t', 'empty_t'),
]
BINARY = {
    'add': lambda a, b: a.add(b), 'sub': lambda a, b: a.sub(b), 'mul': lambda a, b: a.mul(b), 'div': lambda a, b: a.div(b),
    'maximum': lambda a, b: a.maximum(b), 'lt': lambda a, b: a.lt(b), 'eq': lambda a, b: a.eq(b),
    'pow': lambda a, b: a.pow(b), 'atan2': lambda a, b: a.atan2(b),
    'remainder': lambda a, b: a.remainder(b), 'logical_and': lambda a, b: a.logical_and(b),
    'minimum': lambda a, b: a.minimum(b),
}
for a, b in PAIRS:
    case(f'add({a}, {b})', 'add', BINARY['add'], [L[a], L[b]])
for op in BINARY:
    if op in ('pow',):
        case(f'{op}(pos_t, t)', op, BINARY[op], [L['pos_t'], L['t']])
        case(f'{op}(pos_t, contig)', op, BINARY[op], [L['pos_t'], L['contig']])
    else:
        case(f'{op}(t, contig) all binary', op, BINARY[op], [L['t'], L['contig']])
        case(f'{op}(nhwc, bias_c11) all binary', op, BINARY[op], [L['nhwc'], L['bias_c11']])
case('logical_and(t_bool, t)', 'logical_and', BINARY['logical_and'], [L['t_bool'], L['t']])
case('div floor(t, contig)', 'div', lambda a, b, rounding_mode: a.div(b, rounding_mode=rounding_mode), [L['t'], L['contig']], {'rounding_mode': 'floor'})
case('div trunc(nhwc, bias_c)', 'div', lambda a, b, rounding_mode: a.div(b, rounding_mode=rounding_mode), [L['nhwc'], L['bias_c']], {'rounding_mode': 'trunc'})
case('add alpha(t, contig)', 'add', lambda a, b, alpha: a.add(b, alpha=alpha), [L['t'], L['contig']], {'alpha': 2})
# scalar operands
case('mul(t, 2)', 'mul', lambda a, s: a.mul(s), [L['t'], 2])
case('add(t, 1.5)', 'add', lambda a, s: a.add(s), [L['t'], 1.5])
case('rsub(t, 2)', 'rsub', lambda a, s: torch.rsub(a, s), [L['t'], 2])
case('mul(nhwc, 0.5)', 'mul', lambda a, s: a.mul(s), [L['nhwc'], 0.5])
case('mul(odd1_c, 2)', 'mul', lambda a, s: a.mul(s), [L['odd1_c'], 2])
case('pow(t, 2)', 'pow', lambda a, s: a.pow(s), [L['t'], 2])
case('div(t_i32, 2)', 'div', lambda a, s: a.div(s), [L['t_i32'], 2])
case('gt(slice_t, 0.25)', 'gt', lambda a, s: a.gt(s), [L['slice_t'], 0.25])
case('add(p3_slice, 1)', 'add', lambda a, s: a.add(s), [L['p3_slice'], 1])
case('mul(empty3, 2)', 'mul', lambda a, s: a.mul(s), [L['empty3'], 2])

# ---- ternary: where / masked_fill ------------------------------------------------------------

mask_t = (torch.rand(3, 4) > 0.5).t()
mask_c = torch.rand(4, 3) > 0.5
mask_row = torch.rand(3) > 0.5
case('where(mask_t, t, contig)', 'where', torch.where, [mask_t, L['t'], L['contig']])
case('where(mask_c, t, t)', 'where', torch.where, [mask_c, L['t'], L['t']])
case('where(mask_t, t, t)', 'where', torch.where, [mask_t, L['t'], L['t']])
case('where(mask_row, t, 0.5)', 'where', torch.where, [mask_row, L['t'], 0.5])
case('where(mask_c, contig, slice_t)', 'where', torch.where, [mask_c, L['contig'], L['slice_t']])
mask_nhwc = (torch.rand(2, 3, 4, 5) > 0.5).contiguous(memory_format=CL)
case('where(mask_nhwc, nchw, nchw)', 'where', torch.where, [mask_nhwc, L['nchw'], L['nchw']])
case('masked_fill(t, mask_t, 0.5)', 'masked_fill', lambda x, m, v: x.masked_fill(m, v), [L['t'], mask_t, 0.5])
case('masked_fill(nhwc, mask_nhwc, 0.5)', 'masked_fill', lambda x, m, v: x.masked_fill(m, v), [L['nhwc'], mask_nhwc, 0.5])
case('masked_fill(t, mask_row, 1)', 'masked_fill', lambda x, m, v: x.masked_fill(m, v), [L['t'], mask_row, 1])

# ---- casts: Tensor.to(dtype) keeps the layout (preserve_format) ------------------------------

for lay in ['t', 'slice', 'slice_t', 'p3', 'p3_slice', 'nhwc', 'odd1_c', 'expand_row', 'nhwc_slice', 'empty3']:
    case(f'to(float64)({lay})', 'to', lambda x, d: x.to(d), [L[lay], torch.float64])
case('to(int32)(t)', 'to', lambda x, d: x.to(d), [L['t'], torch.int32])
case('double()(nhwc)', 'double', lambda x: x.double(), [L['nhwc']])
case('to(float32)(t) is self', 'to', lambda x, d: x.to(d), [L['t'], torch.float32])

# ---- in-place ops keep self's layout ---------------------------------------------------------

def inplace(fn):
    def run(x, *rest):
        y = x.clone()
        r = fn(y, *rest)
        assert r is y
        return y
    return run


case('add_(t, contig)', 'add_', inplace(lambda x, o: x.add_(o)), [L['t'], L['contig']])
case('mul_(nhwc, bias_c11)', 'mul_', inplace(lambda x, o: x.mul_(o)), [L['nhwc'], L['bias_c11']])
case('exp_(slice_t)', 'exp_', inplace(lambda x: x.exp_()), [L['slice_t']])
case('copy_(t, contig)', 'copy_', inplace(lambda x, o: x.copy_(o)), [L['t'], L['contig']])
case('clamp_(p3, -0.1, 0.1)', 'clamp_', inplace(lambda x, a, b: x.clamp_(a, b)), [L['p3'], -0.1, 0.1])

# ---- memory formats: is_contiguous / contiguous / clone / to ---------------------------------

FORMATS = [torch.contiguous_format, torch.channels_last, torch.preserve_format]
FMT_INPUTS = ['contig', 't', 'slice_t', 'p3', 'p3_slice', 'odd1_c', 'nchw', 'nhwc', 'nchw_t', 'nhwc_slice', 'n111_cl', 'c1_cl',
              'expand_row', 'zerodim', 'empty3']
for lay in FMT_INPUTS:
    x = L[lay]
    case(f'clone()({lay})', 'clone', lambda x: x.clone(), [x])
    case(f'contiguous()({lay})', 'contiguous', lambda x: x.contiguous(), [x])
    for mf in FORMATS:
        case(f'is_contiguous({MF[mf]})({lay})', 'is_contiguous', lambda x, memory_format: x.is_contiguous(memory_format=memory_format), [x], {'memory_format': mf})
        case(f'contiguous({MF[mf]})({lay})', 'contiguous', lambda x, memory_format: x.contiguous(memory_format=memory_format), [x], {'memory_format': mf})
        case(f'clone({MF[mf]})({lay})', 'clone', lambda x, memory_format: x.clone(memory_format=memory_format), [x], {'memory_format': mf})
        case(f'to({MF[mf]})({lay})', 'to', lambda x, memory_format: x.to(memory_format=memory_format), [x], {'memory_format': mf})
    case(f'to(float64, channels_last)({lay})', 'to', lambda x, d, memory_format: x.to(d, memory_format=memory_format), [x, torch.float64], {'memory_format': CL})
x5 = rn(2, 3, 2, 3, 4)
for mf in [torch.channels_last_3d, torch.contiguous_format]:
    case(f'contiguous({MF[mf]})(ncdhw)', 'contiguous', lambda x, memory_format: x.contiguous(memory_format=memory_format), [x5], {'memory_format': mf})
    case(f'is_contiguous({MF[mf]})(ncdhw)', 'is_contiguous', lambda x, memory_format: x.is_contiguous(memory_format=memory_format), [x5], {'memory_format': mf})
x5cl = x5.contiguous(memory_format=torch.channels_last_3d)
case('clone()(ndhwc)', 'clone', lambda x: x.clone(), [x5cl])
case('is_contiguous(channels_last_3d)(ndhwc)', 'is_contiguous', lambda x, memory_format: x.is_contiguous(memory_format=memory_format), [x5cl], {'memory_format': torch.channels_last_3d})
case('mul(ndhwc, 2)', 'mul', lambda a, s: a.mul(s), [x5cl, 2])
case('empty_like()(ndhwc)', 'empty_like', lambda x: torch.empty_like(x), [x5cl])
case('contiguous(channels_last)(ncdhw) error', 'contiguous', lambda x, memory_format: x.contiguous(memory_format=memory_format), [x5], {'memory_format': CL})

# ---- *_like functions (preserve_format by default) ------------------------------------------

LIKE = {
    'empty_like': lambda x, **kw: torch.empty_like(x, **kw).zero_(),   # values: zeroed (empty is uninitialised)
    'zeros_like': lambda x, **kw: torch.zeros_like(x, **kw),
    'ones_like': lambda x, **kw: torch.ones_like(x, **kw),
    'full_like': lambda x, v, **kw: torch.full_like(x, v, **kw),
    'rand_like': lambda x, **kw: torch.rand_like(x, **kw),
    'randn_like': lambda x, **kw: torch.randn_like(x, **kw),
    'randint_like': lambda x, h, **kw: torch.randint_like(x, h, **kw),
}
seed = 100
for lay in ['contig', 't', 'slice_t', 'p3', 'p3_slice', 'odd1_c', 'nchw', 'nhwc', 'nchw_t', 'nhwc_slice', 'expand_row', 'zerodim', 'empty3']:
    for name, fn in LIKE.items():
        extra = [0.25] if name == 'full_like' else [7] if name == 'randint_like' else []
        for mf in [None, torch.preserve_format, torch.contiguous_format, torch.channels_last]:
            kw = {} if mf is None else {'memory_format': mf}
            seed += 1
            label = 'default' if mf is None else MF[mf]
            case(f'{name}({label})({lay})', name, fn, [L[lay], *extra], kw, seed=seed)
case('zeros_like(t, float64)', 'zeros_like', LIKE['zeros_like'], [L['t']], {'dtype': torch.float64})
case('randn_like(nhwc, float64)', 'randn_like', LIKE['randn_like'], [L['nhwc']], {'dtype': torch.float64}, seed=7)
case('empty(channels_last)', 'empty', lambda s, memory_format: torch.empty(s, memory_format=memory_format).zero_(), [[2, 3, 4, 5]], {'memory_format': CL})
case('empty(channels_last) 3-D error', 'empty', lambda s, memory_format: torch.empty(s, memory_format=memory_format), [[2, 3, 4]], {'memory_format': CL})
case('empty(preserve_format) error', 'empty', lambda s, memory_format: torch.empty(s, memory_format=memory_format), [[2, 3]], {'memory_format': torch.preserve_format})
case('empty(contiguous_format)', 'empty', lambda s, memory_format: torch.empty(s, memory_format=memory_format).zero_(), [[2, 3]], {'memory_format': torch.contiguous_format})

# ---- in-place random fills walk the tensor in memory order (TensorIterator) -----------------

for lay in ['t', 'nhwc', 'slice_t', 'p3_slice']:
    for name, fn in [('uniform_', lambda x: x.uniform_()), ('normal_', lambda x: x.normal_()), ('random_', lambda x: x.random_(0, 9))]:
        seed += 1
        case(f'{name}({lay})', name, inplace(fn), [L[lay]], seed=seed)

# ---- gradients: AccumulateGrad's layout contract ---------------------------------------------

BACKWARD = []


def backward_case(name, op, fn, leaf_src, seed_w):
    leaf = leaf_src.detach().requires_grad_()  # a leaf with the source's exact layout (a view for slices)
    out = fn(leaf)
    torch.manual_seed(seed_w)
    w = torch.randn(out.shape)
    (out * w).sum().backward()
    BACKWARD.append({'name': name, 'op': op, 'leaf': enc_view(leaf), 'w': flat(w),
                     'out': enc_out(out.detach(), []), 'grad': enc_out(leaf.grad, [])})


backward_case('mul2(t)', 'mul2', lambda x: x * 2, L['t'], 1)
backward_case('exp(t)', 'exp', lambda x: x.exp(), L['t'], 2)
backward_case('mul_self(nhwc)', 'mul_self', lambda x: x * x, L['nhwc'], 3)
backward_case('add_bias(nhwc)', 'add_bias', lambda x: x + L['bias_c11'], L['nhwc'], 4)
backward_case('mul2(slice_t)', 'mul2', lambda x: x * 2, L['slice_t'], 5)
backward_case('sigmoid(p3)', 'sigmoid', lambda x: x.sigmoid(), L['p3'], 6)
backward_case('mul_contig(t)', 'mul_contig', lambda x: x * L['contig'], L['t'], 7)
backward_case('to_f64(t)', 'to_f64', lambda x: x.to(torch.float64), L['t'], 8)


def retain_case(name, seed_w):
    """retain_grad() on a transposed result whose incoming gradient is transposed too."""
    leaf = L['contig'].detach().t().contiguous().requires_grad_()   # (3, 4) row-major
    y = leaf.t() * 1                                                # (4, 3) strides (1, 4)
    y.retain_grad()
    torch.manual_seed(seed_w)
    w = torch.randn(3, 4)
    (y.t().exp() * w).sum().backward()
    BACKWARD.append({'name': name, 'op': 'retain', 'leaf': enc_view(leaf), 'w': flat(w),
                     'out': enc_out(y.detach(), []), 'grad': enc_out(y.grad, [])})


retain_case('retain_grad(t * 1): contiguous_format clone', 9)

# ---- errors ----------------------------------------------------------------------------------

def err_case(name, op, fn):
    assert name not in NAMES, name
    NAMES.add(name)
    try:
        fn()
    except Exception as e:  # noqa: BLE001
        CASES.append({'name': name, 'op': op, 'args': [], 'kwargs': {}, 'error': {'type': type(e).__name__, 'message': str(e).split('\n')[0]}})
        return
    raise AssertionError(f'{name}: expected an error')


x2 = rn(2, 3)
err_case('contiguous(memory_format=str)', 'bad_contiguous', lambda: x2.contiguous(memory_format='channels_last'))
err_case('is_contiguous(memory_format=int)', 'bad_is_contiguous', lambda: x2.is_contiguous(memory_format=3))
err_case('empty_like(memory_format=str)', 'bad_empty_like', lambda: torch.empty_like(x2, memory_format='x'))
err_case('clone(memory_format=str)', 'bad_clone', lambda: x2.clone(memory_format='channels_last'))
err_case('view of a transposed result', 'view_error', lambda: (L['t'] * 2).view(12))
err_case('Module.to(channels_last) with a 5-D parameter', 'module_5d', lambda: torch.nn.Conv3d(1, 1, 1).to(memory_format=CL))


# ---- Module.to(memory_format=torch.channels_last) --------------------------------------------

torch.manual_seed(3)
net = torch.nn.Sequential(torch.nn.Conv2d(2, 3, 3), torch.nn.BatchNorm2d(3), torch.nn.Flatten(), torch.nn.Linear(12, 2))
net.to(memory_format=CL)
module = [{'name': k, 'shape': list(v.shape), 'strides': list(v.stride()), 'channels_last': v.dim() == 4 and v.is_contiguous(memory_format=CL)}
          for k, v in list(net.named_parameters()) + list(net.named_buffers())]

os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, 'w') as f:
    json.dump({'torch_version': torch.__version__, 'formats': {v: repr(k) for k, v in MF.items()},
               'cases': CASES, 'backward': BACKWARD, 'module': module}, f, separators=(',', ':'))
print(f'wrote {len(CASES)} cases, {len(BACKWARD)} backward cases to {os.path.normpath(OUT)}')
