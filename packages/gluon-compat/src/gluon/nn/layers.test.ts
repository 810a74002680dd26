/**
 * gluon.nn layers against PyTorch 1.13 computations of the same math
 * (tooling/goldens/gen_gluon_layers.py explains each correspondence), reprs against the
 * `__repr__` format rules of MXNet 1.9's basic_layers.py / conv_layers.py, and the LayerNorm
 * output printed in MXNet's own LayerNorm docstring.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as mx from '../../index.js';

const { nn } = mx.gluon;
const G = JSON.parse(readFileSync(new URL('../../../fixtures/layers/layers.json', import.meta.url), 'utf8')) as Record<string, Record<string, number[]>>;

function near(actual: ArrayLike<number>, expected: readonly number[], tol = 1e-5): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (Math.abs(actual[i]! - expected[i]!) > tol * (1 + Math.abs(expected[i]!))) {
      throw new Error(`element ${i}: ${actual[i]} vs ${expected[i]}`);
    }
  }
}

const arr = (v: readonly number[], shape: readonly number[]) => mx.nd.array([...v]).reshape(shape);

/** Runs `block(x)` under record and back-propagates sum(y * c); returns y and the input's gradient. */
function runWithGrad(block: (x: mx.nd.NDArray) => mx.nd.NDArray, x: mx.nd.NDArray, c: readonly number[]) {
  x.attach_grad();
  let y!: mx.nd.NDArray;
  mx.autograd.record(() => {
    y = block(x);
    y.mul(arr(c, y.shape)).sum().backward();
  });
  return { y, dx: x.grad! };
}

