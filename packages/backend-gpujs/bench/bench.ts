/**
 * Benchmarks of the gpujs backend: 512×512 float32 matmul GFLOP/s and the per-op dispatch
 * overhead of a 1×4 add, in gpu.js's default Node mode and its cpu mode, beside the reference
 * backend; plus the compile cost of a new kernel signature against a cached call.
 *
 *   npx tsx --tsconfig tsconfig.json bench/bench.ts
 */
import { getBackend, manual_seed, randn, tensor, type Tensor } from '@nncompat/core';
import { bestSecondsPerCall as time } from '@nncompat/core/testing';
import { GPUJS, setGpujsMode, type GpujsBackend, type GpujsMode } from '../src/index.js';

manual_seed(0);
const N = 512;
const flops = 2 * N * N * N;
const results: Record<string, string> = {};

const runs: [string, GpujsMode | null][] = [['reference', null], ['gpujs default', 'gpu'], ['gpujs cpu', 'cpu']];
for (const [label, mode] of runs) {
  if (mode) setGpujsMode(mode);
  const device = mode ? GPUJS : 'cpu';
  const a = randn(N, N).to(device);
  const b = randn(N, N).to(device);
  let c: Tensor = a;
  const s = time(1, () => { c = a.mm(b); }, 3);
  void c;
  const kmode = mode ? ` [gpu.js ${(getBackend(GPUJS) as GpujsBackend).kernelMode}]` : '';
  results[`matmul 512x512 float32, ${label}${kmode} (GFLOP/s)`] = (flops / s / 1e9).toFixed(2);
  const x = tensor([[1, 2, 3, 4]]).float().to(device);
  const y = tensor([[4, 3, 2, 1]]).float().to(device);
  const t = time(5000, () => { x.add(y); });
  results[`add 1x4 float32 per op, ${label}${kmode} (us)`] = (t * 1e6).toFixed(1);
  if (mode) {
    const kc = (getBackend(GPUJS) as GpujsBackend).kernels;
    const before = kc.stats();
    const p = randn(33, 65).to(GPUJS);
    const t0 = process.hrtime.bigint();
    p.sigmoid();
    const first = Number(process.hrtime.bigint() - t0) / 1e6;
    const again = time(200, () => { p.sigmoid(); });
    if (kc.stats().compiles !== before.compiles + 1) throw new Error('expected exactly one compile');
    results[`sigmoid 33x65 first call incl. compile, ${label}${kmode} (ms)`] = first.toFixed(2);
    results[`sigmoid 33x65 cached call, ${label}${kmode} (us)`] = (again * 1e6).toFixed(1);
  }
}
console.table(results);
