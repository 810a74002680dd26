/**
 * An MLP trained on the shipped synthetic shapes dataset: the port of pytorch/mlp.py, line for
 * line. Same seed, same default init, same shuffles, hence the same printed loss curve.
 *
 *   npm run mlp -w @nncompat/examples        # TypeScript
 *   /usr/bin/python3 apps/examples/pytorch/mlp.py   # PyTorch, beside it
 */
import * as torch from '@nncompat/torch-compat';
import * as F from '@nncompat/torch-compat/nn/functional';
import { loadShapes } from './shapes-data.js';
import { compileRequested, type ImageModel, train, type TrainOptions, type TrainResult } from './train-loop.js';

const { nn } = torch;
const EPOCHS = 5;
const BATCH = 32;

/** `class MLP(nn.Module)`: 144 → 64 → 32 → 4 with ReLUs. */
export class MLP extends nn.Module {
  declare fc1: torch.nn.Linear;
  declare fc2: torch.nn.Linear;
  declare fc3: torch.nn.Linear;
  constructor() {
    super();
    this.fc1 = new nn.Linear(144, 64);
    this.fc2 = new nn.Linear(64, 32);
    this.fc3 = new nn.Linear(32, 4);
  }

  override forward(x: torch.Tensor): torch.Tensor {
    x = x.flatten(1);
    x = F.relu(this.fc1(x));
    x = F.relu(this.fc2(x));
    return this.fc3(x);
  }
}

/**
 * `main()` of mlp.py: seed 0, SGD(lr=0.1, momentum=0.9), 5 epochs of batches of 32.
 *
 * @example
 * const { losses, test_accuracy } = trainMlp(() => {}); // silent
 */
export function trainMlp(log: (line: string) => void = console.log, options: TrainOptions = {}): TrainResult {
  torch.manual_seed(0);
  const data = loadShapes();
  const model = new MLP() as unknown as ImageModel;
  if (options.compile) model.to('onnxruntime');
  const opt = new torch.optim.SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
  return train(model, opt, data, EPOCHS, BATCH, log, options);
}

if (import.meta.url === `file://${process.argv[1]}`) trainMlp(console.log, { compile: compileRequested() });