describe('gluon.nn layers: values and gradients', () => {
  for (const [name, flatten] of [['dense_flatten', true], ['dense_noflatten', false]] as const) {
    it(`Dense (${name}): deferred in_units, relu, gradients`, () => {
      const g = G[name]!;
      const fc = new nn.Dense(5, { activation: 'relu', flatten });
      fc.initialize();
      const x = arr(g.x!, g.x_shape!);
      expect(() => fc.weight.data()).toThrow(mx.gluon.DeferredInitializationError);
      fc(x); // first call fills in_units
      expect(fc.weight.shape).toEqual([5, flatten ? 12 : 4]);
      fc.weight.set_data(arr(g.w!, fc.weight.shape!));
      fc.bias!.set_data(arr(g.b!, [5]));
      const { y, dx } = runWithGrad((v) => fc(v), x, g.c!);
      expect(y.shape).toEqual(g.y_shape);
      near(y.asnumpy(), g.y!);
      near(dx.asnumpy(), g.dx!);
      near(fc.weight.grad().asnumpy(), g.dw!);
      near(fc.bias!.grad().asnumpy(), g.db!);
    });
  }

  it('Conv2D: stride 2, padding 1, deferred in_channels, gradients', () => {
    const g = G.conv2d!;
    const conv = new nn.Conv2D(4, 3, { strides: 2, padding: 1 });
    conv.initialize();
    const x = arr(g.x!, [2, 3, 6, 6]);
    conv(x);
    conv.weight.set_data(arr(g.w!, [4, 3, 3, 3]));
    conv.bias!.set_data(arr(g.b!, [4]));
    const { y, dx } = runWithGrad((v) => conv(v), x, g.c!);
    expect(y.shape).toEqual(g.y_shape);
    near(y.asnumpy(), g.y!);
    near(dx.asnumpy(), g.dx!, 1e-4);
    near(conv.weight.grad().asnumpy(), g.dw!, 1e-4);
    near(conv.bias!.grad().asnumpy(), g.db!, 1e-4);
  });

  it("MaxPool2D: 'valid' and 'full' (ceil_mode) conventions", () => {
    const g = G.maxpool!;
    const x = arr(g.x!, [1, 2, 5, 5]);
    const valid = new nn.MaxPool2D()(x);
    expect(valid.shape).toEqual(g.valid_shape);
    near(valid.asnumpy(), g.valid!, 0);
    const full = new nn.MaxPool2D(2, { ceil_mode: true })(x);
    expect(full.shape).toEqual(g.full_shape);
    near(full.asnumpy(), g.full!, 0);
  });

  it('BatchNorm: batch statistics in training (moving averages updated, momentum 0.9), running ones otherwise', () => {
    const g = G.batchnorm!;
    const bn = new nn.BatchNorm();
    bn.initialize();
    const x = arr(g.x!, [4, 3, 2, 2]);
    bn(x); // fills in_channels (inference mode: running statistics, not updated)
    near(bn.running_mean.data().asnumpy(), [0, 0, 0], 0);
    bn.gamma.set_data(arr(g.gamma!, [3]));
    bn.beta.set_data(arr(g.beta!, [3]));
    const yTrain = mx.autograd.record(() => bn(x));
    near(yTrain.asnumpy(), g.y_train!);
    near(bn.running_mean.data().asnumpy(), g.running_mean!);
    near(bn.running_var.data().asnumpy(), g.running_var!);
    near(bn(x).asnumpy(), g.y_eval!);
    // use_global_stats: running statistics even in training.
    const frozen = new nn.BatchNorm({ use_global_stats: true, in_channels: 3 });
    frozen.initialize();
    const before = [...frozen.running_mean.data().asnumpy()];
    mx.autograd.record(() => frozen(x));
    expect([...frozen.running_mean.data().asnumpy()]).toEqual(before);
  });

  it('LayerNorm: the output printed in MXNet 1.9\'s LayerNorm docstring', () => {
    const layer = new nn.LayerNorm();
    layer.initialize({ ctx: mx.cpu(0) });
    const y = layer(mx.nd.array([[1, 2, 3, 4, 5], [1, 1, 2, 2, 2]]));
    // basic_layers.py: [[-1.41421 -0.707105 0. 0.707105 1.41421 ] [-1.2247195 -1.2247195 0.81647956 0.81647956 0.81647956]]
    near(y.asnumpy(), [-1.41421, -0.707105, 0, 0.707105, 1.41421, -1.2247195, -1.2247195, 0.81647956, 0.81647956, 0.81647956]);
    expect(layer.gamma.shape).toEqual([5]);
  });

  it('Embedding: rows and the gradient of the weight', () => {
    const g = G.embedding!;
    const emb = new nn.Embedding(10, 4);
    emb.initialize();
    emb.weight.set_data(arr(g.w!, [10, 4]));
    let y!: mx.nd.NDArray;
    mx.autograd.record(() => {
      y = emb(arr(g.idx!, [3, 2]));
      y.mul(arr(g.c!, y.shape)).sum().backward();
    });
    expect(y.shape).toEqual([3, 2, 4]);
    near(y.asnumpy(), g.y!, 0);
    near(emb.weight.grad().asnumpy(), g.dw!);
  });

  it('Dropout: identity outside training, zero or 1/(1-p)-scaled inside, mask shared along axes', () => {
    const drop = new nn.Dropout(0.5, { axes: [1] });
    const x = mx.nd.ones([4, 6]);
    expect([...drop(x).asnumpy()]).toEqual(Array(24).fill(1));
    const y = [...mx.autograd.record(() => drop(x)).asnumpy()];
    expect(y.every((v) => v === 0 || v === 2)).toBe(true);
    for (let r = 0; r < 4; r++) expect(new Set(y.slice(r * 6, r * 6 + 6)).size).toBe(1);
  });

  it('Activation, Flatten, HybridSequential with deferred shapes end to end', () => {
    const net = new nn.HybridSequential();
    net.name_scope(() => net.add(new nn.Conv2D(2, 3, { activation: 'tanh' }), new nn.MaxPool2D(), new nn.Flatten(), new nn.Dense(3)));
    net.initialize();
    const y = net(mx.nd.ones([2, 1, 6, 6]));
    expect(y.shape).toEqual([2, 3]);
    expect((net[3] as mx.gluon.nn.Dense).weight.shape).toEqual([3, 8]);
    expect([...new nn.Activation('relu')(mx.nd.array([-1, 0, 2])).asnumpy()]).toEqual([0, 0, 2]);
    expect(() => mx.nd.Activation(mx.nd.ones([1]), { act_type: 'gelu' as 'relu' })).toThrow(
      "Invalid Input: 'gelu', valid values are: {'relu', 'sigmoid', 'softrelu', 'softsign', 'tanh'}",
    );
  });
});

