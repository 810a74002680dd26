/**
 * Loading a ~100 MB state_dict (24 × Linear(1024, 1024)) from a .pt file (torch.load) and from
 * safetensors, beside real `torch.load` of the same .pt file in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OrderedDict, randn, safetensors, type Tensor } from '@nncompat/core';
import { load, save } from '@nncompat/torch-compat';
import { ratio, runTorch, timeMs } from './pytorch.js';

export function printCheckpointLoad(): void {
  const dir = mkdtempSync(join(tmpdir(), 'nncompat-bench-'));
  try {
    const sd = new OrderedDict<string, Tensor>();
    for (let i = 0; i < 24; i++) {
      sd.set(`layers.${i}.weight`, randn(1024, 1024));
      sd.set(`layers.${i}.bias`, randn(1024));
    }
    const pt = join(dir, 'state.pt');
    const st = join(dir, 'state.safetensors');
    const bytes = save(sd, pt).length;
    safetensors.save_file(sd, st);
    const ptMs = timeMs(() => void load(pt), 5, 1);
    const stMs = timeMs(() => void safetensors.load_file(st), 5, 1);
    const t = runTorch<{ ms: number }>(`
import torch, time, json
torch.set_num_threads(1)
ts=[]
for i in range(6):
    t=time.perf_counter(); torch.load(${JSON.stringify(pt)}); ts.append((time.perf_counter()-t)*1e3)
ts=sorted(ts[1:]); print(json.dumps({"ms": ts[len(ts)//2]}))`);
    console.log(`checkpoint load, ${(bytes / 1e6).toFixed(1)} MB state_dict (24 x Linear(1024, 1024))`);
    console.log(`  torch.load .pt        : ${ptMs.toFixed(1)} ms` + (t ? `   | PyTorch torch.load ${t.ms.toFixed(1)} ms  ratio ${ratio(ptMs, t.ms)}` : '   | PyTorch n/a'));
    console.log(`  safetensors load_file : ${stMs.toFixed(1)} ms` + (t ? `   | ratio to PyTorch torch.load ${ratio(stMs, t.ms)}` : ''));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) printCheckpointLoad();
