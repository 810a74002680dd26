/**
 * Per-module call overhead and module-tree walking, beside PyTorch in the same run (issue 3's
 * target, on its own workload of 100 tiny Linear layers: our per-module time below 20% of
 * PyTorch's; the Identity row isolates the bare call and is reported without a target):
 * - 100 tiny modules in a Sequential called under no_grad: with nn.Identity (pure call
 *   overhead: no tensor op is timed) and with nn.Linear(1, 1) (call + one small linear);
 * - `list(named_parameters())` over a 1,000-module tree (100 Sequentials of 9 Linear(1, 1)).
 * Each figure is the best of 9 rounds (the minimum is what the code costs without noise).
 */
import * as torch from '@nncompat/torch-compat';
import { runTorch } from './pytorch.js';

const { nn } = torch;

/** Microsecond figures, named as in the Python snippet's output. */
export interface ModuleOverhead {
  per_module_call_us: number;
  per_module_linear_us: number;
  named_parameters_1000_us: number;
}

/** Best seconds per call of `fn` over 9 rounds of `reps` calls, after one warm-up call. */
function best(fn: () => unknown, reps: number): number {
  fn();
  let b = Infinity;
  for (let r = 0; r < 9; r++) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) fn();
    b = Math.min(b, (performance.now() - t0) / 1000 / reps);
  }
  return b;
}

export function benchModuleOverhead(): ModuleOverhead {
  const x = torch.zeros(1, 1);
  const linear = new nn.Sequential(...Array.from({ length: 100 }, () => new nn.Linear(1, 1)));
  const ident = new nn.Sequential(...Array.from({ length: 100 }, () => new nn.Identity()));
  const [lin, idle] = torch.no_grad(() => [best(() => linear(x), 300), best(() => ident(x), 2000)]);
  const tree = new nn.Sequential(...Array.from({ length: 100 }, () => new nn.Sequential(...Array.from({ length: 9 }, () => new nn.Linear(1, 1)))));
  const walk = best(() => [...tree.named_parameters()], 50);
  return { per_module_call_us: (idle! / 100) * 1e6, per_module_linear_us: (lin! / 100) * 1e6, named_parameters_1000_us: walk * 1e6 };
}

const TORCH_CODE = `
import json, time
import torch, torch.nn as nn
torch.set_num_threads(1)
def best(fn, reps):
    fn()
    b = float('inf')
    for _ in range(9):
        t0 = time.perf_counter()
        for _ in range(reps): fn()
        b = min(b, (time.perf_counter() - t0) / reps)
    return b
x = torch.zeros(1, 1)
linear = nn.Sequential(*[nn.Linear(1, 1) for _ in range(100)])
ident = nn.Sequential(*[nn.Identity() for _ in range(100)])
with torch.no_grad():
    lin = best(lambda: linear(x), 300)
    idle = best(lambda: ident(x), 2000)
tree = nn.Sequential(*[nn.Sequential(*[nn.Linear(1, 1) for _ in range(9)]) for _ in range(100)])
walk = best(lambda: list(tree.named_parameters()), 50)
print(json.dumps({"per_module_call_us": idle / 100 * 1e6, "per_module_linear_us": lin / 100 * 1e6, "named_parameters_1000_us": walk * 1e6}))
`;

/** Issue 3's target: our per-module overhead at most this fraction of PyTorch's. */
export const TARGET_FRACTION = 0.2;

export function printModuleOverhead(): void {
  const r = benchModuleOverhead();
  const t = runTorch<ModuleOverhead>(TORCH_CODE);
  const line = (label: string, ours: number, theirs: number | undefined, target = false) => {
    let s = `  ${label.padEnd(40)}: ${ours.toFixed(3).padStart(9)} µs`;
    if (theirs) {
      const f = ours / theirs;
      s += `   | PyTorch ${theirs.toFixed(3).padStart(9)} µs  ratio ${f.toFixed(3)}`;
      if (target) s += f < TARGET_FRACTION ? `  (target < ${TARGET_FRACTION}: met)` : `  (target < ${TARGET_FRACTION}: NOT met)`;
    } else s += '   | PyTorch n/a';
    console.log(s);
  };
  console.log('module overhead (no grad, single thread, best of 9)');
  line('bare call (no op), 100 x Identity', r.per_module_call_us, t?.per_module_call_us);
  line('per-module call + Linear(1,1), 100 deep', r.per_module_linear_us, t?.per_module_linear_us, true);
  line('named_parameters(), 1,000-module tree', r.named_parameters_1000_us, t?.named_parameters_1000_us);
}

if (import.meta.url === `file://${process.argv[1]}`) printModuleOverhead();