describe('gluon.nn reprs (format rules of basic_layers.py / conv_layers.py __repr__)', () => {
  it('prints each layer as MXNet does', () => {
    new mx.name.NameManager().with(() => {
      expect(String(new nn.Dense(10))).toBe('Dense(None -> 10, linear)'); // examine_forward_results_with_hooks.md
      expect(String(new nn.Dense(10, { in_units: 5, activation: 'relu' }))).toBe('Dense(5 -> 10, Activation(relu))');
      expect(String(new nn.Conv2D(10, 3))).toBe('Conv2D(None -> 10, kernel_size=(3, 3), stride=(1, 1))');
      expect(String(new nn.Conv2D(8, [3, 3], { in_channels: 4, padding: 1, dilation: 2, groups: 2, use_bias: false, activation: 'relu' }))).toBe(
        'Conv2D(2 -> 8, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), dilation=(2, 2), groups=2, bias=False, Activation(relu))',
      );
      expect(String(new nn.MaxPool2D())).toBe('MaxPool2D(size=(2, 2), stride=(2, 2), padding=(0, 0), ceil_mode=False, global_pool=False, pool_type=max, layout=NCHW)');
      expect(String(new nn.BatchNorm())).toBe('BatchNorm(axis=1, eps=1e-05, momentum=0.9, fix_gamma=False, use_global_stats=False, in_channels=None)');
      expect(String(new nn.BatchNorm({ in_channels: 3, scale: false }))).toBe('BatchNorm(axis=1, eps=1e-05, momentum=0.9, fix_gamma=True, use_global_stats=False, in_channels=3)');
      expect(String(new nn.LayerNorm())).toBe('LayerNorm(eps=1e-05, axis=-1, center=True, scale=True, in_channels=0)');
      expect(String(new nn.Embedding(10, 4))).toBe('Embedding(10 -> 4, float32)');
      expect(String(new nn.Dropout(0.5))).toBe('Dropout(p = 0.5, axes=())');
      expect(String(new nn.Flatten())).toBe('Flatten');
      const seq = new nn.Sequential();
      seq.name_scope(() => seq.add(new nn.Dense(256, { activation: 'relu' }), new nn.Dense(10)));
      expect(String(seq)).toBe('Sequential(\n  (0): Dense(None -> 256, Activation(relu))\n  (1): Dense(None -> 10, linear)\n)');
    });
  });

  it('names parameters by prefix: dense0_weight, nested scopes, activation prefixes', () => {
    new mx.name.NameManager().with(() => {
      const a = new nn.Dense(2);
      const b = new nn.Dense(2);
      expect([a.name, b.name]).toEqual(['dense0', 'dense1']);
      expect([...a.params.keys()]).toEqual(['dense0_weight', 'dense0_bias']);
      const net = new nn.HybridSequential({ prefix: 'model_' });
      net.name_scope(() => net.add(new nn.Dense(3, { activation: 'relu' }), new nn.Conv2D(2, 1), new nn.MaxPool2D(), new nn.BatchNorm()));
      expect([...net.collect_params().keys()]).toEqual([
        'model_dense0_weight', 'model_dense0_bias', 'model_conv0_weight', 'model_conv0_bias',
        'model_batchnorm0_gamma', 'model_batchnorm0_beta', 'model_batchnorm0_running_mean', 'model_batchnorm0_running_var',
      ]);
      expect((net[0] as mx.gluon.nn.Dense).act!.prefix).toBe('model_dense0_relu_');
      expect((net[2] as mx.gluon.HybridBlock).name).toBe('model_pool0');
    });
  });
});
