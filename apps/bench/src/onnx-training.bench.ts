/**
 * Issue 4's train steps (MLP 784-512-512-10 at batch 128, 2-conv CNN at batch 64) through
 * `compileStep`: forward, cross-entropy, backward and the SGD update run as one onnxruntime
 * session, beside PyTorch in the same run (target: ratio ≤ 1.0). Like for like: onnxruntime on 1
 * thread vs PyTorch on 1 thread, and on every core vs PyTorch's best multi-core setting
 * (runTorchBestMulticore). Times are the best of 3 rounds' medians in ms, on both sides;
 * ratio = ours / PyTorch.
 */
import '@nncompat/backend-onnxruntime';
import { compileStep, type CompileStepOptions } from '@nncompat/backend-onnxruntime';
import * as torch from '@nncompat/torch-compat';
import * as F from '@nncompat/torch-compat/nn/functional';
import { BenchCNN, BenchMLP, TORCH_MODELS, workload, type Workload } from './models.js';
import { bestOfRounds, ratio, ROUNDS, runTorch, runTorchBestMulticore } from './pytorch.js';

/** Median ms of one compiled train step (feed, run, write back, read the loss). */
export interface OnnxTrainingTimes {
  mlp1Ms: number;
  mlpDefaultMs: number;
  cnn1Ms: number;
  cnnDefaultMs: number;
}

function compiledStep(w: Workload, options: CompileStepOptions): () => number {
  const step = compileStep((x: torch.Tensor, y: torch.Tensor) => {
    w.opt.zero_grad();
    const loss = F.cross_entropy(w.model(x), y);
    loss.backward();
    w.opt.step();
    return loss;
  }, options);
  return () => step(w.x, w.y).item() as number;
}

function timeStep(make: () => torch.nn.Module, inShape: readonly number[], batch: number, threads: number | null, iters: number): number {
  const w = workload(make, inShape, batch, 'onnxruntime');
  const options: CompileStepOptions = threads === null ? {} : { session_options: { intraOpNumThreads: threads, interOpNumThreads: 1, graphOptimizationLevel: 'all' } };
  const run = compiledStep(w, options);
  // The first three calls run eagerly (two of them traced); the warm-up covers them.
  return bestOfRounds(run, iters, ROUNDS, 5);
}

/** Times the compiled train steps. */
export function benchOnnxTraining(iters = 20): OnnxTrainingTimes {
  return {
    mlp1Ms: timeStep(() => new BenchMLP(), [784], 128, 1, iters),
    mlpDefaultMs: timeStep(() => new BenchMLP(), [784], 128, null, iters),
    cnn1Ms: timeStep(() => new BenchCNN(), [1, 28, 28], 64, 1, iters),
    cnnDefaultMs: timeStep(() => new BenchCNN(), [1, 28, 28], 64, null, iters),
  };
}

const TORCH_CODE = `${TORCH_MODELS}
mlp_step, _ = workload(BenchMLP, (784,), 128)
cnn_step, _ = workload(BenchCNN, (1, 28, 28), 64)
print(json.dumps({"mlpTrainMs": best(mlp_step, 20), "cnnTrainMs": best(cnn_step, 20)}))
`;

export function printOnnxTraining(): void {
  const r = benchOnnxTraining();
  type Times = { mlpTrainMs: number; cnnTrainMs: number };
  const single = runTorch<Times>(TORCH_CODE, 'single');
  const multi = runTorchBestMulticore<Times>(TORCH_CODE);
  const line = (label: string, ours: number, theirs: number | undefined, theirLabel: string) =>
    console.log(`  ${label.padEnd(42)}: ${ours.toFixed(2).padStart(8)} ms` +
      (theirs ? `   | PyTorch ${theirLabel.padEnd(10)} ${theirs.toFixed(2).padStart(7)} ms  ratio ${ratio(ours, theirs)}` : '   | PyTorch n/a'));
  console.log('onnxruntime compileStep: whole train step as one session (issue 4 target: ratio <= 1.0)');
  line('MLP 784-512-512-10 b=128, 1 thread', r.mlp1Ms, single?.mlpTrainMs, '1 thread');
  line('MLP 784-512-512-10 b=128, every core', r.mlpDefaultMs, multi?.mlpTrainMs, 'all cores');
  line('CNN 2-conv 28x28 b=64, 1 thread', r.cnn1Ms, single?.cnnTrainMs, '1 thread');
  line('CNN 2-conv 28x28 b=64, every core', r.cnnDefaultMs, multi?.cnnTrainMs, 'all cores');
}

if (import.meta.url === `file://${process.argv[1]}`) printOnnxTraining();
