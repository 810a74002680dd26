"""Writes packages/torch-compat/fixtures/layers/<family>.json from real PyTorch (1.13, CPU).

Run with Debian's python3-torch:
    /usr/bin/python3 tooling/goldens/gen_torch_layers.py

Each file is a list of cases:
  {name, ctor, seed, repr, seq_repr, state, steps}
  ctor     {cls, args, kwargs}: the constructor call. Values: JSON scalars, lists (Python
           tuples), {"t": tensor} for tensors, {"module": ctor} for module arguments.
  seed     torch.manual_seed(seed) runs right before construction, so `state` (the
           state_dict right after construction, in order, with dtype/shape/data) is the
           default initialisation PyTorch draws for that seed.
  repr     repr(module); seq_repr is repr(nn.Sequential(module)).
  steps    forward passes run after torch.manual_seed(seed + 1) (so dropout masks come from a
           known generator state), each {mode, call: {args, kwargs}, out, w, grads, state_after}:
           `out` the outputs flattened (tuples in order, None as null), `w` random weights of
           loss = sum_i sum(out_i * w_i) over the floating outputs, `grads` the gradient of that
           loss w.r.t. the inputs marked rg ("in0", "in1", ... in args-then-kwargs order) and
           every parameter (by state_dict name), `state_after` the state_dict after the pass
           (running stats, num_batches_tracked, max_norm renormalised rows).
errors.json lists constructor / forward calls with the exception PyTorch raises
({type, message}, or null) and the warnings it emits (`v2_1` where 2.1 raises otherwise).
Inputs and loss weights come from a separate torch.Generator, never the global one.

Where PyTorch 2.1 differs from 1.13 for these layers (the TypeScript follows 2.1):
  - LayerNorm and TransformerEncoderLayer gained `bias=` (2.1): not exercised here.
  - TransformerEncoder warns "enable_nested_tensor is True, but self.use_nested_tensor is
    False because ..." in 2.1; 1.13 is silent. Reprs and state_dict names are the same.
  - ModuleList.__repr__ folds repeated children ("(0-1): 2 x TransformerEncoderLayer(") since
    2.0; 1.13 prints each. The generator installs 2.1's __repr__ (copied below) so the
    TransformerEncoder reprs are 2.1's.
  - MultiheadAttention with need_weights=False runs scaled_dot_product_attention in 2.1; the
    values agree with 1.13's explicit softmax(q k^T) v up to float rounding.
"""
import json
import math
import os

import torch
import torch.nn as nn

def _module_list_repr_2_1(self):
    """torch/nn/modules/container.py ModuleList.__repr__ of PyTorch 2.1."""
    list_of_reprs = [repr(item) for item in self]
    if len(list_of_reprs) == 0:
        return self._get_name() + '()'
    start_end_indices = [[0, 0]]
    repeated_blocks = [list_of_reprs[0]]
    for i, r in enumerate(list_of_reprs[1:], 1):
        if r == repeated_blocks[-1]:
            start_end_indices[-1][1] += 1
            continue
        start_end_indices.append([i, i])
        repeated_blocks.append(r)
    lines = []
    main_str = self._get_name() + '('
    for (start_id, end_id), b in zip(start_end_indices, repeated_blocks):
        local_repr = f'({start_id}): {b}'
        if start_id != end_id:
            n = end_id - start_id + 1
            local_repr = f'({start_id}-{end_id}): {n} x {b}'
        local_repr = nn.modules.module._addindent(local_repr, 2)
        lines.append(local_repr)
    main_str += '\n  ' + '\n  '.join(lines) + '\n'
    main_str += ')'
    return main_str


if torch.__version__ < '2':
    nn.ModuleList.__repr__ = _module_list_repr_2_1

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'packages', 'torch-compat', 'fixtures', 'layers')
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


def randn(*shape, rg=True):
    t = torch.randn(*shape, generator=G)
    return t.requires_grad_(rg)


def randint(high, *shape):
    return torch.randint(0, high, shape, generator=G)


