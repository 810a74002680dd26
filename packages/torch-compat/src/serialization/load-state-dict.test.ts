import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { no_grad, OrderedDict, tensor, type Tensor } from '@nncompat/core';
import * as torch from '../index.js';
import { load } from './load.js';

const { nn } = torch;
const DIR = new URL('../../fixtures/checkpoints/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', DIR), 'utf8')) as {
  files: Record<string, { input: number[]; input_shape: number[]; eval_output: number[] }>;
};

/** The architecture tooling/goldens/gen_torch_checkpoints.py trained in PyTorch. */
class Net extends nn.Module {
  declare fc1: InstanceType<typeof nn.Linear>;
  declare bn: InstanceType<typeof nn.BatchNorm1d>;
  declare fc2: InstanceType<typeof nn.Linear>;
  constructor() {
    super();
    this.fc1 = new nn.Linear(4, 3);
    this.bn = new nn.BatchNorm1d(3);
    this.fc2 = new nn.Linear(3, 2);
  }
  override forward(x: Tensor): Tensor {
    return this.fc2(this.bn(this.fc1(x)).relu());
  }
}

describe('module.load_state_dict(torch.load(...)) with a checkpoint trained in PyTorch', () => {
  it('loads every key strictly and gives PyTorch outputs', () => {
    const ckpt = load(new URL('training_checkpoint.pt', DIR).pathname) as Map<string, unknown>;
    const net = new Net();
    const report = net.load_state_dict(ckpt.get('model') as OrderedDict<string, Tensor>);
    expect(report.missing_keys).toEqual([]);
    expect(report.unexpected_keys).toEqual([]);
    net.eval();
    const e = expected.files['training_checkpoint.pt']!;
    const x = tensor(e.input, { dtype: 'float32' }).view(e.input_shape);
    const out = no_grad(() => net(x));
    const got = Array.from(out.dataSync() as Float32Array);
    got.forEach((v, i) => expect(Math.abs(v - e.eval_output[i]!)).toBeLessThanOrEqual(1e-6 + 1e-5 * Math.abs(e.eval_output[i]!)));
    expect(ckpt.get('epoch')).toBe(3);
    // num_batches_tracked came back as int64 and kept its value.
    expect(net.bn.num_batches_tracked!.dtype.name).toBe('int64');
    expect(net.bn.num_batches_tracked!.item()).toBe(3);
  });
});
