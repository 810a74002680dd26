// Ported from MXNet 1.9 tests/python/unittest/test_gluon.py (test_parameter, the dense half of
// test_parameter_invalid_access, test_constant's Parameter part) plus the error texts of
// python/mxnet/gluon/parameter.py.
import { describe, expect, it } from 'vitest';
import { AssertionError, RuntimeError, ValueError } from '@nncompat/core';
import { cpu, gpu } from '../context/context.js';
import { One, Xavier, Zero } from '../initializer/initializers.js';
import { array, zeros } from '../ndarray/creation.js';
import { numpy } from '../ndarray/dtype.js';
import { catch_warnings } from '../util/warnings.js';
import { Constant } from './constant.js';
import { DeferredInitializationError } from './errors.js';
import { Parameter } from './parameter.js';

describe('test_gluon.py::test_parameter', () => {
  it('per-context copies, grads, reset_ctx', () => {
    const p = new Parameter('weight', { shape: [10, 10] });
    p.initialize({ init: 'xavier', ctx: [cpu(0), cpu(1)] });
    expect(p.list_data().length).toBe(2);
    expect(p.list_grad().length).toBe(2);
    expect(p.data(cpu(1)).context).toBe(cpu(1));
    expect(p.data(cpu(0)).shape).toEqual([10, 10]);
    // p.var() is the Symbol API, not provided.
    expect(p.grad(cpu(0)).stype).toBe('default');
    expect(p.data(cpu(0)).stype).toBe('default');
    // Copies are equal at initialisation.
    expect(Array.from(p.data(cpu(0)).asnumpy())).toEqual(Array.from(p.data(cpu(1)).asnumpy()));
    p.reset_ctx([cpu(1), cpu(2)]);
    expect(p.list_ctx()).toEqual([cpu(1), cpu(2)]);
  });
});

describe('test_gluon.py::test_parameter_invalid_access (dense parameters)', () => {
  it('row_sparse_data on a dense parameter is a RuntimeError', () => {
    const p1 = new Parameter('weight', { shape: [10, 10] });
    p1.initialize({ init: 'xavier', ctx: [cpu(0), cpu(1)] });
    const row_id = array([0, 1, 2]);
    expect(() => p1.row_sparse_data(row_id)).toThrow(RuntimeError);
    expect(() => p1.list_row_sparse_data(row_id)).toThrow(RuntimeError);
    expect(() => p1.row_sparse_data(row_id)).toThrow(
      'Cannot return a copy of Parameter weight via row_sparse_data() because its storage type is default. Please use data() instead.',
    );
  });
  it('data() on a row_sparse parameter is a RuntimeError', () => {
    const p0 = new Parameter('weight', { shape: [10, 10], stype: 'row_sparse', grad_stype: 'row_sparse' });
    p0.initialize({ init: 'xavier', ctx: [cpu(0), cpu(1)] });
    expect(() => p0.data()).toThrow(RuntimeError);
    expect(() => p0.list_data()).toThrow(RuntimeError);
  });
});