class Mod:
    """A module argument of a constructor (encoded as {"module": ctor})."""

    def __init__(self, cls, *args, **kwargs):
        self.cls, self.args, self.kwargs = cls, args, kwargs

    def build(self):
        return getattr(nn, self.cls)(*[dec(a) for a in self.args], **{k: dec(v) for k, v in self.kwargs.items()})

    def spec(self):
        return {'cls': self.cls, 'args': [enc(a) for a in self.args], 'kwargs': {k: enc(v) for k, v in self.kwargs.items()}}


def enc(v):
    if isinstance(v, torch.Tensor):
        d = tj(v)
        if v.requires_grad:
            d['rg'] = True
        return {'t': d}
    if isinstance(v, Mod):
        return {'module': v.spec()}
    if isinstance(v, torch.dtype):
        return str(v).replace('torch.', '')
    if isinstance(v, (list, tuple)):
        return [enc(x) for x in v]
    if isinstance(v, dict):
        return {'kw': {k: enc(x) for k, x in v.items()}}
    return num(v)


def dec(v):
    return v.build() if isinstance(v, Mod) else v


def flatten(o):
    if o is None:
        return [None]
    if isinstance(o, torch.Tensor):
        return [o]
    out = []
    for x in o:
        out.extend(flatten(x))
    return out


def rg_inputs(args, kwargs):
    found = []

    def walk(v):
        if isinstance(v, torch.Tensor):
            if v.requires_grad:
                found.append(v)
        elif isinstance(v, (list, tuple)):
            for x in v:
                walk(x)
    for a in args:
        walk(a)
    for a in kwargs.values():
        walk(a)
    return found


def state_json(m):
    out = []
    for k, v in m.state_dict().items():
        if v.numel() > 1024:
            # Large tensors (dim_feedforward=2048) keep the fixture small: the first 64 values
            # and the float64 sum of all, which still pins the init draw by draw.
            flat = v.detach().reshape(-1)
            out.append({'key': k, 'dtype': str(v.dtype).replace('torch.', ''), 'shape': list(v.shape),
                        'head': flat[:64].tolist(), 'sum64': flat.double().sum().item()})
        else:
            out.append({'key': k, **tj(v)})
    return out


def case(name, ctor, steps=(), seed=0):
    """steps: list of (mode, args, kwargs) with fresh input tensors."""
    torch.manual_seed(seed)
    m = ctor.build()
    rec = {'name': name, 'ctor': ctor.spec(), 'seed': seed, 'repr': repr(m), 'seq_repr': repr(nn.Sequential(m)),
           'state': state_json(m), 'steps': []}
    torch.manual_seed(seed + 1)
    params = [(k, p) for k, p in m.named_parameters() if p.requires_grad]
    for mode, args, kwargs in steps:
        m.train(mode == 'train')
        call = {'args': [enc(a) for a in args], 'kwargs': {k: enc(v) for k, v in kwargs.items()}}
        out = m(*args, **kwargs)
        outs = flatten(out)
        ws = [torch.randn(o.shape, generator=G) if o is not None and o.requires_grad else None for o in outs]
        ins = rg_inputs(args, kwargs)
        step = {'mode': mode, 'call': call, 'out': [None if o is None else tj(o) for o in outs],
                'w': [None if w is None else tj(w) for w in ws], 'grads': {}}
        terms = [(o * w).sum() for o, w in zip(outs, ws) if w is not None]
        if terms:
            loss = sum(terms)
            targets = ins + [p for _, p in params]
            grads = torch.autograd.grad(loss, targets, allow_unused=True)
            names = [f'in{i}' for i in range(len(ins))] + [k for k, _ in params]
            for n, g in zip(names, grads):
                step['grads'][n] = None if g is None else tj(g)
        if len(list(m.buffers())) > 0 or 'max_norm' in name:
            step['state_after'] = state_json(m)
        rec['steps'].append(step)
    return rec


def T(mode, *args, **kwargs):
    return (mode, args, kwargs)


