"""Writes packages/torch-compat/fixtures/training/<model>.json: 20-step training trajectories of
small models under every torch.optim optimizer, from real PyTorch (1.13, CPU, float32).

For each model: torch.manual_seed(SEED), build the model with PyTorch's own default init, then
draw the data (torch.randn / torch.randint) from the same default generator. The initial
state_dict is stored once per model (the TypeScript side must rebuild it bit-exactly from the
same seed); then, for each optimizer config, the same start is trained for 20 steps and the loss
of every step (before the update) and the final state_dict are stored.

Models:
  mlp          Linear(8,16) ReLU Linear(16,16) Tanh Linear(16,4), cross_entropy, batch 16
  mlp_dropout  the MLP with Dropout(0.25) after each hidden activation (training-mode masks
               come from the default generator), SGD only
  cnn          Conv2d(1,4,3,padding=1) ReLU MaxPool2d(2) Conv2d(4,8,3) ReLU Flatten
               Linear(32,3), cross_entropy, batch 6 of 1x8x8
  transformer  Linear(4,8) -> TransformerEncoder(TransformerEncoderLayer(d_model=8, nhead=2,
               dim_feedforward=16, dropout=0.0, batch_first=True), num_layers=2) -> mean over
               the sequence -> Linear(8,2), mse_loss, batch 3 x seq 5
  lstm         LSTM(4, 8, num_layers=2, batch_first=True) -> last step -> Linear(8,2),
               mse_loss, batch 3 x seq 6

Each case also records how far float32 rounding alone moves PyTorch's own run: the other runs
are the same run in float64 from the same float32 start and REORDERINGS float32 runs with the
batch in other orders (reversed, then seeded permutations: the same loss, other summation
orders; not for mlp_dropout, whose masks are drawn by batch position). `elementwise_spread` is,
per loss and per element of each final tensor, the largest absolute distance to those runs
(float32, rounded up); the replay's tolerance for a value is 1e-5 relative (floor 1e-2) plus four
times its own spread (checkAgainstSpread in trajectory.test-helpers.ts). `rounding_spread` sums
that up per tensor as the largest relative error, for reports. Normalising optimizers (Adagrad,
RMSprop, Adam) turn rounding-level differences in near-zero gradient elements into full-size
steps, so some values' spread exceeds 1e-5 (worst: the key third of the transformer's
in_proj_bias, whose gradient is zero in exact arithmetic because softmax ignores a shift shared
by all keys, so its float32 gradient is pure rounding noise).

Tensors are stored as {dtype, shape, b64}: the little-endian float32 bytes in base64 (exact and
about half the size of decimal JSON). Losses are loss.item() (a Python float of the float32).

Run with Debian's python3-torch:
    /usr/bin/python3 tooling/goldens/gen_training.py
"""
import base64
import json
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

OUT = os.environ.get('NNCOMPAT_TRAINING_OUT') or os.path.join(os.path.dirname(__file__), '..', '..', 'packages', 'torch-compat', 'fixtures', 'training')
SEED = 0
FLOOR = 1e-2  # |e| below this is compared absolutely (a weight crossing zero has no relative error)
STEPS = 20
REORDERINGS = 8  # float32 reruns with the batch reordered, for the rounding spread

OPTIMIZERS = [
    ('SGD', {'lr': 0.1}),
    ('SGD', {'lr': 0.05, 'momentum': 0.9}),
    ('SGD', {'lr': 0.05, 'momentum': 0.9, 'dampening': 0.1, 'weight_decay': 0.01}),
    ('SGD', {'lr': 0.05, 'momentum': 0.9, 'nesterov': True, 'weight_decay': 1e-3}),
    ('Adam', {'lr': 0.01}),
    ('Adam', {'lr': 0.01, 'amsgrad': True, 'weight_decay': 1e-3}),
    ('AdamW', {'lr': 0.01, 'weight_decay': 0.1}),
    ('RMSprop', {'lr': 0.005}),
    ('RMSprop', {'lr': 0.005, 'momentum': 0.5, 'centered': True}),
    ('Adagrad', {'lr': 0.1}),
]


def tj(t):
    t = t.detach().contiguous()
    assert t.dtype == torch.float32, t.dtype
    return {'dtype': 'float32', 'shape': list(t.shape), 'b64': base64.b64encode(t.numpy().tobytes()).decode('ascii')}


def ij(t):
    return {'dtype': 'int64', 'shape': list(t.shape), 'data': t.reshape(-1).tolist()}


def sd(model):
    return [[k, tj(v)] for k, v in model.state_dict().items()]


class MLP(nn.Module):
    def __init__(self, p=0.0):
        super().__init__()
        self.fc1 = nn.Linear(8, 16)
        self.fc2 = nn.Linear(16, 16)
        self.fc3 = nn.Linear(16, 4)
        self.p = p

    def forward(self, x):
        x = F.relu(self.fc1(x))
        if self.p:
            x = F.dropout(x, self.p, self.training)
        x = torch.tanh(self.fc2(x))
        if self.p:
            x = F.dropout(x, self.p, self.training)
        return self.fc3(x)


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 4, 3, padding=1)
        self.conv2 = nn.Conv2d(4, 8, 3)
        self.fc = nn.Linear(32, 3)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.relu(self.conv2(x))
        return self.fc(torch.flatten(x, 1))


