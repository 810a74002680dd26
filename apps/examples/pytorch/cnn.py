"""A small CNN trained on the shipped synthetic shapes dataset (PyTorch original of src/cnn.ts).

    /usr/bin/python3 apps/examples/pytorch/cnn.py                 # prints the loss curve
    /usr/bin/python3 apps/examples/pytorch/cnn.py --golden PATH   # also writes it as JSON
"""
import json
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

from shapes_data import load

EPOCHS, BATCH = 3, 32


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 8, 3, padding=1)
        self.conv2 = nn.Conv2d(8, 16, 3, padding=1)
        self.fc = nn.Linear(16 * 3 * 3, 4)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)  # 8 x 6 x 6
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)  # 16 x 3 x 3
        return self.fc(torch.flatten(x, 1))


def main():
    torch.manual_seed(0)
    data = load()
    x_train, y_train = data['train_images'].float() / 255, data['train_labels']
    x_test, y_test = data['test_images'].float() / 255, data['test_labels']
    model = CNN()
    opt = torch.optim.Adam(model.parameters(), lr=0.01)
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
