"""Goldens for packages/gluon-compat/src/gluon/nn/layers.test.ts and trainer.test.ts.

MXNet cannot be installed here, so these values come from PyTorch 1.13 computations that are
the same math as MXNet 1.9's operators and update kernels (each case says why):
- FullyConnected = F.linear on x.reshape(N, -1) (flatten=True) or on the last axis;
- Convolution (NCHW) = F.conv2d; Pooling max = F.max_pool2d (pooling_convention 'full' = ceil_mode);
- BatchNorm in training = F.batch_norm(training=True); MXNet's moving statistics use the
  *biased* batch variance (batch_norm.cc: var = sum((x-mean)^2)/N), computed here with torch ops;
- Embedding = F.embedding;
- sgd_mom_update (optimizer_op-inl.h: mom = m*mom - lr*wd*w - lr*clip(rescale*g); w += mom)
  = torch.optim.SGD(momentum=m, weight_decay=wd) fed rescale*g (clipped), since mom = -lr*buf;
- adam_update with epsilon=0 (lr_t = lr*sqrt(1-b2^t)/(1-b1^t); w -= lr_t*m/(sqrt(v)+eps))
  = torch.optim.Adam(eps=0, weight_decay=wd) (the two differ only in where eps enters).
Run with /usr/bin/python3 (Debian's python3-torch); writes packages/gluon-compat/fixtures/layers/*.json.
"""
import json
import os

import torch
import torch.nn.functional as F

torch.manual_seed(0)
OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'packages', 'gluon-compat', 'fixtures', 'layers')


def flat(t):
    return [float(v) for v in t.detach().flatten().tolist()]


def T(*shape):
    return torch.randn(*shape, dtype=torch.float32)


cases = {}

# ---- Dense -------------------------------------------------------------------------------------
for name, flatten in (('dense_flatten', True), ('dense_noflatten', False)):
    x = T(2, 3, 4).requires_grad_()
    in_units = 12 if flatten else 4
    w = T(5, in_units).requires_grad_()
    b = T(5).requires_grad_()
    y = F.linear(x.reshape(2, -1) if flatten else x, w, b).relu()
    c = T(*y.shape)
    (y * c).sum().backward()
    cases[name] = {'x': flat(x), 'x_shape': list(x.shape), 'w': flat(w), 'b': flat(b), 'c': flat(c),
                   'y': flat(y), 'y_shape': list(y.shape), 'dx': flat(x.grad), 'dw': flat(w.grad), 'db': flat(b.grad)}

# ---- Conv2D ------------------------------------------------------------------------------------
x = T(2, 3, 6, 6).requires_grad_()
w = T(4, 3, 3, 3).requires_grad_()
b = T(4).requires_grad_()
y = F.conv2d(x, w, b, stride=2, padding=1)
c = T(*y.shape)
(y * c).sum().backward()
cases['conv2d'] = {'x': flat(x), 'w': flat(w), 'b': flat(b), 'c': flat(c), 'y': flat(y), 'y_shape': list(y.shape),
                   'dx': flat(x.grad), 'dw': flat(w.grad), 'db': flat(b.grad)}

# ---- MaxPool2D ---------------------------------------------------------------------------------
x = T(1, 2, 5, 5)
cases['maxpool'] = {'x': flat(x), 'valid': flat(F.max_pool2d(x, 2)), 'valid_shape': list(F.max_pool2d(x, 2).shape),
                    'full': flat(F.max_pool2d(x, 2, ceil_mode=True)), 'full_shape': list(F.max_pool2d(x, 2, ceil_mode=True).shape)}

# ---- BatchNorm ---------------------------------------------------------------------------------
x = T(4, 3, 2, 2)
gamma = T(3)
beta = T(3)
y_train = F.batch_norm(x, None, None, gamma, beta, training=True, eps=1e-5)
mean = x.mean(dim=(0, 2, 3))
var_biased = x.var(dim=(0, 2, 3), unbiased=False)
rm = 0.0 * 0.9 + mean * 0.1
rv = 1.0 * 0.9 + var_biased * 0.1
y_eval = F.batch_norm(x, rm, rv, gamma, beta, training=False, eps=1e-5)
cases['batchnorm'] = {'x': flat(x), 'gamma': flat(gamma), 'beta': flat(beta), 'y_train': flat(y_train),
                      'running_mean': flat(rm), 'running_var': flat(rv), 'y_eval': flat(y_eval)}

# ---- Embedding ---------------------------------------------------------------------------------
w = T(10, 4).requires_grad_()
idx = torch.tensor([[1, 2], [3, 9], [2, 2]])
y = F.embedding(idx, w)
c = T(*y.shape)
(y * c).sum().backward()
cases['embedding'] = {'w': flat(w), 'idx': idx.flatten().tolist(), 'c': flat(c), 'y': flat(y), 'dw': flat(w.grad)}

# ---- optimizers: 3 steps from fixed weights and gradients -------------------------------------
w0 = T(6)
grads = [T(6) for _ in range(3)]
batch = 4


def run(make_opt, clip=None, mults=(1.0, 1.0)):
    w = torch.nn.Parameter(w0.clone())
    opt = make_opt([w])
    hist = []
    for g in grads:
        gg = g / batch
        if clip is not None:
            gg = gg.clamp(-clip, clip)
        w.grad = gg.clone()
        opt.step()
        hist.append(flat(w))
    return hist


opt_cases = {
    'w0': flat(w0), 'grads': [flat(g) for g in grads], 'batch_size': batch,
    'sgd': run(lambda p: torch.optim.SGD(p, lr=0.1)),
    'sgd_mom_wd': run(lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, weight_decay=0.01)),
    'sgd_clip': run(lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, weight_decay=0.01), clip=0.1),
    # lr_mult=0.5, wd_mult=0: the parameter's effective lr and wd.
    'sgd_mults': run(lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9, weight_decay=0.0)),
    'adam_eps0_wd': run(lambda p: torch.optim.Adam(p, lr=0.01, betas=(0.9, 0.999), eps=0.0, weight_decay=0.01)),
}

os.makedirs(OUT, exist_ok=True)
for fname, data in (('layers.json', cases), ('optimizers.json', opt_cases)):
    with open(os.path.join(OUT, fname), 'w') as f:
        json.dump({'torch_version': torch.__version__, **data}, f)
        f.write('\n')
print('wrote', os.path.normpath(OUT))