def linear_cases():
    return [
        case('Identity', Mod('Identity', 54, unused_argument1=0.1), [T('train', randn(3, 4))]),
        case('Bilinear', Mod('Bilinear', 3, 4, 5), [T('train', randn(6, 3), randn(6, 4))], seed=1),
        case('Bilinear_nobias', Mod('Bilinear', 3, 4, 2, bias=False), [T('train', randn(2, 5, 3), randn(2, 5, 4))], seed=2),
        case('Flatten', Mod('Flatten'), [T('train', randn(2, 3, 4, 2))]),
        case('Flatten_0_2', Mod('Flatten', 0, 2), [T('train', randn(2, 3, 4, 2))]),
        case('Unflatten', Mod('Unflatten', 1, (2, 3)), [T('train', randn(4, 6, 2))]),
    ]


def conv_cases():
    return [
        case('Conv1d', Mod('Conv1d', 4, 6, 3, stride=2, padding=1), [T('train', randn(2, 4, 9))], seed=3),
        case('Conv1d_same_dil', Mod('Conv1d', 4, 6, 3, padding='same', dilation=2, bias=False), [T('train', randn(2, 4, 8))], seed=4),
        case('Conv1d_circular_groups', Mod('Conv1d', 4, 4, 3, padding=1, groups=2, padding_mode='circular'), [T('train', randn(2, 4, 7))], seed=5),
        case('Conv2d', Mod('Conv2d', 3, 4, 3), [T('train', randn(2, 3, 6, 5))], seed=6),
        case('Conv2d_tuple_groups', Mod('Conv2d', 3, 6, (3, 2), stride=(2, 1), padding=(1, 0), groups=3), [T('train', randn(2, 3, 7, 5))], seed=7),
        case('Conv2d_same_reflect', Mod('Conv2d', 2, 4, 3, padding='same', padding_mode='reflect'), [T('train', randn(1, 2, 5, 6))], seed=8),
        case('Conv2d_replicate_nobias', Mod('Conv2d', 2, 3, 3, padding=1, padding_mode='replicate', bias=False, dilation=1), [T('train', randn(2, 2, 4, 4))], seed=9),
        case('ConvTranspose2d', Mod('ConvTranspose2d', 4, 3, 3, stride=2, padding=1, output_padding=1), [T('train', randn(2, 4, 3, 3))], seed=10),
        case('ConvTranspose2d_groups_dil', Mod('ConvTranspose2d', 4, 6, 2, groups=2, bias=False, dilation=2), [T('train', randn(1, 4, 3, 4))], seed=11),
        case('Conv2d_float64', Mod('Conv2d', 2, 3, 3, dtype=torch.float64), [T('train', randn(1, 2, 4, 4).double().detach().requires_grad_(True))], seed=33),
        case('Sequential_cnn', Mod('Sequential', Mod('Conv2d', 1, 4, 3, padding=1), Mod('BatchNorm2d', 4), Mod('ReLU'), Mod('MaxPool2d', 2),
                                   Mod('Flatten'), Mod('Linear', 16, 3), Mod('LogSoftmax', dim=1)),
             [T('train', randn(3, 1, 4, 4)), T('train', randn(3, 1, 4, 4)), T('eval', randn(2, 1, 4, 4))], seed=34),
        case('ConvTranspose2d_output_size', Mod('ConvTranspose2d', 2, 3, 3, stride=2, padding=1), [T('train', randn(1, 2, 4, 4), output_size=[8, 8])], seed=12),
    ]


def pooling_cases():
    return [
        case('MaxPool1d', Mod('MaxPool1d', 3, 2, padding=1), [T('train', randn(2, 3, 9))]),
        case('MaxPool2d', Mod('MaxPool2d', 2), [T('train', randn(2, 3, 6, 6))]),
        case('MaxPool2d_tuple_ceil', Mod('MaxPool2d', (3, 2), stride=(2, 1), padding=1, ceil_mode=True), [T('train', randn(1, 2, 7, 5))]),
        case('MaxPool2d_indices', Mod('MaxPool2d', 2, return_indices=True), [T('train', randn(1, 2, 4, 4))]),
        case('AvgPool2d', Mod('AvgPool2d', 2), [T('train', randn(2, 3, 6, 6))]),
        case('AvgPool2d_opts', Mod('AvgPool2d', 3, stride=2, padding=1, ceil_mode=True, count_include_pad=False), [T('train', randn(1, 2, 7, 6))]),
        case('AvgPool2d_divisor', Mod('AvgPool2d', 2, divisor_override=3), [T('train', randn(1, 2, 4, 4))]),
        case('AdaptiveAvgPool2d', Mod('AdaptiveAvgPool2d', (3, 2)), [T('train', randn(2, 3, 7, 5))]),
        case('AdaptiveAvgPool2d_1', Mod('AdaptiveAvgPool2d', 1), [T('train', randn(2, 3, 5, 5))]),
        case('AdaptiveAvgPool2d_none', Mod('AdaptiveAvgPool2d', (None, 3)), [T('train', randn(2, 4, 7))]),
    ]


