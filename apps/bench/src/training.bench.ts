/**
 * Training and inference of the issue-4 models on the default backend (`NNCOMPAT_BACKEND` or the
 * registry's pick), with PyTorch's figures from the same run (single-threaded):
 * MLP 784-512-512-10 train step and inference at batch 128, 2-conv CNN train step at batch 64
 * on 1×28×28. Times are medians in ms; the ratio is ours / PyTorch (lower is better).
 */
import { getDefaultBackendName } from '@nncompat/core';
import { BenchCNN, BenchMLP, inferStep, tidyTrainStep, TORCH_MODELS, workload } from './models.js';
import { ratio, runTorch, timeMs } from './pytorch.js';

/** Median times (ms) of the three workloads. */
export interface TrainingTimes {
  mlpTrainMs: number;
  mlpInferMs: number;
  cnnTrainMs: number;
}

/** Times the three workloads on `backend`. */
export function benchTraining(backend: string = getDefaultBackendName(), iters = 20): TrainingTimes {
  const mlp = workload(() => new BenchMLP(), [784], 128, backend);
  const cnn = workload(() => new BenchCNN(), [1, 28, 28], 64, backend);
  return {
    mlpTrainMs: timeMs(() => tidyTrainStep(mlp), iters),
    mlpInferMs: timeMs(() => inferStep(mlp), iters),
    cnnTrainMs: timeMs(() => tidyTrainStep(cnn), iters),
  };
}

const TORCH_CODE = `${TORCH_MODELS}
mlp_step, mlp_infer = workload(BenchMLP, (784,), 128)
cnn_step, _ = workload(BenchCNN, (1, 28, 28), 64)
print(json.dumps({"mlpTrainMs": med(mlp_step, 20), "mlpInferMs": med(mlp_infer, 20), "cnnTrainMs": med(cnn_step, 20)}))
`;

/** PyTorch's times for the same workloads (null without python3 + torch). */
export function torchTraining(): TrainingTimes | null {
  return runTorch<TrainingTimes>(TORCH_CODE);
}

export function printTraining(): void {
  const backend = getDefaultBackendName();
  const r = benchTraining(backend);
  const t = torchTraining();
  const line = (label: string, ours: number, theirs: number | undefined) =>
    console.log(`  ${label.padEnd(34)}: ${ours.toFixed(2).padStart(8)} ms` +
      (theirs ? `   | PyTorch ${theirs.toFixed(2).padStart(7)} ms  ratio ${ratio(ours, theirs)}` : '   | PyTorch n/a'));
  console.log(`training, ${backend} backend (single thread)`);
  line('MLP 784-512-512-10 train, b=128', r.mlpTrainMs, t?.mlpTrainMs);
  line('MLP 784-512-512-10 inference, b=128', r.mlpInferMs, t?.mlpInferMs);
  line('CNN 2-conv 28x28 train, b=64', r.cnnTrainMs, t?.cnnTrainMs);
}

if (import.meta.url === `file://${process.argv[1]}`) printTraining();
