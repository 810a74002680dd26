"""PyTorch side of module-overhead.ts: same workloads, same reporting (µs)."""
import time

import torch
import torch.nn as nn


def bench(fn, reps):
    fn()
    best = float('inf')
    for _ in range(9):
        t0 = time.perf_counter()
        for _ in range(reps):
            fn()
        best = min(best, (time.perf_counter() - t0) / reps)
    return best


torch.set_num_threads(1)
seq = nn.Sequential(*[nn.Linear(1, 1) for _ in range(100)])
x = torch.zeros(1, 1)
ident = nn.Sequential(*[nn.Identity() for _ in range(100)])
with torch.no_grad():
    full = bench(lambda: seq(x), 300)
    idle = bench(lambda: ident(x), 2000)
tree = nn.Sequential(*[nn.Sequential(*[nn.Linear(1, 1) for _ in range(9)]) for _ in range(100)])
walk = bench(lambda: list(tree.named_parameters()), 50)
print(f'per_module_call_overhead_us {idle / 100 * 1e6:.3f}')
print(f'per_module_total_us {full / 100 * 1e6:.3f}')
print(f'named_parameters_1000_modules_us {walk * 1e6:.1f}')