def norm_cases():
    return [
        case('BatchNorm1d', Mod('BatchNorm1d', 4),
             [T('train', randn(5, 4)), T('train', randn(5, 4)), T('train', randn(5, 4)), T('eval', randn(3, 4))]),
        case('BatchNorm1d_cumulative_3d', Mod('BatchNorm1d', 4, momentum=None),
             [T('train', randn(3, 4, 5)), T('train', randn(3, 4, 5)), T('train', randn(3, 4, 5)), T('eval', randn(2, 4, 5))]),
        case('BatchNorm1d_noaffine_nostats', Mod('BatchNorm1d', 4, affine=False, track_running_stats=False),
             [T('train', randn(5, 4)), T('eval', randn(5, 4))]),
        case('BatchNorm2d', Mod('BatchNorm2d', 3), [T('train', randn(2, 3, 4, 4)), T('train', randn(2, 3, 4, 4)), T('eval', randn(2, 3, 4, 4))]),
        case('BatchNorm2d_eps_momentum', Mod('BatchNorm2d', 3, eps=1e-3, momentum=0.3), [T('train', randn(3, 3, 2, 3)), T('eval', randn(1, 3, 2, 3))]),
        case('LayerNorm', Mod('LayerNorm', 6), [T('train', randn(2, 3, 6))]),
        case('LayerNorm_2d_noaffine', Mod('LayerNorm', (3, 4), eps=1e-6, elementwise_affine=False), [T('train', randn(2, 3, 4))]),
        case('GroupNorm', Mod('GroupNorm', 2, 4), [T('train', randn(2, 4, 3, 3))]),
        case('GroupNorm_noaffine', Mod('GroupNorm', 3, 6, eps=1e-3, affine=False), [T('train', randn(2, 6, 5))]),
    ]


def sparse_dropout_cases():
    return [
        case('Embedding', Mod('Embedding', 10, 3), [T('train', randint(10, 2, 4))], seed=13),
        case('Embedding_padding', Mod('Embedding', 10, 3, padding_idx=0), [T('train', torch.tensor([[0, 2, 0, 5], [1, 0, 9, 2]]))], seed=14),
        case('Embedding_negpad_max_norm', Mod('Embedding', 10, 3, padding_idx=-2, max_norm=1.0), [T('train', torch.tensor([[8, 2, 3], [3, 7, 1]]))], seed=15),
        case('Dropout', Mod('Dropout', 0.3), [T('train', randn(4, 20)), T('eval', randn(4, 20))], seed=16),
        case('Dropout_default', Mod('Dropout'), [T('train', randn(3, 7))], seed=17),
        case('Dropout_inplace', Mod('Dropout', 0.25, True), [T('train', randn(4, 9, rg=False))], seed=32),
        case('Dropout1d', Mod('Dropout1d', 0.4), [T('train', randn(3, 5, 4)), T('eval', randn(3, 5, 4))], seed=18),
        case('Dropout2d', Mod('Dropout2d', 0.4), [T('train', randn(2, 6, 3, 3))], seed=19),
    ]


