/**
 * Per-backend skips of the PyTorch golden suites (issue 6): every entry says why the test
 * cannot pass on that backend. backend-setup.ts prints each skip when it is applied.
 */
import type { Test } from 'vitest';

/** One skipped test: the backend, the test file (under src/), the test's full name ('*': every test of the file), why. */
export interface BackendSkip {
  backend: 'tfjs' | 'tfjs-cpu' | 'onnxruntime' | 'gpujs';
  file: string;
  test: string;
  reason: string;
}

const DEVICE_REPR =
  "repr names the device of tensors off the CPU (reference) backend, as PyTorch's does for cuda tensors " +
  "(\", device='<backend>'\"); the fixtures are the text of CPU tensors";
const CENTERED_RMSPROP =
  'float32 rounding: the backend sums MatMul/Conv products in another order than PyTorch, and centered ' +
  'RMSprop divides by sqrt(v - m^2), turning those rounding-level gradient differences into full steps';

const RPROP_SIGNS =
  "float32 rounding: Rprop grows or shrinks each element's step by the sign of grad * previous grad, so a " +
  'near-zero gradient element whose sign differs from PyTorch\'s (tfjs-wasm sums MatMul products in another order) ' +
  'takes another step-size path (losses 3e-5 to 1e-3 relative off PyTorch within 20 steps; onnxruntime and gpujs stay within 1e-5)';
const RPROP_SUITE = 'NAdam/RAdam/Adamax/Adadelta/Rprop/ASGD trajectories match PyTorch (20 steps, float32)';

/** The skip list; keep it short and give each entry a reason a reader can check. */
export const BACKEND_SKIPS: readonly BackendSkip[] = [
  ...[
    'Rprop {} (2 param groups)',
    'Rprop {"lr":0.02,"etas":[0.4,1.5],"step_sizes":[0.0001,0.05]}',
    'Rprop {"lr":0.02,"etas":[0.4,1.5],"step_sizes":[0.0001,0.05]} (2 param groups)',
    'Rprop {"lr":0.01,"maximize":true}',
  ].map((t) => ({ backend: 'tfjs' as const, file: 'optim/optim_extra.test.ts', test: `${RPROP_SUITE} > ${t}`, reason: RPROP_SIGNS })),
  ...(['tfjs', 'onnxruntime', 'gpujs'] as const).map((backend) => ({ backend, file: 'tensor-str.golden.test.ts', test: '*', reason: DEVICE_REPR })),
  {
    backend: 'onnxruntime',
    file: 'training/lstm.test.ts',
    test: 'lstm: 20-step trajectories match PyTorch 1.13.0a0 (seed 0, float32) > RMSprop {"lr":0.005,"momentum":0.5,"centered":true}',
    reason: `${CENTERED_RMSPROP} (final lstm.weight_ih_l1 element 81 off by 1.9e-6, 1.9x its tolerance: PyTorch's own reruns move it by 1.0e-7)`,
  },
  {
    backend: 'gpujs',
    file: 'training/cnn.test.ts',
    test: 'cnn: 20-step trajectories match PyTorch 1.13.0a0 (seed 0, float32) > RMSprop {"lr":0.005,"momentum":0.5,"centered":true}',
    reason: `${CENTERED_RMSPROP} (final fc.weight element 84 off by 2.0e-6, 1.7x its tolerance: PyTorch's own reruns move it by 1.9e-7)`,
  },
];

/** `describe > ... > it` names of a test, joined with ' > '. */
function fullName(task: Test): string {
  const parts: string[] = [task.name];
  for (let s = task.suite; s && s.name; s = s.suite) parts.unshift(s.name);
  return parts.join(' > ');
}

/** The reason `task` is skipped on `backend`, or undefined when it runs. */
export function skipReason(backend: string, task: Test): string | undefined {
  const file = task.file.name.replace(/^.*?src\//, '');
  const name = fullName(task);
  const hit = BACKEND_SKIPS.find((s) => s.backend === backend && s.file === file && (s.test === '*' || s.test === name));
  return hit ? `${file} > ${name}: ${hit.reason}` : undefined;
}
