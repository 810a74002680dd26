/**
 * Every registered compute backend side by side, with PyTorch in the same run (issue 6):
 * 512×512 float32 matmul (GFLOP/s, result read back with dataSync so every backend has finished),
 * dispatch overhead of a 1×4 add (µs per op), and the
 * MLP/CNN train steps (and MLP inference) of training.bench.ts. Backends: reference, tfjs
 * (wasm) and tfjs-cpu after `await ready()`, onnxruntime, and gpujs when its package is present.
 * Ends with which backend is fastest for which workload.
 */
import { listBackends, manual_seed, no_grad, randn, type Tensor, tidy } from '@nncompat/core';
import { ready } from '@nncompat/backend-tfjs';
import '@nncompat/backend-onnxruntime';
import { BenchCNN, BenchMLP, inferStep, tidyTrainStep, TORCH_MODELS, workload } from './models.js';
import { runTorch } from './pytorch.js';

const N = 512;
const ADD_OPS = 2000;

/** One backend's figures; null where the workload failed (the error is kept in `errors`). */
export interface BackendFigures {
  matmulGflops: number | null;
  addUs: number | null;
  mlpTrainMs: number | null;
  mlpInferMs: number | null;
  cnnTrainMs: number | null;
  errors: string[];
}

type Key = Exclude<keyof BackendFigures, 'errors'>;

/**
 * Median ms of `fn`: one warm-up call, then as many calls as fit in `budgetMs` (at least 3, at
 * most `maxIters`), so the slow backends (tfjs's JS cpu) finish in bounded time.
 */
