/**
 * Core ops on the reference backend: 512×512 float32 matmul (GFLOP/s) and an elementwise chain
 * (GB/s), with PyTorch's figures from the same run (single-threaded, OMP_NUM_THREADS=1).
 */
import { manual_seed, rand, randn, no_grad, type Tensor } from '@nncompat/core';
import { ratio, runTorch, timeMs } from './pytorch.js';

export interface CoreOpsResult {
  matmulMs: number;
  matmulGflops: number;
  chainMs: number;
  chainGBs: number;
  randMs: number;
  randnMs: number;
}

const N = 512;
const M = 1 << 20;

/** Bytes touched by the chain `((x * 2 + 1).relu() - x).abs()` over M floats: 4 ops, each reading inputs and writing out. */
const CHAIN_BYTES = 4 * (M * 4 * 3);

export function benchCoreOps(): CoreOpsResult {
  manual_seed(0);
  const a = randn(N, N);
  const b = randn(N, N);
  const x = randn(M);
  let sink: Tensor | null = null;
  const matmulMs = timeMs(() => {
    sink = no_grad(() => a.mm(b));
  }, 10);
  const chainMs = timeMs(() => {
    sink = no_grad(() => x.mul(2).add(1).relu().sub(x).abs());
  }, 10);
  const randMs = timeMs(() => {
    sink = rand(M);
  }, 10);
  const randnMs = timeMs(() => {
    sink = randn(M);
  }, 10);
  void sink;
  return {
    randMs,
    randnMs,
    matmulMs,
    matmulGflops: (2 * N * N * N) / (matmulMs * 1e6),
    chainMs,
    chainGBs: CHAIN_BYTES / (chainMs * 1e6),
  };
}

const TORCH_CODE = `
import torch, time, json
torch.set_num_threads(1)
torch.manual_seed(0)
N=${N}; M=${M}
a=torch.randn(N,N); b=torch.randn(N,N); x=torch.randn(M)
def med(f, it=10):
    for _ in range(3): f()
    ts=[]
    for _ in range(it):
        t=time.perf_counter(); f(); ts.append((time.perf_counter()-t)*1e3)
    ts.sort(); return ts[len(ts)//2]
mm=med(lambda: a.mm(b)); ch=med(lambda: ((x*2+1).relu()-x).abs())
r=med(lambda: torch.rand(M)); rn=med(lambda: torch.randn(M))
print(json.dumps({"matmulMs":mm,"chainMs":ch,"randMs":r,"randnMs":rn}))
`;

export function printCoreOps(): void {
  const r = benchCoreOps();
  const t = runTorch<{ matmulMs: number; chainMs: number; randMs: number; randnMs: number }>(TORCH_CODE);
  console.log('core ops, reference backend (single thread)');
  console.log(`  matmul 512x512 f32 : ${r.matmulMs.toFixed(2)} ms  ${r.matmulGflops.toFixed(2)} GFLOP/s` +
    (t ? `   | PyTorch ${t.matmulMs.toFixed(2)} ms ${((2 * N * N * N) / (t.matmulMs * 1e6)).toFixed(2)} GFLOP/s  ratio(time) ${ratio(r.matmulMs, t.matmulMs)}` : '   | PyTorch n/a'));
  console.log(`  elementwise chain  : ${r.chainMs.toFixed(2)} ms  ${r.chainGBs.toFixed(2)} GB/s` +
    (t ? `   | PyTorch ${t.chainMs.toFixed(2)} ms ${(CHAIN_BYTES / (t.chainMs * 1e6)).toFixed(2)} GB/s  ratio(time) ${ratio(r.chainMs, t.chainMs)}` : '   | PyTorch n/a'));
  console.log(`  rand(2^20) f32     : ${r.randMs.toFixed(2)} ms` + (t ? `   | PyTorch ${t.randMs.toFixed(2)} ms  ratio(time) ${ratio(r.randMs, t.randMs)}` : '   | PyTorch n/a'));
  console.log(`  randn(2^20) f32    : ${r.randnMs.toFixed(2)} ms` + (t ? `   | PyTorch ${t.randnMs.toFixed(2)} ms  ratio(time) ${ratio(r.randnMs, t.randnMs)}` : '   | PyTorch n/a'));
}

if (import.meta.url === `file://${process.argv[1]}`) printCoreOps();