def activation_cases():
    x = lambda: randn(3, 5) * 3  # noqa: E731
    def leaf():
        return (torch.randn(3, 5, generator=G) * 3).requires_grad_(True)
    return [
        case('ReLU', Mod('ReLU'), [T('train', leaf())]),
        case('ReLU_inplace', Mod('ReLU', inplace=True)),
        case('ReLU6', Mod('ReLU6'), [T('train', leaf() * 0 + torch.linspace(-8, 8, 15).reshape(3, 5).requires_grad_(True))]),
        case('LeakyReLU', Mod('LeakyReLU', 0.2), [T('train', leaf())]),
        case('LeakyReLU_default_inplace', Mod('LeakyReLU', inplace=True)),
        case('ELU', Mod('ELU', alpha=0.5), [T('train', leaf())]),
        case('ELU_default', Mod('ELU')),
        case('GELU', Mod('GELU'), [T('train', leaf())]),
        case('GELU_tanh', Mod('GELU', approximate='tanh'), [T('train', leaf())]),
        case('SiLU', Mod('SiLU'), [T('train', leaf())]),
        case('Mish', Mod('Mish'), [T('train', leaf())]),
        case('Softplus', Mod('Softplus'), [T('train', leaf())]),
        case('Softplus_beta', Mod('Softplus', beta=2, threshold=5), [T('train', leaf())]),
        case('Sigmoid', Mod('Sigmoid'), [T('train', leaf())]),
        case('Tanh', Mod('Tanh'), [T('train', leaf())]),
        case('Hardtanh', Mod('Hardtanh', -0.5, 0.7), [T('train', leaf())]),
        case('Hardtanh_default', Mod('Hardtanh')),
        case('Softmax', Mod('Softmax', dim=1), [T('train', leaf())]),
        case('Softmax_none', Mod('Softmax')),
        case('LogSoftmax', Mod('LogSoftmax', dim=-1), [T('train', leaf())]),
        # inplace=True on tensors that do not require grad (the output is the input, rewritten)
        case('ReLU_inplace_fwd', Mod('ReLU', True), [T('train', randn(3, 5, rg=False))]),
        case('LeakyReLU_inplace_fwd', Mod('LeakyReLU', 0.1, True), [T('train', randn(3, 5, rg=False))]),
        case('ELU_inplace_fwd', Mod('ELU', inplace=True), [T('train', randn(3, 5, rg=False))]),
        case('Hardtanh_inplace_fwd', Mod('Hardtanh', inplace=True), [T('train', randn(3, 5, rg=False) * 2)]),
        case('SiLU_inplace_fwd', Mod('SiLU', inplace=True), [T('train', randn(3, 5, rg=False))]),
    ]


def attention_cases():
    def kpm():
        return torch.tensor([[False, False, True, False], [False, True, False, False]])
    return [
        case('MultiheadAttention', Mod('MultiheadAttention', 8, 2), [T('train', randn(4, 2, 8), randn(4, 2, 8), randn(4, 2, 8))], seed=20),
        case('MultiheadAttention_self_masks', Mod('MultiheadAttention', 8, 2, batch_first=True),
             [T('train', *([randn(2, 4, 8)] * 3), key_padding_mask=kpm(), attn_mask=torch.randn(4, 4, generator=G), average_attn_weights=False)], seed=21),
        case('MultiheadAttention_bool_attn_mask_noweights', Mod('MultiheadAttention', 8, 4),
             [T('train', randn(3, 2, 8), randn(4, 2, 8), randn(4, 2, 8), attn_mask=torch.tensor([[False, True, False, False], [False, False, False, True], [True, False, False, False]]), need_weights=False)], seed=22),
        case('MultiheadAttention_kdim_vdim', Mod('MultiheadAttention', 8, 2, kdim=5, vdim=3), [T('train', randn(3, 2, 8), randn(4, 2, 5), randn(4, 2, 3))], seed=23),
        case('MultiheadAttention_bias_kv_zero_attn', Mod('MultiheadAttention', 8, 2, bias=False, add_bias_kv=True, add_zero_attn=True),
             [T('train', randn(3, 2, 8), randn(4, 2, 8), randn(4, 2, 8), key_padding_mask=kpm())], seed=24),
        case('MultiheadAttention_dropout', Mod('MultiheadAttention', 8, 2, dropout=0.3),
             [T('train', randn(4, 2, 8), randn(4, 2, 8), randn(4, 2, 8)), T('eval', randn(4, 2, 8), randn(4, 2, 8), randn(4, 2, 8))], seed=25),
        case('MultiheadAttention_unbatched', Mod('MultiheadAttention', 6, 3), [T('train', randn(4, 6), randn(5, 6), randn(5, 6))], seed=26),
        case('TransformerEncoderLayer', Mod('TransformerEncoderLayer', 8, 2, dim_feedforward=16, dropout=0.0),
             [T('train', randn(5, 2, 8))], seed=27),
        case('TransformerEncoderLayer_gelu_normfirst_dropout', Mod('TransformerEncoderLayer', 8, 2, 16, 0.1, activation='gelu', batch_first=True, norm_first=True),
             [T('train', randn(2, 5, 8), src_key_padding_mask=torch.tensor([[False] * 4 + [True], [False] * 5])), T('eval', randn(2, 5, 8))], seed=28),
        case('TransformerEncoderLayer_default', Mod('TransformerEncoderLayer', 8, 2), seed=29),
        case('TransformerEncoder', Mod('TransformerEncoder', Mod('TransformerEncoderLayer', 8, 2, dim_feedforward=16, dropout=0.0), 2, norm=Mod('LayerNorm', 8)),
             [T('train', randn(5, 2, 8), mask=torch.triu(torch.full((5, 5), float('-inf')), diagonal=1))], seed=30),
        case('TransformerEncoder_dropout_batch_first', Mod('TransformerEncoder', Mod('TransformerEncoderLayer', 8, 2, 12, 0.2, batch_first=True), 2),
             [T('train', randn(2, 4, 8)), T('eval', randn(2, 4, 8))], seed=31),
    ]


