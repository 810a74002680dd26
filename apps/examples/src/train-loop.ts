/**
 * The training loop both example scripts share (as pytorch/mlp.py and pytorch/cnn.py write it):
 * shuffle with `torch.randperm` each epoch, mini-batches via `index_select`, cross-entropy,
 * one optimizer step per batch, one printed line per step, then test accuracy in eval mode.
 * With `{ compile: true }` (the scripts' `--compile`) the model and data live on onnxruntime and
 * each step runs as one onnxruntime session (`compileStep`); the loop is otherwise the same.
 */
import { compileStep } from '@nncompat/backend-onnxruntime';
import * as torch from '@nncompat/torch-compat';
import * as F from '@nncompat/torch-compat/nn/functional';
import type { ShapesData } from './shapes-data.js';

/** What a training run printed: the loss of every step and the final test accuracy. */
export interface TrainResult {
  losses: number[];
  test_accuracy: number;
}

/** A callable module taking a batch of images. */
export type ImageModel = torch.nn.Module & ((x: torch.Tensor) => torch.Tensor);

/** Options of {@link train}. */
export interface TrainOptions {
  /** Run each step as one onnxruntime session (`compileStep`); the model must be on `onnxruntime`. */
  compile?: boolean;
}

/** The scripts' `--compile` flag: model and data on onnxruntime, steps through compileStep. */
export function compileRequested(argv: readonly string[] = process.argv): boolean {
  return argv.includes('--compile');
}

/**
 * Trains `model` with `opt` for `epochs` epochs of `batch`-sized steps, logging each step as
 * `epoch E step SS loss L.LLLLLL` (the Python scripts' format).
 *
 * @example
 * const r = train(model, new torch.optim.SGD(model.parameters(), { lr: 0.1 }), loadShapes(), 5, 32);
 */
export function train(
  model: ImageModel, opt: torch.optim.Optimizer, data: ShapesData, epochs: number, batch: number,
  log: (line: string) => void = console.log, options: TrainOptions = {},
): TrainResult {
  const device = options.compile ? 'onnxruntime' : null;
  const place = (t: torch.Tensor): torch.Tensor => (device ? t.to(device) : t);
  const [x_train, y_train, x_test, y_test] = [data.x_train, data.y_train, data.x_test, data.y_test].map(place) as [torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor];
  const n = x_train.shape[0]!;
  const losses: number[] = [];
  const eagerStep = (x: torch.Tensor, y: torch.Tensor): torch.Tensor => {
    opt.zero_grad();
    const loss = F.cross_entropy(model(x), y);
    loss.backward();
    opt.step();
    return loss;
  };
  const step = options.compile ? compileStep(eagerStep) : eagerStep;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const perm = place(torch.randperm(n));
    for (let i = 0; i < n; i += batch) {
      const idx = perm.slice(0, i, Math.min(i + batch, n));
      const loss = step(x_train.index_select(0, idx), y_train.index_select(0, idx));
      const value = loss.item() as number;
      losses.push(value);
      log(`epoch ${epoch} step ${String(Math.floor(i / batch)).padStart(2)} loss ${value.toFixed(6)}`);
    }
  }
  model.eval();
  const test_accuracy = torch.no_grad(() => model(x_test).argmax(1).eq(y_test).float().mean().item() as number);
  log(`test accuracy ${test_accuracy.toFixed(4)}`);
  return { losses, test_accuracy };
}
