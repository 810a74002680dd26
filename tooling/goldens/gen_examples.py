"""Goldens for apps/examples: the PyTorch originals of each example, run with real PyTorch.

Run with Debian's python3-torch: /usr/bin/python3 tooling/goldens/gen_examples.py
"""
import json
import os
import torch

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'apps', 'examples', 'fixtures')


def linear_regression(steps=200):
    torch.manual_seed(0)
    x = torch.randn(64, 1)
    y = 3 * x - 2
    w = torch.zeros(1, 1, requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    losses = []
    for _ in range(steps):
        loss = ((x @ w + b - y) ** 2).mean()
        loss.backward()
        with torch.no_grad():
            w -= 0.1 * w.grad
            b -= 0.1 * b.grad
            w.grad.zero_()
            b.grad.zero_()
        losses.append(loss.item())
    return {'torch_version': torch.__version__, 'losses': losses, 'w': w.item(), 'b': b.item()}


def seed_module():
    """The seed's ParameterDict example (torch.nn.ParameterDict docs) after manual_seed(0)."""
    class MyModule(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.params = torch.nn.ParameterDict({
                'left': torch.nn.Parameter(torch.randn(5, 10)),
                'right': torch.nn.Parameter(torch.randn(5, 10)),
            })

        def forward(self, x, choice):
            return self.params[choice].mm(x)

    torch.manual_seed(0)
    m = MyModule()
    out = m(torch.randn(10, 1), 'left')
    return {'repr': repr(m), 'out_str': str(out)}


if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, 'linear_regression.json'), 'w') as f:
        json.dump(linear_regression(), f)
    with open(os.path.join(OUT, 'seed_module.json'), 'w') as f:
        json.dump(seed_module(), f)
