/**
 * Block / HybridBlock behaviour from python/mxnet/gluon/block.py (MXNet 1.9): naming, hooks,
 * hybridize, structural save/load and their error texts, cast, apply.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as mx from '../index.js';

const { nn } = mx.gluon;
const tmp = mkdtempSync(join(tmpdir(), 'gluon-behaviour-'));

class Model extends mx.gluon.Block {
  declare dense0: mx.gluon.nn.Dense;
  declare dense1: mx.gluon.nn.Dense;
  constructor(opts: mx.gluon.BlockOptions = {}) {
    super(opts);
    this.name_scope(() => {
      this.dense0 = new nn.Dense(4, { in_units: 3 });
      this.dense1 = new nn.Dense(2, { in_units: 4 });
    });
  }
  override forward(x: mx.nd.NDArray): mx.nd.NDArray {
    return mx.nd.relu(this.dense1(mx.nd.relu(this.dense0(x))));
  }
}

describe('naming', () => {
  it('gives top-level blocks counters per class and children their parent prefix', () => {
    new mx.name.NameManager().with(() => {
      const m = new Model();
      expect(m.prefix).toBe('model0_');
      expect(m.name).toBe('model0');
      expect(m.dense0.prefix).toBe('model0_dense0_');
      expect([...m.collect_params().keys()]).toEqual(['model0_dense0_weight', 'model0_dense0_bias', 'model0_dense1_weight', 'model0_dense1_bias']);
      expect(new Model().prefix).toBe('model1_');
      // prefix '' means no scope: children get top-level names.
      const empty = new Model({ prefix: '' });
      expect(empty.dense0.prefix).toBe('dense0_');
    });
  });

  it('prints attributes holding blocks, in assignment order', () => {
    expect(String(new Model({ prefix: 'm_' }))).toBe('Model(\n  (dense0): Dense(3 -> 4, linear)\n  (dense1): Dense(4 -> 2, linear)\n)');
  });

  it("refuses to override a Parameter attribute and HybridBlock's non-hybrid children", () => {
    const b = new mx.gluon.Block({ prefix: 'b_' }) as mx.gluon.Block & Record<string, unknown>;
    b.w = b.params.get('w', { shape: [1] });
    expect(() => {
      b.w = b.params.get('w2', { shape: [1] });
    }).toThrow("Overriding Parameter attribute w is not allowed. If you want to share parameters between blocks, please set 'params' at Block construction instead.");
    const h = new nn.HybridSequential();
    expect(() => h.add(new mx.gluon.Block({ prefix: 'blk_' }) as unknown as mx.gluon.HybridBlock)).toThrow(
      "Children of HybridBlock must also be HybridBlock, but Block(\n\n) has type <class 'mxnet.gluon.block.Block'>. If you are using Sequential, please try HybridSequential instead.",
    );
  });
});

describe('calls', () => {
  it('runs forward pre-hooks (before deferred init, as in MXNet\'s hooks guide) and forward hooks; detach removes them', () => {
    const block = new nn.Dense(10);
    block.initialize();
    const seen: string[] = [];
    const pre = block.register_forward_pre_hook((b) => seen.push(String(b)));
    const post = block.register_forward_hook((_b, input, output) => seen.push(`${(input[0] as mx.nd.NDArray).shape} -> ${(output as mx.nd.NDArray).shape}`));
    block(mx.nd.ones([3, 5]));
    expect(seen).toEqual(['Dense(None -> 10, linear)', '3,5 -> 3,10']);
    pre.detach();
    post.detach();
    block(mx.nd.ones([3, 5]));
    expect(seen.length).toBe(2);
  });

  it('hybridize keeps results and warns about hooks as MXNet does', () => {
    const net = new nn.HybridSequential();
    net.name_scope(() => net.add(new nn.Dense(3, { in_units: 2, activation: 'relu' }), new nn.Dense(1)));
    net.initialize();
    const x = mx.nd.array([[1, -2], [3, 4]]);
    const before = [...net(x).asnumpy()];
    net.hybridize();
    expect([...net(x).asnumpy()]).toEqual(before);
    const d = new nn.Dense(1, { prefix: 'h_' });
    d.register_forward_pre_hook(() => {});
    expect(mx.catch_warnings(() => d.hybridize()).warnings.map((w) => w.message)).toEqual([
      '"Dense(None -> 1, linear)" is being hybridized while still having forward hook/pre-hook. If "Dense(None -> 1, linear)" is a child of HybridBlock, the hooks will not take effect.',
    ]);
  });

  it('needs an NDArray input, and a custom HybridBlock with deferred parameters must infer their shapes', () => {
    const d = new nn.Dense(2, { in_units: 2 });
    d.initialize();
    expect(() => d(3 as unknown as mx.nd.NDArray)).toThrow('In HybridBlock, there must be one NDArray or one Symbol in the input. Please check the type of the args.\n');
    class Scale extends mx.gluon.HybridBlock {
      declare w: mx.gluon.Parameter;
      constructor() {
        super({ prefix: 'scale_' });
        this.w = this.params.get('w', { shape: [0], allow_deferred_init: true });
      }
      override hybrid_forward(F: mx.gluon.F, x: mx.nd.NDArray, p: { w: mx.nd.NDArray }) {
        void F;
        return x.mul(p.w);
      }
    }
    const s = new Scale();
    s.initialize();
    expect(() => s(mx.nd.ones([3]))).toThrow(/^Deferred initialization failed because shape cannot be inferred\. Scale cannot infer/);
    class Scale2 extends Scale {
      override infer_shape(x: mx.nd.NDArray) {
        this.w.shape = [x.shape[0]!];
      }
    }
    const s2 = new Scale2();
    s2.initialize(new mx.init.Constant(2));
    expect([...s2(mx.nd.ones([3])).asnumpy()]).toEqual([2, 2, 2]);
    // Block.forward is abstract: Python raises a bare NotImplementedError.
    let err: unknown = null;
    try {
      new mx.gluon.Block()(1 as never);
    } catch (e) {
      err = e;
    }
    expect((err as Error).name).toBe('NotImplementedError');
  });

  it('apply visits children first, then the block; cast changes every dtype (BatchNorm stays float32 for float16)', () => {
    const net = new nn.HybridSequential({ prefix: 'n_' });
    net.name_scope(() => net.add(new nn.Dense(2, { in_units: 2 }), new nn.BatchNorm({ in_channels: 2 })));
    const order: string[] = [];
    net.apply((b) => order.push(b.name));
    expect(order).toEqual(['n_dense0', 'n_batchnorm0', 'n']);
    net.initialize();
    net.cast('float16');
    expect(String((net[0] as mx.gluon.nn.Dense).weight.data().dtype)).toContain('float16');
    expect(String((net[1] as mx.gluon.nn.BatchNorm).gamma.data().dtype)).toContain('float32');
  });
});

describe('save_parameters / load_parameters', () => {
  it('uses structural names and loads them back', () => {
    const a = new Model({ prefix: 'a_' });
    a.initialize();
    const f = join(tmp, 'model.params');
    a.save_parameters(f);
    expect([...(mx.nd.load(f) as Map<string, unknown>).keys()]).toEqual(['dense0.weight', 'dense0.bias', 'dense1.weight', 'dense1.bias']);
    const b = new Model({ prefix: 'b_' });
    b.load_parameters(f);
    expect([...b.dense1.weight.data().asnumpy()]).toEqual([...a.dense1.weight.data().asnumpy()]);
    expect([...b.dense1.weight.list_ctx()].map(String)).toEqual(['cpu(0)']);
  });

  it("reports missing and extra parameters with MXNet's texts; allow_missing / ignore_extra", () => {
    const small = new mx.gluon.Block({ prefix: 's_' }) as mx.gluon.Block & Record<string, unknown>;
    small.name_scope(() => {
      small.dense0 = new nn.Dense(4, { in_units: 3 });
    });
    small.initialize();
    const f = join(tmp, 'small.params');
    small.save_parameters(f);
    expect(() => new Model({ prefix: 'm_' }).load_parameters(f)).toThrow(
      `Parameter 'dense1.weight' is missing in file '${f}', which contains parameters: 'dense0.weight', 'dense0.bias'. Set allow_missing=True to ignore missing parameters.`,
    );
    new Model({ prefix: 'm_' }).load_parameters(f, null, { allow_missing: true });
    const big = new Model({ prefix: 'g_' });
    big.initialize();
    const fb = join(tmp, 'big.params');
    big.save_parameters(fb);
    const s2 = new mx.gluon.Block({ prefix: 's2_' }) as mx.gluon.Block & Record<string, unknown>;
    s2.name_scope(() => {
      s2.dense0 = new nn.Dense(4, { in_units: 3 });
    });
    expect(() => s2.load_parameters(fb)).toThrow(
      `Parameter 'dense1.weight' loaded from file '${fb}' is not present in ParameterDict, which contains parameters . Set ignore_extra=True to ignore. `,
    );
    s2.load_parameters(fb, { ignore_extra: true });
    expect([...(s2.dense0 as mx.gluon.nn.Dense).weight.data().asnumpy()]).toEqual([...big.dense0.weight.data().asnumpy()]);
  });

  it('loads a ParameterDict.save file (names without dots) through the prefix', () => {
    const a = new Model({ prefix: 'net_' });
    a.initialize();
    const f = join(tmp, 'legacy.params');
    a.collect_params().save(f, 'net_');
    const b = new Model({ prefix: 'net_' });
    b.load_parameters(f);
    expect([...b.dense0.bias!.data().asnumpy()]).toEqual([...a.dense0.bias!.data().asnumpy()]);
  });

  it('Block.zero_grad clears every gradient', () => {
    const m = new Model({ prefix: 'z_' });
    m.initialize(new mx.init.One());
    mx.autograd.record(() => m(mx.nd.ones([1, 3])).sum()).backward();
    expect([...m.dense0.weight.grad().asnumpy()].some((v) => v !== 0)).toBe(true);
    m.zero_grad();
    expect([...m.dense0.weight.grad().asnumpy()].every((v) => v === 0)).toBe(true);
  });
});
