/**
 * MLP 784-512-512-10 inference at batch 128 through `compile` (one onnxruntime session runs the
 * whole traced graph) beside PyTorch in the same run (issue 4's target: ratio ≤ 0.5). Like for
 * like: onnxruntime on 1 thread vs PyTorch on 1 thread, and onnxruntime on every core vs
 * PyTorch's best multi-core setting (runTorchBestMulticore); the eager op-by-op path too. Times
 * are the best of 3 rounds' medians in ms (both sides); ratio = ours / PyTorch.
 */
import '@nncompat/backend-onnxruntime';
import { compile } from '@nncompat/backend-onnxruntime';
import * as torch from '@nncompat/torch-compat';
import { BenchMLP, TORCH_MODELS } from './models.js';
import { bestOfRounds, ratio, runTorch, runTorchBestMulticore } from './pytorch.js';

/** Median ms of one compiled inference (feed, run, read one element) and of the eager op path. */
export interface OnnxInferenceTimes {
  compiled1Ms: number;
  compiledDefaultMs: number;
  eagerMs: number;
}

/** Times the MLP on the onnxruntime backend: compiled (1 thread, default threads) and eager. */
export function benchOnnxInference(iters = 50): OnnxInferenceTimes {
  torch.manual_seed(0);
  const model = new BenchMLP().to('onnxruntime');
  model.eval();
  const x = torch.randn([128, 784]).to('onnxruntime');
  const one = compile(model as unknown as (t: torch.Tensor) => torch.Tensor, [x], { session_options: { intraOpNumThreads: 1 } });
  const many = compile(model as unknown as (t: torch.Tensor) => torch.Tensor, [x]);
  const read = (y: torch.Tensor | torch.Tensor[]): number => ((y as torch.Tensor).dataSync()[0] as number);
  const r = {
    compiled1Ms: bestOfRounds(() => read(one(x)), iters),
    compiledDefaultMs: bestOfRounds(() => read(many(x)), iters),
    eagerMs: bestOfRounds(() => torch.no_grad(() => read(model(x))), iters),
  };
  one.dispose();
  many.dispose();
  return r;
}

const TORCH_CODE = `${TORCH_MODELS}
_, mlp_infer = workload(BenchMLP, (784,), 128)
print(json.dumps({"mlpInferMs": best(mlp_infer, 50)}))
`;

export function printOnnxInference(): void {
  const r = benchOnnxInference();
  const single = runTorch<{ mlpInferMs: number }>(TORCH_CODE, 'single');
  const multi = runTorchBestMulticore<{ mlpInferMs: number }>(TORCH_CODE);
  const line = (label: string, ours: number, theirs: number | undefined, theirLabel: string) =>
    console.log(`  ${label.padEnd(42)}: ${ours.toFixed(3).padStart(8)} ms` +
      (theirs ? `   | PyTorch ${theirLabel.padEnd(10)} ${theirs.toFixed(3).padStart(7)} ms  ratio ${ratio(ours, theirs)}` : '   | PyTorch n/a'));
  console.log('onnxruntime compile: MLP 784-512-512-10 inference, b=128 (issue 4 target: ratio <= 0.5)');
  line('compile(), 1 thread', r.compiled1Ms, single?.mlpInferMs, '1 thread');
  line('compile(), every core', r.compiledDefaultMs, multi?.mlpInferMs, 'all cores');
  line('compile(), every core vs PyTorch 1 thread', r.compiledDefaultMs, single?.mlpInferMs, '1 thread');
  line('eager on onnxruntime (per-op sessions)', r.eagerMs, multi?.mlpInferMs, 'all cores');
}

if (import.meta.url === `file://${process.argv[1]}`) printOnnxInference();
