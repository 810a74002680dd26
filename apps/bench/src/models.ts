/**
 * The benchmark models and their train/inference steps, with the same models in PyTorch source
 * (TORCH_MODELS) so each benchmark can time both sides in one run:
 * - MLP 784-512-512-10 (ReLU), SGD(lr=0.01, momentum=0.9), cross-entropy;
 * - 2-conv CNN on 1×28×28: Conv2d(1,16,3,p=1) ReLU MaxPool2d(2) Conv2d(16,32,3,p=1) ReLU
 *   MaxPool2d(2) Flatten Linear(32·7·7, 10), same optimizer and loss.
 */
import * as torch from '@nncompat/torch-compat';
import * as F from '@nncompat/torch-compat/nn/functional';
import { tidy } from '@nncompat/core';

const { nn } = torch;

/** A callable module on one tensor. */
export type Net = torch.nn.Module & ((x: torch.Tensor) => torch.Tensor);

/** `MLP`: 784 → 512 → 512 → 10 with ReLUs. */
export class BenchMLP extends nn.Module {
  declare fc1: torch.nn.Linear;
  declare fc2: torch.nn.Linear;
  declare fc3: torch.nn.Linear;
  constructor() {
    super();
    this.fc1 = new nn.Linear(784, 512);
    this.fc2 = new nn.Linear(512, 512);
    this.fc3 = new nn.Linear(512, 10);
  }

  override forward(x: torch.Tensor): torch.Tensor {
    return this.fc3(F.relu(this.fc2(F.relu(this.fc1(x)))));
  }
}

/** `CNN`: two conv + ReLU + 2×2 max-pool stages on 1×28×28, then Linear(1568, 10). */
export class BenchCNN extends nn.Module {
  declare conv1: torch.nn.Conv2d;
  declare conv2: torch.nn.Conv2d;
  declare fc: torch.nn.Linear;
  constructor() {
    super();
    this.conv1 = new nn.Conv2d(1, 16, 3, { padding: 1 });
    this.conv2 = new nn.Conv2d(16, 32, 3, { padding: 1 });
    this.fc = new nn.Linear(32 * 7 * 7, 10);
  }

  override forward(x: torch.Tensor): torch.Tensor {
    const h = F.max_pool2d(F.relu(this.conv1(x)), 2);
    return this.fc(F.max_pool2d(F.relu(this.conv2(h)), 2).flatten(1));
  }
}

/** A model, its optimizer and one batch, on one backend. */
export interface Workload {
  model: Net;
  opt: torch.optim.Optimizer;
  x: torch.Tensor;
  y: torch.Tensor;
}

/**
 * Builds `make()` from seed 0 on `backend` with a batch of `batch` inputs of `inShape`, and runs
 * one step outside any `tidy` so the optimizer's state (momentum buffers) outlives the timed steps.
 */
export function workload(make: () => torch.nn.Module, inShape: readonly number[], batch: number, backend: string): Workload {
  torch.manual_seed(0);
  const model = make().to(backend) as unknown as Net;
  const x = torch.randn([batch, ...inShape]).to(backend);
  const y = torch.randint(0, 10, [batch]).to(backend);
  const opt = new torch.optim.SGD(model.parameters(), { lr: 0.01, momentum: 0.9 });
  const w = { model, opt, x, y };
  trainStep(w);
  return w;
}

/** One training step (zero_grad, forward, cross-entropy, backward, step), returning the loss. */
export function trainStep(w: Workload): number {
  w.opt.zero_grad();
  const loss = F.cross_entropy(w.model(w.x), w.y);
  loss.backward();
  w.opt.step();
  return loss.item() as number;
}

/** `trainStep` inside `tidy`, so backends holding native memory free each step's intermediates. */
export function tidyTrainStep(w: Workload): number {
  return tidy(() => trainStep(w));
}

/** One inference forward under no_grad, reading one element so lazy backends finish. */
export function inferStep(w: Workload): number {
  return tidy(() => torch.no_grad(() => w.model(w.x).sum().item() as number));
}

/** The same models, steps and timing in PyTorch (prepended to each benchmark's Python snippet). */
export const TORCH_MODELS = `
import json, os, time
import torch, torch.nn as nn, torch.nn.functional as F
# 0: leave PyTorch's own thread setting (see TorchThreads in pytorch.ts).
if int(os.environ.get('NNCOMPAT_TORCH_THREADS', '1')) > 0:
    torch.set_num_threads(int(os.environ.get('NNCOMPAT_TORCH_THREADS', '1')))

class BenchMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 512); self.fc2 = nn.Linear(512, 512); self.fc3 = nn.Linear(512, 10)
    def forward(self, x):
        return self.fc3(F.relu(self.fc2(F.relu(self.fc1(x)))))

class BenchCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 16, 3, padding=1); self.conv2 = nn.Conv2d(16, 32, 3, padding=1)
        self.fc = nn.Linear(32 * 7 * 7, 10)
    def forward(self, x):
        h = F.max_pool2d(F.relu(self.conv1(x)), 2)
        return self.fc(torch.flatten(F.max_pool2d(F.relu(self.conv2(h)), 2), 1))

def workload(cls, in_shape, batch):
    torch.manual_seed(0)
    model = cls(); x = torch.randn(batch, *in_shape); y = torch.randint(0, 10, (batch,))
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    def step():
        opt.zero_grad(); loss = F.cross_entropy(model(x), y); loss.backward(); opt.step(); return loss.item()
    def infer():
        with torch.no_grad():
            return model(x).sum().item()
    step()
    return step, infer

def med(f, it, warmup=3):
    for _ in range(warmup): f()
    ts = []
    for _ in range(it):
        t = time.perf_counter(); f(); ts.append((time.perf_counter() - t) * 1e3)
    ts.sort(); return ts[len(ts) // 2]

def best(f, it, rounds=3):
    return min(med(f, it, 3 if r == 0 else 1) for r in range(rounds))
`;