function adaptiveMs(fn: () => unknown, budgetMs: number, maxIters: number): number {
  fn();
  const t0 = performance.now();
  fn();
  const once = performance.now() - t0;
  const iters = Math.max(3, Math.min(maxIters, Math.floor(budgetMs / Math.max(once, 1e-3))));
  const times: number[] = [once];
  for (let i = 1; i < iters; i++) {
    const s = performance.now();
    fn();
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Registers the optional backends; returns the names to benchmark and any that failed to load. */
export async function prepareBackends(): Promise<{ names: string[]; unavailable: string[] }> {
  const unavailable: string[] = [];
  await ready('wasm');
  await ready('cpu');
  try {
    // Optional: present only where packages/backend-gpujs is installed.
    await import('@nncompat/backend-gpujs');
  } catch (e) {
    unavailable.push(`gpujs (${(e as Error).message.split('\n')[0]})`);
  }
  return { names: listBackends(), unavailable };
}

/** Measures one backend; a failing workload is recorded, never hidden. */
export function benchBackend(backend: string): BackendFigures {
  const f: BackendFigures = { matmulGflops: null, addUs: null, mlpTrainMs: null, mlpInferMs: null, cnnTrainMs: null, errors: [] };
  const attempt = (key: Key, fn: () => number) => {
    try {
      f[key] = fn();
    } catch (e) {
      f.errors.push(`${key}: ${(e as Error).message.split('\n')[0]}`);
    }
  };
  attempt('matmulGflops', () => {
    manual_seed(0);
    const a = randn(N, N).to(backend);
    const b = randn(N, N).to(backend);
    const ms = adaptiveMs(() => tidy(() => no_grad(() => a.mm(b).dataSync())), 1500, 20);
    return (2 * N * N * N) / (ms * 1e6);
  });
  attempt('addUs', () => {
    const a = randn(1, 4).to(backend);
    const b = randn(1, 4).to(backend);
    let sink: Tensor | null = null;
    const ms = adaptiveMs(() => tidy(() => {
      for (let i = 0; i < ADD_OPS; i++) sink = a.add(b);
    }), 1500, 20);
    void sink;
    return (ms / ADD_OPS) * 1000;
  });
  attempt('mlpTrainMs', () => {
    const w = workload(() => new BenchMLP(), [784], 128, backend);
    return adaptiveMs(() => tidyTrainStep(w), 4000, 20);
  });
  attempt('mlpInferMs', () => {
    const w = workload(() => new BenchMLP(), [784], 128, backend);
    return adaptiveMs(() => inferStep(w), 3000, 20);
  });
  attempt('cnnTrainMs', () => {
    const w = workload(() => new BenchCNN(), [1, 28, 28], 64, backend);
    return adaptiveMs(() => tidyTrainStep(w), 5000, 20);
  });
  return f;
}

const TORCH_CODE = `${TORCH_MODELS}
N = ${N}
a = torch.randn(N, N); b = torch.randn(N, N)
mm = med(lambda: a.mm(b), 20)
x = torch.randn(1, 4); y = torch.randn(1, 4)
def adds():
    for _ in range(${ADD_OPS}): x + y
add = med(adds, 20)
mlp_step, mlp_infer = workload(BenchMLP, (784,), 128)
cnn_step, _ = workload(BenchCNN, (1, 28, 28), 64)
print(json.dumps({"matmulGflops": 2 * N ** 3 / (mm * 1e6), "addUs": add / ${ADD_OPS} * 1e3,
                  "mlpTrainMs": med(mlp_step, 20), "mlpInferMs": med(mlp_infer, 20), "cnnTrainMs": med(cnn_step, 20)}))
`;

const ROWS: { key: Key; label: string; unit: string; higherIsBetter: boolean }[] = [
  { key: 'matmulGflops', label: 'matmul 512x512 f32', unit: 'GFLOP/s', higherIsBetter: true },
  { key: 'addUs', label: 'add 1x4 dispatch', unit: 'µs/op', higherIsBetter: false },
  { key: 'mlpTrainMs', label: 'MLP train step b=128', unit: 'ms', higherIsBetter: false },
  { key: 'mlpInferMs', label: 'MLP inference b=128', unit: 'ms', higherIsBetter: false },
  { key: 'cnnTrainMs', label: 'CNN train step b=64', unit: 'ms', higherIsBetter: false },
];

/** Ours relative to PyTorch, as "how many times PyTorch's cost" (lower is better for every row). */
function costRatio(row: (typeof ROWS)[number], ours: number, theirs: number): number {
  return row.higherIsBetter ? theirs / ours : ours / theirs;
}

export async function printBackends(): Promise<void> {
  const { names, unavailable } = await prepareBackends();
  const results = new Map<string, BackendFigures>();
  for (const name of names) results.set(name, benchBackend(name));
  const torch = runTorch<Record<Key, number>>(TORCH_CODE);
  console.log('backends (single thread; ratio = our cost / PyTorch cost, lower is better)');
  if (unavailable.length) console.log(`  not available: ${unavailable.join('; ')}`);
  const w = Math.max(...names.map((n) => n.length), 'PyTorch'.length) + 2;
  for (const row of ROWS) {
    console.log(`  ${row.label} (${row.unit})`);
    for (const name of names) {
      const v = results.get(name)![row.key];
      const cell = v === null ? 'failed' : v.toFixed(row.key === 'addUs' ? 2 : row.key === 'matmulGflops' ? 2 : 1);
      const r = v !== null && torch ? `  ratio ${costRatio(row, v, torch[row.key]).toFixed(2)}` : '';
      console.log(`    ${name.padEnd(w)}${cell.padStart(10)}${r}`);
    }
    if (torch) console.log(`    ${'PyTorch'.padEnd(w)}${torch[row.key].toFixed(2).padStart(10)}`);
  }
  for (const [name, f] of results) for (const e of f.errors) console.log(`  ${name} failed ${e}`);
  console.log('  fastest backend per workload:');
  for (const row of ROWS) {
    let bestName: string | null = null;
    let bestV = 0;
    for (const [name, f] of results) {
      const v = f[row.key];
      if (v === null) continue;
      if (bestName === null || (row.higherIsBetter ? v > bestV : v < bestV)) [bestName, bestV] = [name, v];
    }
    const r = bestName && torch ? ` (ratio to PyTorch ${costRatio(row, bestV, torch[row.key]).toFixed(2)})` : '';
    console.log(`    ${row.label.padEnd(22)}: ${bestName ?? 'none'}${r}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await printBackends();
