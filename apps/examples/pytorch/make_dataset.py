"""Writes apps/examples/data/shapes.safetensors (see shapes_data.py for its layout).

Run with Debian's python3-torch: /usr/bin/python3 apps/examples/pytorch/make_dataset.py
"""
import torch

from shapes_data import save

SIZE = 12


def draw(g, label):
    img = torch.rand(SIZE, SIZE, generator=g) * 0.25  # background noise
    v = 0.6 + 0.4 * torch.rand(1, generator=g).item()  # shape brightness
    ri = lambda lo, hi: int(torch.randint(lo, hi, (1,), generator=g).item())
    if label == 0:  # horizontal bar
        r, c0, n = ri(1, SIZE - 1), ri(0, 4), ri(6, 9)
        img[r, c0:c0 + n] = v
    elif label == 1:  # vertical bar
        c, r0, n = ri(1, SIZE - 1), ri(0, 4), ri(6, 9)
        img[r0:r0 + n, c] = v
    elif label == 2:  # diagonal, either direction
        n, r0, c0 = ri(6, 9), ri(0, 4), ri(0, 4)
        flip = ri(0, 2)
        for k in range(n):
            img[r0 + k, (c0 + k) if not flip else (SIZE - 1 - c0 - k)] = v
    else:  # hollow square
        s, r0, c0 = ri(4, 7), ri(0, 6), ri(0, 6)
        img[r0, c0:c0 + s] = v
        img[r0 + s - 1, c0:c0 + s] = v
        img[r0:r0 + s, c0] = v
        img[r0:r0 + s, c0 + s - 1] = v
    return (img.clamp(0, 1) * 255).round().to(torch.uint8)


def make(n, g):
    labels = torch.randint(0, 4, (n,), generator=g)
    images = torch.stack([draw(g, int(y)) for y in labels]).unsqueeze(1)
    return images, labels


if __name__ == '__main__':
    g = torch.Generator().manual_seed(2024)
    tr_x, tr_y = make(512, g)
    te_x, te_y = make(128, g)
    save({'train_images': tr_x, 'train_labels': tr_y, 'test_images': te_x, 'test_labels': te_y},
         metadata={'description': 'nncompat synthetic shapes: 0 horizontal, 1 vertical, 2 diagonal, 3 square',
                   'generator': 'apps/examples/pytorch/make_dataset.py'})
