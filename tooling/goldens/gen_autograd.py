"""Writes packages/torch-compat/fixtures/autograd.json: values, gradients and error texts of
torch.autograd.grad / backward and of custom torch.autograd.Function subclasses, from PyTorch
1.13, for src/autograd/autograd.golden.test.ts, which runs the same programs in TypeScript.

Inputs are small float64 vectors written out literally, so no RNG is involved. Each case is
{name: {key: value}}; tensors as nested lists, None as null, an error as "Type: message".
`dir` is dir(torch.autograd) without underscored names (what torch.autograd may export).

PyTorch 2.1's `materialize_grads` (grad) is not in 1.13; its test is written by hand.

Run with Debian's python3-torch (PyTorch 1.13, CPU):
    /usr/bin/python3 tooling/goldens/gen_autograd.py
"""
import json
import os

import torch

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'packages', 'torch-compat', 'fixtures', 'autograd.json')
X = [0.5, -1.25, 2.0]
Y = [1.5, 0.25, -0.75]


def leaf(v):
    return torch.tensor(v, dtype=torch.float64, requires_grad=True)


def enc(v):
    if v is None:
        return None
    if isinstance(v, torch.Tensor):
        return v.detach().tolist()
    if isinstance(v, (tuple, list)):
        return [enc(t) for t in v]
    return v


def error(fn):
    try:
        fn()
    except Exception as e:  # noqa: BLE001 - the text is the golden
        return f'{type(e).__name__}: {e}'
    return None


