/**
 * Per-module call overhead (100 tiny Linear layers in a Sequential, no grad) and
 * `named_parameters()` over a 1,000-module tree, reported like module_overhead.py so the two
 * can be compared in one run: `npx tsx bench/module-overhead.ts; /usr/bin/python3 bench/module_overhead.py`.
 * The call overhead is measured on modules whose forward returns its input (nn.Identity), so
 * no tensor op is timed; `per_module_total_us` is the Linear(1, 1) chain per layer.
 */
import * as torch from '../src/index.js';
import { nn, type Tensor } from '../src/index.js';

function bench(fn: () => unknown, reps: number): number {
  fn();
  let best = Infinity;
  for (let r = 0; r < 9; r++) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) fn();
    best = Math.min(best, (performance.now() - t0) / 1000 / reps);
  }
  return best;
}

const layers = Array.from({ length: 100 }, () => new nn.Linear(1, 1));
const seq = new nn.Sequential(...layers);
const x = torch.zeros(1, 1);
class Identity extends nn.Module {
  override forward(t: Tensor): Tensor {
    return t;
  }
}
const ident = new nn.Sequential(...Array.from({ length: 100 }, () => new Identity()));
const [full, idle] = torch.no_grad(() => [bench(() => seq(x), 300), bench(() => ident(x), 2000)]);
const tree = new nn.Sequential(...Array.from({ length: 100 }, () => new nn.Sequential(...Array.from({ length: 9 }, () => new nn.Linear(1, 1)))));
const walk = bench(() => [...tree.named_parameters()], 50);
console.log(`per_module_call_overhead_us ${((idle! / 100) * 1e6).toFixed(3)}`);
console.log(`per_module_total_us ${((full! / 100) * 1e6).toFixed(3)}`);
console.log(`named_parameters_1000_modules_us ${(walk * 1e6).toFixed(1)}`);
