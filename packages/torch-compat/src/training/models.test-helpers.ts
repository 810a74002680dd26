/**
 * The models of tooling/goldens/gen_training.py, ported line for line with torch-compat's layers
 * (same module tree, same registration order, hence the same default-init draws from the
 * seeded generator).
 */
import { randint, randn, type Tensor } from '@nncompat/core';
import { dropout, max_pool2d, relu } from '../functional/index.js';
import { Conv2d } from '../nn/modules/conv.js';
import { Linear } from '../nn/modules/linear.js';
import { Module } from '../nn/modules/module.js';
import { LSTM } from '../nn/modules/rnn.js';
import { TransformerEncoder, TransformerEncoderLayer } from '../nn/modules/transformer.js';
import type { Problem } from './trajectory.test-helpers.js';

/** `MLP(p)`: Linear(8,16) ReLU [Dropout] Linear(16,16) Tanh [Dropout] Linear(16,4). */
export class MLP extends Module {
  declare fc1: Linear;
  declare fc2: Linear;
  declare fc3: Linear;
  declare p: number;
  constructor(p = 0) {
    super();
    this.fc1 = new Linear(8, 16);
    this.fc2 = new Linear(16, 16);
    this.fc3 = new Linear(16, 4);
    this.p = p;
  }

  override forward(x: Tensor): Tensor {
    let h = relu(this.fc1(x));
    if (this.p) h = dropout(h, this.p, this.training);
    h = this.fc2(h).tanh();
    if (this.p) h = dropout(h, this.p, this.training);
    return this.fc3(h);
  }
}

/** `CNN`: Conv2d(1,4,3,padding=1) ReLU MaxPool2d(2) Conv2d(4,8,3) ReLU Flatten Linear(32,3). */
export class CNN extends Module {
  declare conv1: Conv2d;
  declare conv2: Conv2d;
  declare fc: Linear;
  constructor() {
    super();
    this.conv1 = new Conv2d(1, 4, 3, { padding: 1 });
    this.conv2 = new Conv2d(4, 8, 3);
    this.fc = new Linear(32, 3);
  }

  override forward(x: Tensor): Tensor {
    const h = max_pool2d(relu(this.conv1(x)), 2);
    return this.fc(relu(this.conv2(h)).flatten(1));
  }
}

/** Linear(4,8) → 2-layer TransformerEncoder(d_model 8, 2 heads, ff 16, no dropout) → mean → Linear(8,2). */
export class Transformer extends Module {
  declare embed: Linear;
  declare encoder: TransformerEncoder;
  declare head: Linear;
  constructor() {
    super();
    this.embed = new Linear(4, 8);
    const layer = new TransformerEncoderLayer(8, 2, { dim_feedforward: 16, dropout: 0.0, batch_first: true });
    this.encoder = new TransformerEncoder(layer, 2, { enable_nested_tensor: false });
    this.head = new Linear(8, 2);
  }

  override forward(x: Tensor): Tensor {
    return this.head(this.encoder(this.embed(x)).mean(1));
  }
}

/** LSTM(4, 8, num_layers=2, batch_first=True) → last step → Linear(8, 2). */
export class LSTMNet extends Module {
  declare lstm: LSTM;
  declare head: Linear;
  constructor() {
    super();
    this.lstm = new LSTM(4, 8, { num_layers: 2, batch_first: true });
    this.head = new Linear(8, 2);
  }

  override forward(x: Tensor): Tensor {
    const [out] = this.lstm(x);
    return this.head(out.select(1, -1));
  }
}

/** The MLP problem: model, then x = randn(16, 8), y = randint(0, 4, (16,)). */
export function mlpProblem(p = 0): Problem {
  const model = new MLP(p);
  return { model, x: randn(16, 8), y: randint(0, 4, [16]) };
}

/** The CNN problem: model, then x = randn(6, 1, 8, 8), y = randint(0, 3, (6,)). */
export function cnnProblem(): Problem {
  const model = new CNN();
  return { model, x: randn(6, 1, 8, 8), y: randint(0, 3, [6]) };
}

/** The Transformer problem: model, then x = randn(3, 5, 4), y = randn(3, 2). */
export function transformerProblem(): Problem {
  const model = new Transformer();
  return { model, x: randn(3, 5, 4), y: randn(3, 2) };
}

/** The LSTM problem: model, then x = randn(3, 6, 4), y = randn(3, 2). */
export function lstmProblem(): Problem {
  const model = new LSTMNet();
  return { model, x: randn(3, 6, 4), y: randn(3, 2) };
}