class Exp(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        r = x.exp()
        ctx.save_for_backward(r)
        return r

    @staticmethod
    def backward(ctx, g):
        (r,) = ctx.saved_tensors
        return g * r


class ScaleAndSign(torch.autograd.Function):
    """A non-tensor argument and a non-differentiable second output."""

    @staticmethod
    def forward(ctx, x, k):
        ctx.k = k
        sign = (x > 0).to(x.dtype)
        ctx.mark_non_differentiable(sign)
        return x * k, sign

    @staticmethod
    def backward(ctx, g, g_sign):
        return g * ctx.k, None


class MulFirstOnly(torch.autograd.Function):
    """backward returns None for its second input."""

    @staticmethod
    def forward(ctx, a, b):
        ctx.save_for_backward(b)
        return a * b

    @staticmethod
    def backward(ctx, g):
        (b,) = ctx.saved_tensors
        return g * b, None


class WrongCount(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a, b):
        return a + b

    @staticmethod
    def backward(ctx, g):
        return g


class GradForNonTensor(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a, k):
        return a * k

    @staticmethod
    def backward(ctx, g):
        return g, g


class BadShape(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        return a * 2

    @staticmethod
    def backward(ctx, g):
        return torch.ones(4, dtype=g.dtype)


class Broadcasting(torch.autograd.Function):
    """A gradient broadcastable to the input's shape is summed down by the engine."""

    @staticmethod
    def forward(ctx, a):
        return a * 2

    @staticmethod
    def backward(ctx, g):
        return g.expand(2, 3) * 2


class NeedsInputGrad(torch.autograd.Function):
    seen = None

    @staticmethod
    def forward(ctx, a, b, k):
        NeedsInputGrad.seen = list(ctx.needs_input_grad)
        return a * b * k

    @staticmethod
    def backward(ctx, g):
        return g, g, None


class TwoOutputs(torch.autograd.Function):
    """set_materialize_grads(False): the unused output's gradient arrives as None."""
    seen = None

    @staticmethod
    def forward(ctx, a, materialize):
        ctx.set_materialize_grads(materialize)
        return a * 2, a * 3

    @staticmethod
    def backward(ctx, g1, g2):
        TwoOutputs.seen = [g1 is None, g2 is None]
        return (g1 * 2 if g1 is not None else None), None


class AddOneInPlace(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        a.add_(1)
        ctx.mark_dirty(a)
        return a

    @staticmethod
    def backward(ctx, g):
        return g


class Identity(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        return a

    @staticmethod
    def backward(ctx, g):
        return g * 1


def grad_cases():
    c = {}
    x = leaf(X)
    (dx,) = torch.autograd.grad(x.pow(3).sum(), x, create_graph=True)
    (d2x,) = torch.autograd.grad(dx.sum(), x)
    c['create_graph'] = {'dx': enc(dx), 'dx_requires_grad': dx.requires_grad, 'd2x': enc(d2x)}
    x, y = leaf(X), leaf(Y)
    c['allow_unused'] = {'grads': enc(torch.autograd.grad((x * x).sum(), [x, y], allow_unused=True)),
                         'error': error(lambda: torch.autograd.grad((x * 2).sum(), [x, y]))}
    x = leaf(X)
    v = torch.tensor(Y, dtype=torch.float64)
    c['grad_outputs'] = {'grads': enc(torch.autograd.grad(x.sin(), x, v)),
                         'keyword': enc(torch.autograd.grad(x.sin(), [x], grad_outputs=[v])),
                         'mismatch': error(lambda: torch.autograd.grad(x * 2, x, torch.ones(2, dtype=torch.float64))),
                         'count': error(lambda: torch.autograd.grad([x * 2, x * 3], x, [v])),
                         'implicit': error(lambda: torch.autograd.grad(x * 2, x))}
    x = leaf(X)
    z = x.exp().sum()
    torch.autograd.backward(z, retain_graph=True)
    first = enc(x.grad)
    torch.autograd.backward(z)
    c['retain_graph'] = {'first': first, 'second': enc(x.grad), 'third': error(lambda: torch.autograd.backward(z))}
    x = leaf(X)
    y = x.exp()
    (gx,) = torch.autograd.grad(y.sum(), x)
    c['grad_twice'] = {'grad': enc(gx), 'error': error(lambda: torch.autograd.grad(y.sum(), x))}
    x = leaf(X)
    eye = torch.eye(3, dtype=torch.float64)
    c['is_grads_batched'] = {'jacobian': enc(torch.autograd.grad(x.sin() * x, x, eye, is_grads_batched=True)),
                             'mismatch': error(lambda: torch.autograd.grad(x * 2, x, torch.ones(3, 2, dtype=torch.float64),
                                                                           is_grads_batched=True))}
    x, y = leaf(X), leaf(Y)
    torch.autograd.backward([(x * y).sum(), x.pow(2)], [None, torch.tensor(Y, dtype=torch.float64)])
    c['backward_many'] = {'x_grad': enc(x.grad), 'y_grad': enc(y.grad)}
    x, y = leaf(X), leaf(Y)
    torch.autograd.backward((x * y).sum(), inputs=[x])
    c['backward_inputs'] = {'x_grad': enc(x.grad), 'y_grad': enc(y.grad)}
    x = leaf(X)
    nog = torch.tensor(X, dtype=torch.float64)
    c['errors'] = {
        'output_no_grad': error(lambda: torch.autograd.grad(nog.sum(), x)),
        'input_no_grad': error(lambda: torch.autograd.grad((x * 2).sum(), nog)),
        'empty_inputs': error(lambda: torch.autograd.grad((x * 2).sum(), [])),
        'backward_empty_inputs': error(lambda: torch.autograd.backward((x * 2).sum(), inputs=[])),
        'backward_count': error(lambda: torch.autograd.backward([(x * 2).sum(), (x * 3).sum()], [torch.tensor(1.0)])),
        'backward_both': error(lambda: torch.autograd.backward((x * 2).sum(), torch.tensor(1.0), grad_variables=torch.tensor(1.0))),
    }
    return c


def function_cases():
    c = {}
    x = leaf(X)
    y = Exp.apply(x)
    saved_grad_fn = y.grad_fn.saved_tensors[0].grad_fn.name()
    (dx,) = torch.autograd.grad(y.sum(), x, create_graph=True)
    (d2x,) = torch.autograd.grad(dx.sum(), x)
    y2 = Exp.apply(x)
    y2.sum().backward()
    c['exp'] = {'y': enc(y), 'grad_fn': y.grad_fn.name(), 'saved_grad_fn': saved_grad_fn,
                'dx': enc(dx), 'd2x': enc(d2x), 'x_grad': enc(x.grad),
                'saved_after_free': error(lambda: y2.grad_fn.saved_tensors),
                'backward_twice': error(lambda: y2.sum().backward())}
    x = leaf(X)
    out, sign = ScaleAndSign.apply(x, 3.0)
    (out * sign).sum().backward()
    c['non_tensor_arg'] = {'out': enc(out), 'sign': enc(sign), 'sign_requires_grad': sign.requires_grad,
                           'out_requires_grad': out.requires_grad, 'grad_fn': out.grad_fn.name(),
                           'next_functions': len(out.grad_fn.next_functions), 'x_grad': enc(x.grad)}
    a, b = leaf(X), leaf(Y)
    MulFirstOnly.apply(a, b).sum().backward()
    c['none_grad'] = {'a_grad': enc(a.grad), 'b_grad': enc(b.grad)}
    a, b = leaf(X), leaf(Y)
    c['wrong_count'] = {'error': error(lambda: WrongCount.apply(a, b).sum().backward())}
    c['grad_for_non_tensor'] = {'error': error(lambda: GradForNonTensor.apply(leaf(X), 2.0).sum().backward())}
    c['bad_shape'] = {'error': error(lambda: BadShape.apply(leaf(X)).sum().backward())}
    x = leaf(X)
    Broadcasting.apply(x).sum().backward()
    c['broadcast_grad'] = {'x_grad': enc(x.grad)}
    a, b = leaf(X), torch.tensor(Y, dtype=torch.float64)
    r = NeedsInputGrad.apply(a, b, 2.0)
    seen = NeedsInputGrad.seen
    with torch.no_grad():
        r2 = NeedsInputGrad.apply(a, b, 2.0)
    c['needs_input_grad'] = {'seen': seen, 'no_grad_seen': NeedsInputGrad.seen, 'requires_grad': r.requires_grad,
                             'no_grad_requires_grad': r2.requires_grad, 'no_grad_has_grad_fn': r2.grad_fn is not None}
    for materialize in (True, False):
        a = leaf(X)
        o1, _ = TwoOutputs.apply(a, materialize)
        o1.sum().backward()
        c[f'materialize_{str(materialize).lower()}'] = {'seen_none': TwoOutputs.seen, 'a_grad': enc(a.grad)}
    a = leaf(X)
    base = a * 1
    r = AddOneInPlace.apply(base)
    r.sum().backward()
    c['mark_dirty'] = {'same_object': r is base, 'r': enc(r), 'grad_fn': r.grad_fn.name(), 'a_grad': enc(a.grad),
                       'leaf_error': error(lambda: AddOneInPlace.apply(leaf(X)))}
    a = leaf(X)
    r = Identity.apply(a)
    r.sum().backward()
    c['identity'] = {'same_object': r is a, 'a_is_leaf': a.is_leaf, 'grad_fn': r.grad_fn.name(), 'a_grad': enc(a.grad)}
    c['not_implemented'] = {'forward': error(lambda: torch.autograd.Function.apply(leaf(X))),
                            'save_non_tensor': error(lambda: _SaveInt.apply(leaf(X)))}
    return c


class _SaveInt(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        ctx.save_for_backward(a, 3)
        return a * 2


def main():
    names = sorted(n for n in dir(torch.autograd) if not n.startswith('_'))
    data = {'torch': torch.__version__, 'dir': names, 'grad': grad_cases(), 'function': function_cases()}
    with open(OUT, 'w') as f:
        json.dump(data, f, indent=1)
        f.write('\n')


main()
