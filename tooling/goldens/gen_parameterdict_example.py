"""Goldens for apps/examples/src/parameterdict-three-apis.ts: the seed's two-parameter
ParameterDict model (PyTorch 2.1 / OneFlow / MXNet reference pages) run in real PyTorch 1.13.

Writes apps/examples/fixtures/parameterdict_three_apis.json: the reprs of the model and of its
ParameterDict, and the forward outputs for both choices, after torch.manual_seed(0)
(nncompat's generator reproduces PyTorch's CPU stream, so the TypeScript port draws the same
weights). Run with /usr/bin/python3 (Debian's python3-torch).
"""
import json
import os

import torch
from torch import nn


class MyModule(nn.Module):
    def __init__(self):
        super().__init__()
        self.params = nn.ParameterDict({
            'left': nn.Parameter(torch.randn(5, 10)),
            'right': nn.Parameter(torch.randn(5, 10)),
        })

    def forward(self, x, choice):
        x = self.params[choice].mm(x)
        return x


torch.manual_seed(0)
model = MyModule()
x = torch.randn(10, 1)
out = {
    'torch_version': torch.__version__,
    'model_repr': repr(model),
    'params_repr': repr(model.params),
    'x': x.flatten().tolist(),
    'left': model(x, 'left').detach().flatten().tolist(),
    'right': model(x, 'right').detach().flatten().tolist(),
}
path = os.path.join(os.path.dirname(__file__), '..', '..', 'apps', 'examples', 'fixtures', 'parameterdict_three_apis.json')
with open(path, 'w') as f:
    json.dump(out, f, indent=1)
    f.write('\n')
print('wrote', os.path.normpath(path))
