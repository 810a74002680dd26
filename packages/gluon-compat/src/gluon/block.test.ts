/**
 * Ported Block cases of MXNet 1.9's tests/python/unittest/test_gluon.py (names kept), plus
 * checks of Block behaviour taken from python/mxnet/gluon/block.py.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as mx from '../index.js';

const { nn } = mx.gluon;
const tmp = mkdtempSync(join(tmpdir(), 'gluon-block-'));
const file = (n: string) => join(tmp, n);

class Net extends mx.gluon.Block {
  declare dense0: mx.gluon.nn.Dense;
  declare dense1: mx.gluon.nn.Dense;
  constructor(opts: mx.gluon.BlockOptions & { in_units?: number } = {}) {
    super({ prefix: opts.prefix, params: opts.params });
    this.name_scope(() => {
      this.dense0 = new nn.Dense(5, { in_units: opts.in_units ?? 0 });
      this.dense1 = new nn.Dense(5, { in_units: opts.in_units ?? 0 });
    });
  }
  override forward(x: mx.nd.NDArray): mx.nd.NDArray {
    return this.dense1(this.dense0(x));
  }
}

describe('test_gluon.py Block cases', () => {
  it('test_parameter_sharing', () => {
    const net1 = new Net({ prefix: 'net1_', in_units: 5 });
    const net2 = new Net({ prefix: 'net2_', params: net1.collect_params() });
    net1.collect_params().initialize();
    net2(mx.nd.zeros([3, 5]));
    net1.save_parameters(file('net1.params'));
    const net3 = new Net({ prefix: 'net3_' });
    net3.load_parameters(file('net1.params'), mx.cpu());

    const net4 = new Net({ prefix: 'net4_' });
    const net5 = new Net({ prefix: 'net5_', in_units: 5, params: net4.collect_params() });
    net4.collect_params().initialize();
    net5(mx.nd.zeros([3, 5]));
    net4.save_parameters(file('net4.params'));
    const net6 = new Net({ prefix: 'net6_' });
    net6.load_parameters(file('net4.params'), mx.cpu());

    // What sharing means: net2 uses net1's Parameter objects and names.
    expect([...net2.collect_params().keys()]).toEqual(['net1_dense0_weight', 'net1_dense0_bias', 'net1_dense1_weight', 'net1_dense1_bias']);
    expect(net2.dense0.weight).toBe(net1.dense0.weight);
    expect([...net3.dense0.weight.data().asnumpy()]).toEqual([...net1.dense0.weight.data().asnumpy()]);
    expect(net6.dense1.weight.shape).toEqual([5, 5]);
  });

  it('test_collect_parameters', () => {
    const net = new nn.HybridSequential({ prefix: 'test_' });
    net.name_scope(() => {
      net.add(new nn.Conv2D(10, 3));
      net.add(new nn.Dense(10, { activation: 'relu' }));
    });
    expect(new Set(net.collect_params().keys())).toEqual(new Set(['test_conv0_weight', 'test_conv0_bias', 'test_dense0_weight', 'test_dense0_bias']));
    expect(new Set(net.collect_params('.*weight').keys())).toEqual(new Set(['test_conv0_weight', 'test_dense0_weight']));
    expect(new Set(net.collect_params('test_conv0_bias|test_dense0_bias').keys())).toEqual(new Set(['test_conv0_bias', 'test_dense0_bias']));
  });

  it('test_deferred_init', () => {
    const x = mx.nd.ones([5, 4, 10, 10]);
    const layer = new nn.Conv2D(10, 2);
    layer.collect_params().initialize();
    const y = layer(x);
    expect(y.shape).toEqual([5, 10, 9, 9]);
    expect(layer.weight.shape).toEqual([10, 4, 2, 2]);
  });

  it('test_save_load_deduplicate_with_shared_params', () => {
    class B extends mx.gluon.Block {
      declare weight: mx.gluon.Parameter;
      constructor(params: mx.gluon.ParameterDict | null = null) {
        super({ params });
        this.name_scope(() => {
          this.weight = this.params.get('weight', { shape: [10, 10] });
        });
      }
    }
    class C extends mx.gluon.Block {
      declare b1: B;
      declare b2: B;
      constructor(b1: B, b2: B) {
        super();
        this.b1 = b1;
        this.b2 = b2;
      }
    }
    let b1 = new B();
    let b2 = new B(b1.collect_params());
    let c = new C(b1, b2);
    c.initialize();
    c.save_parameters(file('tmp.params'), true);
    let params = mx.nd.load(file('tmp.params')) as Map<string, mx.nd.NDArray>;
    expect(params.size).toBe(1);
    b1 = new B();
    b2 = new B(b1.collect_params());
    c = new C(b1, b2);
    c.load_parameters(file('tmp.params'));

    c.save_parameters(file('tmp2.params'), false);
    params = mx.nd.load(file('tmp2.params')) as Map<string, mx.nd.NDArray>;
    expect(params.size).toBe(2);
    b1 = new B();
    b2 = new B(b1.collect_params());
    c = new C(b1, b2);
    c.load_parameters(file('tmp2.params'));
  });

  it('test_fill_shape_load (Block part)', () => {
    const ctx = mx.context.current_context();
    const build = () => {
      const net = new nn.HybridSequential();
      net.name_scope(() => net.add(new nn.Conv2D(64, 2, { padding: 1 }), new nn.BatchNorm(), new nn.Dense(10)));
      net.hybridize();
      return net;
    };
    const net1 = build();
    net1.initialize({ ctx });
    net1(mx.nd.ones([2, 3, 5, 7], ctx));
    net1.save_parameters(file('net_fill.params'));
    const net2 = build();
    net2.initialize();
    net2.load_parameters(file('net_fill.params'), ctx);
    expect((net2[0] as mx.gluon.nn.Conv2D).weight.shape![1]).toBe(3);
    expect((net2[1] as mx.gluon.nn.BatchNorm).gamma.shape![0]).toBe(64);
    expect((net2[2] as mx.gluon.nn.Dense).weight.shape![1]).toBe(3072);
  });

  it('test_fill_shape_deferred', () => {
    const net = new nn.HybridSequential();
    net.name_scope(() => net.add(new nn.Conv2D(64, 2, { padding: 1 }), new nn.BatchNorm(), new nn.Dense(10)));
    net.hybridize();
    net.initialize();
    net(mx.nd.ones([2, 3, 5, 7]));
    expect((net[0] as mx.gluon.nn.Conv2D).weight.shape![1]).toBe(3);
    expect((net[1] as mx.gluon.nn.BatchNorm).gamma.shape![0]).toBe(64);
    expect((net[2] as mx.gluon.nn.Dense).weight.shape![1]).toBe(3072);
  });

  it('test_zero_grad (Embedding + autograd part; dense gradients only)', () => {
    for (const dtype of ['float16', 'float32', 'float64'] as const) {
      for (const embType of ['float32', 'float64'] as const) {
        const data = mx.nd.array([[0, 1, 2], [2, 1, 0], [1, 1, 1]], { dtype });
        const net = new nn.Embedding(3, 4, { prefix: 'test_zero_grad_', dtype: embType });
        net.initialize();
        mx.autograd.record(() => {
          const l = net(data);
          l.backward();
        });
        const grad = net.collect_params().__getitem__('test_zero_grad_weight').grad();
        expect([...grad.asnumpy()].some((v) => v !== 0)).toBe(true);
        net.collect_params().zero_grad();
        expect([...grad.asnumpy()].every((v) => v === 0)).toBe(true);
      }
    }
  });

  it('test_constant (HybridBlock + Trainer part)', () => {
    class Test extends mx.gluon.HybridBlock {
      declare value: number[][];
      declare const: mx.gluon.Constant;
      constructor() {
        super();
        this.value = [[1, 2], [3, 4]];
        this.const = this.params.get_constant('const', this.value);
      }
      override hybrid_forward(F: mx.gluon.F, x: mx.nd.NDArray, p: { const: mx.nd.NDArray }): mx.nd.NDArray {
        void F;
        return x.add(p.const);
      }
    }
    const test = new Test();
    test.initialize();
    const trainer = new mx.gluon.Trainer(test.collect_params(), 'sgd', { learning_rate: 1.0, momentum: 0.5 });
    let x!: mx.nd.NDArray;
    mx.autograd.record(() => {
      x = mx.nd.ones([2, 2]);
      x.attach_grad();
      const y = test(x);
      y.backward();
    });
    trainer.step(1);
    expect([...test.const.data().asnumpy()]).toEqual([1, 2, 3, 4]);
    expect([...x.grad!.asnumpy()]).toEqual([1, 1, 1, 1]);
  });

  it('test_parameter_str (on a Block)', () => {
    class N extends mx.gluon.Block {
      declare dense0: mx.gluon.nn.Dense;
      constructor(opts: mx.gluon.BlockOptions) {
        super(opts);
        this.name_scope(() => {
          this.dense0 = new nn.Dense(10, { in_units: 5, use_bias: false });
        });
      }
    }
    const lines = String(new N({ prefix: 'net1_' }).collect_params()).split('\n');
    expect(lines[0]).toBe('net1_ (');
    expect(lines[1]).toContain('net1_dense0_weight');
    expect(lines[1]).toContain('(10, 5)');
    expect(lines[1]).toContain('float32');
    expect(lines[2]).toBe(')');
  });

  it('test_block_attr_hidden / _block / _param / _regular', () => {
    const b = new mx.gluon.Block() as mx.gluon.Block & Record<string, unknown>;
    b.a = null;
    b.a = 1;
    b.b = new mx.gluon.Block();
    expect(() => {
      b.b = Object.freeze([2]);
    }).toThrow("Changing attribute type for b from <class 'mxnet.gluon.block.Block'> to <class 'tuple'>is not allowed.");
    const bp = new mx.gluon.Block() as mx.gluon.Block & Record<string, unknown>;
    bp.b = new mx.gluon.Parameter('p');
    expect(() => {
      bp.b = Object.freeze([2]);
    }).toThrow("Changing attribute type for b from <class 'mxnet.gluon.parameter.Parameter'> to <class 'tuple'>is not allowed.");
    const br = new mx.gluon.Block() as mx.gluon.Block & Record<string, unknown>;
    br.c = new mx.gluon.Block();
    const c2 = new mx.gluon.Block();
    br.c = c2;
    expect(br.c).toBe(c2);
    expect([...br._children.values()][0]).toBe(c2);
  });

  it('test_block_attr_list_of_block', () => {
    class Model1 extends mx.gluon.Block {
      declare layers: unknown;
      constructor() {
        super();
        this.name_scope(() => {
          this.layers = [0, 1, 2, 3, 4, 5].map((i) => new nn.Dense(i * 10 + 10));
        });
      }
    }
    class Model2 extends mx.gluon.Block {
      declare layers: unknown;
      constructor() {
        super();
        this.name_scope(() => {
          this.layers = { a: [new nn.Dense(10), new nn.Dense(10)] };
        });
      }
    }
    class Model3 extends mx.gluon.Block {
      declare layers: mx.gluon.nn.Sequential;
      constructor() {
        super();
        this.name_scope(() => {
          this.layers = new nn.Sequential();
          this.layers.add(...[0, 1, 2, 3, 4, 5].map((i) => new nn.Dense(i * 10 + 10)));
        });
      }
    }
    class Model4 extends mx.gluon.Block {
      declare data: unknown;
      constructor() {
        super();
        this.name_scope(() => {
          this.data = { a: '4', b: 123 };
        });
      }
    }
    const count = (M: new () => mx.gluon.Block) => mx.catch_warnings(() => new M().collect_params()).warnings.length;
    expect(count(Model1)).toBeGreaterThan(0);
    expect(count(Model2)).toBeGreaterThan(0);
    expect(count(Model3)).toBe(0);
    expect(count(Model4)).toBe(0);
    expect(mx.catch_warnings(() => new Model1().collect_params()).warnings[0]!.message).toBe(
      '"Model1.layers" is an unregistered container with Blocks. Note that Blocks inside the list, tuple or dict will not be registered automatically. ' +
        'Make sure to register them using register_child() or switching to nn.Sequential/nn.HybridSequential instead. ',
    );
  });

  it('test_sequential_warning', () => {
    const { warnings } = mx.catch_warnings(() => {
      const b = new nn.Sequential();
      b.add(new nn.Dense(20));
      b.hybridize();
    });
    expect(warnings.length).toBe(1);
  });
});
