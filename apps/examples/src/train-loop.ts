/**
 * The training loop both example scripts share (as pytorch/mlp.py and pytorch/cnn.py write it):
 * shuffle with `torch.randperm` each epoch, mini-batches via `index_select`, cross-entropy,
 * one optimizer step per batch, one printed line per step, then test accuracy in eval mode.
 */
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

/**
 * Trains `model` with `opt` for `epochs` epochs of `batch`-sized steps, logging each step as
 * `epoch E step SS loss L.LLLLLL` (the Python scripts' format).
 *
 * @example
 * const r = train(model, new torch.optim.SGD(model.parameters(), { lr: 0.1 }), loadShapes(), 5, 32);
 */
export function train(
  model: ImageModel, opt: torch.optim.Optimizer, data: ShapesData, epochs: number, batch: number,
  log: (line: string) => void = console.log,
): TrainResult {
  const { x_train, y_train, x_test, y_test } = data;
  const n = x_train.shape[0]!;
  const losses: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const perm = torch.randperm(n);
    for (let i = 0; i < n; i += batch) {
      const idx = perm.slice(0, i, Math.min(i + batch, n));
      opt.zero_grad();
      const loss = F.cross_entropy(model(x_train.index_select(0, idx)), y_train.index_select(0, idx));
      loss.backward();
      opt.step();
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
