/**
 * The models of tooling/goldens/gen_training.py, ported line for line (same module tree, same
 * registration order, hence the same default-init draws from the seeded generator).
 */
import { randint, randn, type Tensor } from '@nncompat/core';
import { conv2d, dropout, max_pool2d, relu } from '../functional/index.js';
import { kaiming_uniform_, uniform_, _calculate_fan_in_and_fan_out } from '../init/index.js';
import { Linear } from '../nn/modules/linear.js';
import { Module } from '../nn/modules/module.js';
import { Parameter } from '../nn/parameter.js';
import { empty } from '@nncompat/core';
import type { Problem } from './trajectory.test-helpers.js';

/**
 * `nn.Conv2d(in, out, k, padding)` built from `F.conv2d` and two Parameters with `_ConvNd`'s
 * `reset_parameters` (kaiming_uniform_(a=√5), bias U(±1/√fan_in)), used until the layer lands.
 */
export class Conv2dStandIn extends Module {
  declare weight: Parameter;
  declare bias: Parameter;
  declare padding: number;
  constructor(inChannels: number, outChannels: number, kernel: number, padding = 0) {
    super();
    this.weight = new Parameter(empty([outChannels, inChannels, kernel, kernel]));
    this.bias = new Parameter(empty([outChannels]));
    this.padding = padding;
    kaiming_uniform_(this.weight, Math.sqrt(5));
    const [fanIn] = _calculate_fan_in_and_fan_out(this.weight);
    const bound = 1 / Math.sqrt(fanIn);
    uniform_(this.bias, -bound, bound);
  }

  override forward(x: Tensor): Tensor {
    return conv2d(x, this.weight, this.bias, { padding: this.padding });
  }
}

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
  declare conv1: Conv2dStandIn;
  declare conv2: Conv2dStandIn;
  declare fc: Linear;
  constructor() {
    super();
    this.conv1 = new Conv2dStandIn(1, 4, 3, 1);
    this.conv2 = new Conv2dStandIn(4, 8, 3);
    this.fc = new Linear(32, 3);
  }

  override forward(x: Tensor): Tensor {
    const h = max_pool2d(relu(this.conv1(x)), 2);
    return this.fc(relu(this.conv2(h)).flatten(1));
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
