"""A small CNN trained on the shipped synthetic shapes dataset (PyTorch original of src/cnn.ts).

    /usr/bin/python3 apps/examples/pytorch/cnn.py                 # prints the loss curve
    /usr/bin/python3 apps/examples/pytorch/cnn.py --golden PATH   # also writes it as JSON
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

from train_loop import train, write_golden

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
    model = CNN()
    opt = torch.optim.Adam(model.parameters(), lr=0.01)
    return train(model, opt, EPOCHS, BATCH)


if __name__ == '__main__':
    write_golden(main())
