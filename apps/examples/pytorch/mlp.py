"""An MLP trained on the shipped synthetic shapes dataset (PyTorch original of src/mlp.ts).

    /usr/bin/python3 apps/examples/pytorch/mlp.py                 # prints the loss curve
    /usr/bin/python3 apps/examples/pytorch/mlp.py --golden PATH   # also writes it as JSON
"""
import json
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

from shapes_data import load

EPOCHS, BATCH = 5, 32


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(144, 64)
        self.fc2 = nn.Linear(64, 32)
        self.fc3 = nn.Linear(32, 4)

    def forward(self, x):
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


def main():
    torch.manual_seed(0)
    data = load()
    x_train, y_train = data['train_images'].float() / 255, data['train_labels']
    x_test, y_test = data['test_images'].float() / 255, data['test_labels']
    model = MLP()
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    losses = []
    for epoch in range(EPOCHS):
        perm = torch.randperm(len(x_train))
        for i in range(0, len(x_train), BATCH):
            idx = perm[i:i + BATCH]
            opt.zero_grad()
            loss = F.cross_entropy(model(x_train.index_select(0, idx)), y_train.index_select(0, idx))
            loss.backward()
            opt.step()
            losses.append(loss.item())
            print(f'epoch {epoch} step {i // BATCH:2d} loss {loss.item():.6f}')
    model.eval()
    with torch.no_grad():
        accuracy = (model(x_test).argmax(1) == y_test).float().mean().item()
    print(f'test accuracy {accuracy:.4f}')
    return {'torch': torch.__version__, 'losses': losses, 'test_accuracy': accuracy}


if __name__ == '__main__':
    result = main()
    if '--golden' in sys.argv:
        with open(sys.argv[sys.argv.index('--golden') + 1], 'w') as f:
            json.dump(result, f)