def rnn_cases():
    out = []
    for cls in ('LSTM', 'GRU'):
        lstm = cls == 'LSTM'

        def hx(layers, n, h):
            return (randn(layers, n, h), randn(layers, n, h)) if lstm else randn(layers, n, h)
        out += [
            case(f'{cls}', Mod(cls, 4, 5), [T('train', randn(6, 3, 4))], seed=40),
            case(f'{cls}_2layer_batch_first_h0', Mod(cls, 4, 5, 2, batch_first=True), [T('train', randn(3, 6, 4), hx(2, 3, 5))], seed=41),
            case(f'{cls}_2layer_h0', Mod(cls, 3, 4, num_layers=2), [T('train', randn(5, 2, 3), hx(2, 2, 4))], seed=42),
            case(f'{cls}_dropout', Mod(cls, 4, 5, num_layers=3, dropout=0.3), [T('train', randn(4, 2, 4)), T('eval', randn(4, 2, 4))], seed=43),
            case(f'{cls}_bidirectional', Mod(cls, 4, 3, 2, bidirectional=True), [T('train', randn(5, 2, 4))], seed=44),
            case(f'{cls}_bidirectional_batch_first_h0', Mod(cls, 3, 4, bidirectional=True, batch_first=True), [T('train', randn(2, 5, 3), hx(2, 2, 4))], seed=45),
            case(f'{cls}_nobias_unbatched', Mod(cls, 4, 5, bias=False), [T('train', randn(6, 4))], seed=46),
            case(f'{cls}_float64', Mod(cls, 3, 4, dtype=torch.float64), [T('train', randn(4, 2, 3).double().detach().requires_grad_(True))], seed=48),
            case(f'{cls}_unbatched_h0', Mod(cls, 4, 5), [T('train', randn(6, 4), (randn(1, 5), randn(1, 5)) if lstm else randn(1, 5))], seed=47),
        ]
    return out