describe('Parameter behaviour and MXNet 1.9 error texts', () => {
  it('repr shows the dtype as given (NumPy type by default, string when a string was given)', () => {
    expect(String(new Parameter('w', { shape: [10, 5] }))).toBe("Parameter w (shape=(10, 5), dtype=<class 'numpy.float32'>)");
    expect(String(new Parameter('b', { shape: 3, dtype: 'float32' }))).toBe('Parameter b (shape=(3,), dtype=float32)');
    expect(String(new Parameter('x'))).toBe("Parameter x (shape=None, dtype=<class 'numpy.float32'>)");
  });

  it('grad_req validation, and "null" drops gradients', () => {
    expect(() => new Parameter('w', { grad_req: 'sum' as never })).toThrow(AssertionError);
    expect(() => new Parameter('w', { grad_req: 'sum' as never })).toThrow("grad_req must be one of 'write', 'add', or 'null', but got 'sum'");
    const p = new Parameter('w', { shape: [2] });
    p.initialize();
    p.grad_req = 'null';
    expect(() => p.grad()).toThrow("Cannot get gradient array for Parameter 'w' because grad_req='null'");
    p.grad_req = 'add';
    expect(p.grad().shape).toEqual([2]);
    expect(new Parameter('nd', { differentiable: false }).grad_req).toBe('null');
    expect(() => new Parameter('s', { stype: 'dense' as never })).toThrow("stype for Parameter 's' must be one of 'default', 'row_sparse', or 'csr', but got 'dense'");
  });

  it('not initialised / wrong context / invalid shape', () => {
    const p = new Parameter('w', { shape: [2, 2] });
    expect(() => p.data()).toThrow(RuntimeError);
    expect(() => p.data()).toThrow(
      "Parameter 'w' has not been initialized. Note that you should initialize parameters and create Trainer with Block.collect_params() instead of Block.params because the later does not include Parameters of nested child Blocks",
    );
    expect(() => p.list_ctx()).toThrow("Parameter 'w' has not been initialized");
    p.initialize({ ctx: [cpu(0), cpu(1)] });
    expect(() => p.data(gpu(0))).toThrow("Parameter 'w' was not initialized on context gpu(0). It was only initialized on [cpu(0), cpu(1)].");
    // Two copies and no ctx: the current context, cpu(0), is used.
    expect(p.data()).toBe(p.list_data()[0]);
    expect(() => new Parameter('u', { shape: [2, 0] }).initialize()).toThrow(ValueError);
    expect(() => new Parameter('u', { shape: [2, 0] }).initialize()).toThrow("Cannot initialize Parameter 'u' because it has invalid shape: (2, 0).");
    expect(() => new Parameter('r').reset_ctx(cpu())).toThrow("Cannot reset context for Parameter 'r' because it has not been initialized.");
  });

  it('already-initialised warning, force_reinit', () => {
    const p = new Parameter('w', { shape: [2], init: new One() });
    p.initialize();
    const { warnings } = catch_warnings(() => p.initialize({ init: new Zero() }));
    expect(warnings.map((w) => w.message)).toEqual(["Parameter 'w' is already initialized, ignoring. Set force_reinit=True to re-initialize."]);
    expect(Array.from(p.data().asnumpy())).toEqual([1, 1]);
    p.initialize({ init: new Zero(), force_reinit: true });
    expect(Array.from(p.data().asnumpy())).toEqual([0, 0]);
  });

  it('deferred initialisation: DeferredInitializationError until the shape is known, set_data feeds it', () => {
    const p = new Parameter('fc_weight', { shape: [4, 0], allow_deferred_init: true, init: new One() });
    p.initialize({ ctx: [cpu(0), cpu(1)] });
    expect(() => p.data()).toThrow(DeferredInitializationError);
    expect(() => p.data()).toThrow(
      "Parameter 'fc_weight' has not been initialized yet because initialization was deferred. Actual initialization happens during the first forward pass. Please pass one batch of data through the network before accessing Parameters. You can also avoid deferred initialization by specifying in_units, num_features, etc., for network layers.",
    );
    expect(p.list_ctx()).toEqual([cpu(0), cpu(1)]);
    // The first forward pass fills the unknown dim, then finishes the init.
    p.shape = [4, 3];
    p._finish_deferred_init();
    expect(p.data(cpu(1)).shape).toEqual([4, 3]);
    expect(Array.from(p.data(cpu(1)).asnumpy())).toEqual(new Array(12).fill(1));
    expect(() => {
      p.shape = [4, 5];
    }).toThrow('Expected shape (4, 5) is incompatible with given shape (4, 3).');

    const q = new Parameter('q_weight', { shape: [0], allow_deferred_init: true });
    q.initialize();
    q.set_data(array([1, 2, 3]));
    q._finish_deferred_init();
    expect(Array.from(q.data().asnumpy())).toEqual([1, 2, 3]);
    expect(() => new Parameter('z', { shape: [2] }).set_data(zeros([2]))).toThrow("Parameter 'z' has not been initialized");
  });

  it('set_data writes every copy; zero_grad; cast changes data and grads', () => {
    const p = new Parameter('w', { shape: [2] });
    p.initialize({ ctx: [cpu(0), cpu(1)] });
    p.set_data(array([5, 6]));
    expect(p.list_data().map((d) => Array.from(d.asnumpy()))).toEqual([[5, 6], [5, 6]]);
    p.grad(cpu(1)).__setitem__(':', 3);
    p.zero_grad();
    expect(Array.from(p.grad(cpu(1)).asnumpy())).toEqual([0, 0]);
    p.cast('float16');
    expect(p.dtype).toBe('float16');
    expect(p.data(cpu(0)).dtype).toBe(numpy.float16);
    expect(p.grad(cpu(0)).dtype).toBe(numpy.float16);
    p.dtype = numpy.float64;
    expect(p.data(cpu(1)).dtype).toBe(numpy.float64);
  });

  it('init (own or default) is applied as a weight whatever the name (Xavier on a vector fails)', () => {
    const b = new Parameter('fc_bias', { shape: [4], init: new Xavier() });
    expect(() => b.initialize()).toThrow('Xavier initializer cannot be applied to vector fc_bias. It requires at least 2D.');
    // Parameter.initialize always names an __init__ (its own init or default_init), so the
    // suffix rules (and "Unknown initialization pattern") never apply here: any name gets the
    // default Uniform(0.07) weight fill, as in MXNet.
    const unknown = new Parameter('running_mean', { shape: [50] });
    unknown.initialize();
    const v = Array.from(unknown.data().asnumpy());
    expect(v.every((x) => x >= -0.07 && x < 0.07) && v.some((x) => x !== 0)).toBe(true);
  });
});

describe('test_gluon.py::test_constant (Parameter part; the HybridBlock/Trainer part needs Block)', () => {
  it('holds its value, grad_req is always null and setting it warns', () => {
    const value = [[1, 2], [3, 4]];
    const c = new Constant('const', value);
    c.initialize();
    expect(Array.from(c.data().asnumpy())).toEqual([1, 2, 3, 4]);
    expect(c.grad_req).toBe('null');
    const { warnings } = catch_warnings(() => {
      c.grad_req = 'write';
    });
    expect(warnings[0]!.message).toBe('Constant parameter "const" does not support grad_req other than "null", and new value "write" is ignored.');
    expect(c.grad_req).toBe('null');
    expect(String(c)).toBe("Constant const (shape=(2, 2), dtype=<class 'numpy.float32'>)");
    expect(() => c.grad()).toThrow("Cannot get gradient array for Parameter 'const' because grad_req='null'");
  });
});
