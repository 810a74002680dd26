"""An MLP trained on the shipped synthetic shapes dataset (PyTorch original of src/mlp.ts).

    /usr/bin/python3 apps/examples/pytorch/mlp.py                 # prints the loss curve
    /usr/bin/python3 apps/examples/pytorch/mlp.py --golden PATH   # also writes it as JSON
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

from train_loop import train, write_golden

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
    model = MLP()
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    return train(model, opt, EPOCHS, BATCH)


if __name__ == '__main__':
    write_golden(main())