def loss_cases():
    def logits(*s):
        return randn(*s)
    w3 = torch.tensor([0.2, 1.0, 2.5])
    probs = torch.softmax(torch.randn(4, 3, generator=G), 1)
    return [
        case('CrossEntropyLoss', Mod('CrossEntropyLoss'), [T('train', logits(4, 3), randint(3, 4))]),
        case('CrossEntropyLoss_opts', Mod('CrossEntropyLoss', weight=w3, ignore_index=1, label_smoothing=0.1), [T('train', logits(5, 3), torch.tensor([0, 1, 2, 2, 0]))]),
        case('CrossEntropyLoss_probs_sum', Mod('CrossEntropyLoss', reduction='sum'), [T('train', logits(4, 3), probs)]),
        case('CrossEntropyLoss_2d', Mod('CrossEntropyLoss', w3, reduction='none'), [T('train', logits(2, 3, 4), randint(3, 2, 4))]),
        case('NLLLoss', Mod('NLLLoss'), [T('train', torch.log_softmax(torch.randn(4, 3, generator=G), 1).requires_grad_(True), randint(3, 4))]),
        case('NLLLoss_weight_none', Mod('NLLLoss', weight=w3, reduction='none'), [T('train', logits(4, 3), randint(3, 4))]),
        case('MSELoss', Mod('MSELoss'), [T('train', randn(3, 4), randn(3, 4))]),
        case('MSELoss_legacy_size_average', Mod('MSELoss', size_average=False), [T('train', randn(3, 4), randn(3, 4, rg=False))]),
        case('L1Loss_sum', Mod('L1Loss', reduction='sum'), [T('train', randn(3, 4), randn(3, 4, rg=False))]),
        case('SmoothL1Loss', Mod('SmoothL1Loss', beta=0.5), [T('train', randn(3, 4), randn(3, 4, rg=False))]),
        case('BCELoss', Mod('BCELoss', weight=torch.tensor([0.5, 1.0, 2.0, 1.5])),
             [T('train', torch.rand(3, 4, generator=G).clamp(0.05, 0.95).requires_grad_(True), torch.rand(3, 4, generator=G))]),
        case('BCEWithLogitsLoss', Mod('BCEWithLogitsLoss', pos_weight=torch.tensor([1.0, 2.0, 0.5, 3.0])),
             [T('train', randn(3, 4), torch.rand(3, 4, generator=G))]),
        case('KLDivLoss_batchmean', Mod('KLDivLoss', reduction='batchmean'),
             [T('train', torch.log_softmax(torch.randn(3, 4, generator=G), 1).requires_grad_(True), torch.softmax(torch.randn(3, 4, generator=G), 1))]),
        case('KLDivLoss_log_target', Mod('KLDivLoss', reduction='sum', log_target=True),
             [T('train', torch.log_softmax(torch.randn(3, 4, generator=G), 1).requires_grad_(True), torch.log_softmax(torch.randn(3, 4, generator=G), 1))]),
    ]


def err_case(name, ctor, call=None):
    """The exception (type name and message) or warnings PyTorch raises for a constructor or forward call."""
    import warnings
    rec = {'name': name, 'ctor': ctor.spec()}
    if call is not None:
        rec['call'] = {'args': [enc(a) for a in call[0]], 'kwargs': {k: enc(v) for k, v in call[1].items()}}
    with warnings.catch_warnings(record=True) as ws:
        warnings.simplefilter('always')
        try:
            m = ctor.build()
            if call is not None:
                m(*call[0], **call[1])
            rec['error'] = None
        except Exception as e:  # noqa: BLE001
            rec['error'] = {'type': type(e).__name__, 'message': str(e)}
    rec['warnings'] = [str(w.message) for w in ws]
    return rec


