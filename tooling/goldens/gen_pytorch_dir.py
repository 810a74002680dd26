"""Writes packages/torch-compat/fixtures/pytorch_dir.json: the public names of real PyTorch's
namespaces (dir() without leading underscores) that torch-compat mirrors, so a test can check
that every name the package exports under them is one PyTorch has (no helper leaks out under a
name ported code might call) and list what is not there yet.

Run with Debian's python3-torch (PyTorch 1.13):
    /usr/bin/python3 tooling/goldens/gen_pytorch_dir.py
"""
import json
import os

import torch
import torch.nn
import torch.nn.functional
import torch.nn.init
import torch.nn.utils
import torch.optim
import torch.optim.lr_scheduler

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'packages', 'torch-compat', 'fixtures', 'pytorch_dir.json')
SPACES = {
    'torch': torch,
    'torch.nn': torch.nn,
    'torch.nn.functional': torch.nn.functional,
    'torch.nn.init': torch.nn.init,
    'torch.nn.utils': torch.nn.utils,
    'torch.optim': torch.optim,
    'torch.optim.lr_scheduler': torch.optim.lr_scheduler,
    'torch.Tensor': torch.Tensor,
}

if __name__ == '__main__':
    names = {k: sorted(n for n in dir(m) if not n.startswith('_')) for k, m in SPACES.items()}
    with open(OUT, 'w') as f:
        json.dump({'torch': torch.__version__, 'names': names}, f, indent=0, separators=(',', ':'))
