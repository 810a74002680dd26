/**
 * A small CNN trained on the shipped synthetic shapes dataset: the port of pytorch/cnn.py, line
 * for line. Same seed, same default init, same shuffles, hence the same printed loss curve.
 *
 *   npm run cnn -w @nncompat/examples        # TypeScript
 *   /usr/bin/python3 apps/examples/pytorch/cnn.py   # PyTorch, beside it
 */
import * as torch from '@nncompat/torch-compat';
import * as F from '@nncompat/torch-compat/nn/functional';
import { loadShapes } from './shapes-data.js';
import { compileRequested, type ImageModel, train, type TrainOptions, type TrainResult } from './train-loop.js';

const { nn } = torch;
const EPOCHS = 3;
const BATCH = 32;

/** `class CNN(nn.Module)`: two 3×3 conv + ReLU + 2×2 max-pool stages, then Linear(144, 4). */
export class CNN extends nn.Module {
  declare conv1: torch.nn.Conv2d;
  declare conv2: torch.nn.Conv2d;
  declare fc: torch.nn.Linear;
  constructor() {
    super();
    this.conv1 = new nn.Conv2d(1, 8, 3, { padding: 1 });
    this.conv2 = new nn.Conv2d(8, 16, 3, { padding: 1 });
    this.fc = new nn.Linear(16 * 3 * 3, 4);
  }

  override forward(x: torch.Tensor): torch.Tensor {
    x = F.max_pool2d(F.relu(this.conv1(x)), 2); // 8 x 6 x 6
    x = F.max_pool2d(F.relu(this.conv2(x)), 2); // 16 x 3 x 3
    return this.fc(x.flatten(1));
  }
}

/**
 * `main()` of cnn.py: seed 0, Adam(lr=0.01), 3 epochs of batches of 32.
 *
 * @example
 * const { losses, test_accuracy } = trainCnn(() => {}); // silent
 */
export function trainCnn(log: (line: string) => void = console.log, options: TrainOptions = {}): TrainResult {
  torch.manual_seed(0);
  const data = loadShapes();
  const model = new CNN() as unknown as ImageModel;
  if (options.compile) model.to('onnxruntime');
  // Compiled, Adam keeps its step count as a tensor (capturable): the same update to float32 rounding.
  const opt = new torch.optim.Adam(model.parameters(), { lr: 0.01, ...(options.compile ? { capturable: true } : {}) });
  return train(model, opt, data, EPOCHS, BATCH, log, options);
}

if (import.meta.url === `file://${process.argv[1]}`) trainCnn(console.log, { compile: compileRequested() });