def error_cases():
    x = lambda *s: torch.zeros(*s)  # noqa: E731
    return [
        err_case('Conv2d_groups_nonpositive', Mod('Conv2d', 4, 4, 3, groups=0)),
        err_case('Conv2d_in_channels_groups', Mod('Conv2d', 3, 4, 3, groups=2)),
        err_case('Conv2d_out_channels_groups', Mod('Conv2d', 4, 3, 3, groups=2)),
        err_case('Conv2d_bad_padding_string', Mod('Conv2d', 4, 3, 3, padding='full')),
        err_case('Conv2d_same_strided', Mod('Conv2d', 4, 3, 3, stride=2, padding='same')),
        err_case('Conv1d_bad_padding_mode', Mod('Conv1d', 4, 3, 3, padding_mode='mirror')),
        err_case('ConvTranspose2d_padding_mode', Mod('ConvTranspose2d', 4, 3, 3, padding_mode='reflect')),
        err_case('ConvTranspose2d_bad_output_size', Mod('ConvTranspose2d', 2, 3, 3, stride=2, padding=1), ((x(1, 2, 4, 4),), {'output_size': [12, 12]})),
        err_case('BatchNorm1d_4d', Mod('BatchNorm1d', 3), ((x(2, 3, 4, 4),), {})),
        err_case('BatchNorm2d_3d', Mod('BatchNorm2d', 3), ((x(2, 3, 4),), {})),
        err_case('BatchNorm1d_one_value', Mod('BatchNorm1d', 3), ((x(1, 3),), {})),
        err_case('GroupNorm_divisible', Mod('GroupNorm', 4, 6)),
        err_case('Dropout_p', Mod('Dropout', 1.5)),
        err_case('Embedding_padding_idx_high', Mod('Embedding', 5, 2, padding_idx=5)),
        err_case('Embedding_padding_idx_low', Mod('Embedding', 5, 2, padding_idx=-6)),
        err_case('Embedding_weight_shape', Mod('Embedding', 5, 2, _weight=torch.zeros(4, 2))),
        err_case('LSTM_dropout_one_layer', Mod('LSTM', 4, 5, dropout=0.2)),
        err_case('LSTM_bad_dropout', Mod('LSTM', 4, 5, dropout=1.5)),
        # PyTorch 2.0+ validates hidden_size / num_layers first (1.13 fails later, with other
        # errors): the 2.1 result is recorded as `v2_1`, the expected messages of PyTorch's own
        # test (common_modules.py, module_error_inputs_torch_nn_RNN_GRU).
        dict(err_case('GRU_hidden_zero', Mod('GRU', 4, 0)), v2_1={'type': 'ValueError', 'message': 'hidden_size must be greater than zero'}),
        dict(err_case('GRU_layers_zero', Mod('GRU', 4, 3, 0)), v2_1={'type': 'ValueError', 'message': 'num_layers must be greater than zero'}),
        err_case('LSTM_input_size', Mod('LSTM', 4, 5), ((x(3, 2, 6),), {})),
        err_case('LSTM_hidden_size', Mod('LSTM', 4, 5), ((x(3, 2, 4), (x(1, 3, 5), x(1, 2, 5))), {})),
        err_case('LSTM_cell_size', Mod('LSTM', 4, 5), ((x(3, 2, 4), (x(1, 2, 5), x(1, 2, 4))), {})),
        err_case('LSTM_hx_dims', Mod('LSTM', 4, 5), ((x(3, 2, 4), (x(2, 5), x(2, 5))), {})),
        err_case('GRU_hidden_size', Mod('GRU', 4, 5, 2), ((x(3, 2, 4), x(1, 2, 5)), {})),
        err_case('GRU_unbatched_hx_dims', Mod('GRU', 4, 5), ((x(3, 4), x(1, 1, 5)), {})),
        err_case('MultiheadAttention_divisible', Mod('MultiheadAttention', 10, 3)),
        err_case('MultiheadAttention_2d_mask_shape', Mod('MultiheadAttention', 4, 2), ((x(3, 1, 4), x(5, 1, 4), x(5, 1, 4)), {'attn_mask': torch.zeros(3, 4)})),
        err_case('Hardtanh_deprecated_names', Mod('Hardtanh', min_value=-2.0, max_value=2.0)),
        err_case('Hardtanh_min_not_below_max', Mod('Hardtanh', 1.0, 1.0)),
        err_case('MSELoss_legacy_warning', Mod('MSELoss', size_average=False, reduce=True)),
        err_case('CrossEntropyLoss_legacy_none', Mod('CrossEntropyLoss', reduce=False)),
    ]


def main():
    os.makedirs(OUT, exist_ok=True)
    import warnings
    warnings.simplefilter('ignore')
    families = {'linear': linear_cases, 'conv': conv_cases, 'pooling': pooling_cases, 'normalization': norm_cases,
                'sparse_dropout': sparse_dropout_cases, 'activation': activation_cases, 'attention': attention_cases,
                'rnn': rnn_cases, 'loss': loss_cases}
    for fam, fn in families.items():
        cases = fn()
        path = os.path.join(OUT, f'{fam}.json')
        with open(path, 'w') as f:
            json.dump({'torch': torch.__version__, 'cases': cases}, f, separators=(',', ':'))
        print(fam, len(cases), os.path.getsize(path))
    path = os.path.join(OUT, 'errors.json')
    with open(path, 'w') as f:
        json.dump({'torch': torch.__version__, 'cases': error_cases()}, f, indent=1)
    print('errors', os.path.getsize(path))


if __name__ == '__main__':
    main()