class Transformer(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Linear(4, 8)
        layer = nn.TransformerEncoderLayer(d_model=8, nhead=2, dim_feedforward=16, dropout=0.0, batch_first=True)
        self.encoder = nn.TransformerEncoder(layer, num_layers=2, enable_nested_tensor=False)
        self.head = nn.Linear(8, 2)

    def forward(self, x):
        return self.head(self.encoder(self.embed(x)).mean(1))


class LSTMNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(4, 8, num_layers=2, batch_first=True)
        self.head = nn.Linear(8, 2)

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.head(out[:, -1])


def mlp_problem(p=0.0):
    torch.manual_seed(SEED)
    model = MLP(p)
    x = torch.randn(16, 8)
    y = torch.randint(0, 4, (16,))
    return model, x, y, F.cross_entropy


def cnn_problem():
    torch.manual_seed(SEED)
    model = CNN()
    x = torch.randn(6, 1, 8, 8)
    y = torch.randint(0, 3, (6,))
    return model, x, y, F.cross_entropy


def transformer_problem():
    torch.manual_seed(SEED)
    model = Transformer()
    x = torch.randn(3, 5, 4)
    y = torch.randn(3, 2)
    return model, x, y, F.mse_loss


def lstm_problem():
    torch.manual_seed(SEED)
    model = LSTMNet()
    x = torch.randn(3, 6, 4)
    y = torch.randn(3, 2)
    return model, x, y, F.mse_loss


def train(problem, name, okw, dtype=torch.float32, batch_order=None, **kw):
    """Seeds, builds, trains STEPS steps; returns (losses, final state_dict).

    batch_order: the same samples in another order (the loss is the same function; only the
    summation order of the batch reductions changes, i.e. another valid float32 rounding).
    """
    model, x, y, loss_fn = problem(**kw)
    if batch_order is not None:
        x, y = x[batch_order], y[batch_order]
    # The data draws left the generator where training starts (dropout masks).
    if dtype != torch.float32:
        model, x = model.to(dtype), x.to(dtype)
        y = y if y.dtype == torch.int64 else y.to(dtype)
    opt = getattr(torch.optim, name)(model.parameters(), **okw)
    losses = []
    for _ in range(STEPS):
        opt.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
        losses.append(loss.item())
    return losses, model.state_dict()


def rel_err(a, e):
    """Largest |a - e| / max(|e|, FLOOR), the metric the TypeScript replay uses."""
    a, e = torch.as_tensor(a, dtype=torch.float64), torch.as_tensor(e, dtype=torch.float64)
    return ((a - e).abs() / e.abs().clamp(min=FLOOR)).max().item()


def abs_spread(e, *others):
    """Per element: the largest |e - o| over the other runs (float32 values, exact in float64)."""
    e = torch.as_tensor(e, dtype=torch.float64)
    return torch.stack([(e - torch.as_tensor(o, dtype=torch.float64)).abs() for o in others]).amax(0)


def spread32(s):
    """An absolute spread as float32, rounded up so the stored bound never shrinks."""
    f = s.to(torch.float32)
    up = f.to(torch.float64) < s
    return torch.where(up, torch.nextafter(f, torch.tensor(float('inf'))), f)


def trajectories(problem, configs, **kw):
    model, x, y, loss_fn = problem(**kw)
    out = {'torch': torch.__version__, 'seed': SEED, 'steps': STEPS, 'init': sd(model),
           'x': tj(x), 'y': ij(y) if y.dtype == torch.int64 else tj(y),
           'loss': loss_fn.__name__, 'cases': []}
    for name, okw in configs:
        losses, final = train(problem, name, okw, **kw)
        # Other runs that differ from this one only by rounding: the same run in float64 from
        # the same float32 start, and float32 runs with the batch in other orders (reversed, then
        # seeded permutations). Several reorderings, because one alternative run per value is a
        # poor estimate of how far rounding moves that value. Dropout draws its masks by batch
        # position, so reordering the batch would change the function: float64 only there.
        runs = [train(problem, name, okw, torch.float64, **kw)]
        if not kw.get('p'):
            n = x.shape[0]
            orders = [torch.arange(n - 1, -1, -1)]
            orders += [torch.randperm(n, generator=torch.Generator().manual_seed(1000 + i)) for i in range(REORDERINGS - 1)]
            runs += [train(problem, name, okw, batch_order=o, **kw) for o in orders]
        noise = {'losses': max(rel_err(losses, r[0]) for r in runs),
                 'final': {k: max(rel_err(final[k], r[1][k]) for r in runs) for k in final}}
        # The same, element by element and absolute: the tolerance of each value is set by how
        # far rounding moves that value in PyTorch's own runs, not by its tensor's worst element.
        spread = {'losses': spread32(abs_spread(losses, *[r[0] for r in runs])).tolist(),
                  'final': [[k, tj(spread32(abs_spread(final[k], *[r[1][k] for r in runs])))] for k in final]}
        out['cases'].append({'optim': name, 'kwargs': okw, 'losses': losses,
                             'final': [[k, tj(v)] for k, v in final.items()], 'rounding_spread': noise,
                             'elementwise_spread': spread})
    return out


def dump(name, obj):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name), 'w') as f:
        json.dump(obj, f, separators=(',', ':'))


if __name__ == '__main__':
    torch.set_num_threads(1)
    dump('mlp.json', trajectories(mlp_problem, OPTIMIZERS))
    dump('mlp_dropout.json', trajectories(mlp_problem, [c for c in OPTIMIZERS if c[0] == 'SGD'], p=0.25))
    dump('cnn.json', trajectories(cnn_problem, OPTIMIZERS))
    dump('transformer.json', trajectories(transformer_problem, OPTIMIZERS))
    dump('lstm.json', trajectories(lstm_problem, OPTIMIZERS))
