"""The training loop both example scripts share (mirrored by src/train-loop.ts): shuffle with
torch.randperm each epoch, mini-batches via index_select, cross-entropy, one optimizer step and
one printed line per batch, then test accuracy in eval mode; `--golden PATH` writes the result."""
import json
import sys

import torch
import torch.nn.functional as F

from shapes_data import load


def train(model, opt, epochs, batch):
    data = load()
    x_train, y_train = data['train_images'].float() / 255, data['train_labels']
    x_test, y_test = data['test_images'].float() / 255, data['test_labels']
    losses = []
    for epoch in range(epochs):
        perm = torch.randperm(len(x_train))
        for i in range(0, len(x_train), batch):
            idx = perm[i:i + batch]
            opt.zero_grad()
            loss = F.cross_entropy(model(x_train.index_select(0, idx)), y_train.index_select(0, idx))
            loss.backward()
            opt.step()
            losses.append(loss.item())
            print(f'epoch {epoch} step {i // batch:2d} loss {loss.item():.6f}')
    model.eval()
    with torch.no_grad():
        accuracy = (model(x_test).argmax(1) == y_test).float().mean().item()
    print(f'test accuracy {accuracy:.4f}')
    return {'torch': torch.__version__, 'losses': losses, 'test_accuracy': accuracy}


def write_golden(result):
    if '--golden' in sys.argv:
        with open(sys.argv[sys.argv.index('--golden') + 1], 'w') as f:
            json.dump(result, f)
