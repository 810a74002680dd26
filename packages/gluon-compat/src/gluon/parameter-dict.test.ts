// Ported from MXNet 1.9 tests/python/unittest/test_gluon.py (test_parameter_dict without its
// row_sparse/Trainer lines, test_parameter_str and test_fill_shape_load without Blocks,
// test_zero_grad's ParameterDict part) plus python/mxnet/gluon/parameter.py's error texts.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AssertionError, KeyError, ValueError } from '@nncompat/core';
import { cpu } from '../context/context.js';
import { One, Uniform, Xavier } from '../initializer/initializers.js';
import { array, zeros } from '../ndarray/creation.js';
import { numpy } from '../ndarray/dtype.js';
import { load } from '../ndarray/io.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { catch_warnings } from '../util/warnings.js';
import { Constant } from './constant.js';
import { ParameterDict } from './parameter-dict.js';

const dir = mkdtempSync(join(tmpdir(), 'pd-'));
const file = (n: string): string => join(dir, n);
const vals = (a: NDArray): number[] => Array.from(a.astype('float64').asnumpy());

describe('test_gluon.py::test_parameter_dict (dense parts)', () => {
  it('names, save/load round trip, reset_ctx/list_ctx', () => {
    const ctx = cpu(1);
    const params0 = new ParameterDict('net_');
    params0.get('w0', { shape: [10, 10] });
    params0.get('w1', { shape: [10, 10] });
    expect([...params0.keys()]).toEqual(['net_w0', 'net_w1']);
    params0.initialize({ ctx });
    const prev_w0 = params0.get('w0').data(ctx);
    const prev_w1 = params0.get('w1').data(ctx);
    params0.save(file('test_parameter_dict.params'));

    const params1 = new ParameterDict('net_');
    params1.get('w0', { shape: [10, 10] });
    params1.get('w1', { shape: [10, 10] });
    params1.load(file('test_parameter_dict.params'), ctx);
    expect(vals(params1.get('w0').data(ctx))).toEqual(vals(prev_w0));
    expect(vals(params1.get('w1').data(ctx))).toEqual(vals(prev_w1));

    const params3 = new ParameterDict('net_');
    params3.get('w0', { shape: [10, 10] });
    params3.get('w1', { shape: [10, 10] });
    params3.initialize({ ctx });
    const list_contexts = [cpu(42), cpu(24)];
    params3.reset_ctx(list_contexts);
    for (const p of params3.values()) expect(new Set(p.list_ctx())).toEqual(new Set(list_contexts));
    expect(new Set(params3.list_ctx())).toEqual(new Set(list_contexts));
  });

  it('dtype casting on load (cast_dtype with dtype_source current / saved)', () => {
    const ctx = cpu(1);
    const params0 = new ParameterDict('');
    params0.get('w0', { shape: [10, 10], dtype: 'float32' });
    params0.get('w1', { shape: [10, 10], dtype: 'int8' });
    params0.initialize(new One(), ctx);
    params0.save(file('cast.params'));

    const params1 = new ParameterDict('');
    params1.get('w0', { shape: [10, 10], dtype: 'float16' });
    params1.get('w1', { shape: [10, 10], dtype: 'float64' });
    params1.load(file('cast.params'), { cast_dtype: true, dtype_source: 'current' });
    expect(params1.__getitem__('w0').data().dtype).toBe(numpy.float16);
    expect(params1.__getitem__('w1').data().dtype).toBe(numpy.float64);
    params1.load(file('cast.params'), { cast_dtype: true, dtype_source: 'saved' });
    expect(params1.__getitem__('w0').data().dtype).toBe(numpy.float32);
    expect(params1.__getitem__('w1').data().dtype).toBe(numpy.int8);

    const strict = new ParameterDict('');
    strict.get('w0', { shape: [10, 10], dtype: 'float16' });
    strict.get('w1', { shape: [10, 10], dtype: 'int8' });
    expect(() => strict.load(file('cast.params'))).toThrow(
      "Failed loading Parameter 'w0' from saved params: dtype incompatible expected float16 vs saved <class 'numpy.float32'>. Set cast_dtype=True to cast the dtype of saved params.",
    );
  });
});

describe('test_gluon.py::test_parameter_str (the dict Dense(10, in_units=5, use_bias=False) builds)', () => {
  it("repr is 'prefix (' + indented parameters + ')'", () => {
    const params = new ParameterDict('net1_');
    params.get('dense0_weight', { shape: [10, 5], dtype: 'float32', allow_deferred_init: true });
    const lines = String(params).split('\n');
    expect(lines[0]).toBe('net1_ (');
    expect(lines[1]).toContain('net1_dense0_weight');
    expect(lines[1]).toContain('(10, 5)');
    expect(lines[1]).toContain('float32');
    expect(lines[2]).toBe(')');
    expect(lines[1]).toBe('  Parameter net1_dense0_weight (shape=(10, 5), dtype=float32)');
    expect(String(new ParameterDict())).toBe('(\n\n)');
  });
});

describe('test_gluon.py::test_fill_shape_load (unknown dims filled from the file)', () => {
  it('0 dims take the saved shape; known dims must match', () => {
    const src = new ParameterDict('net_');
    src.get('conv0_weight', { shape: [64, 3, 2, 2] });
    src.get('dense0_weight', { shape: [10, 3072] });
    src.initialize({ init: new Xavier() });
    src.save(file('net_fill.params'));

    const dst = new ParameterDict('net_');
    dst.get('conv0_weight', { shape: [64, 0, 2, 2], allow_deferred_init: true });
    dst.get('dense0_weight', { shape: [10, 0], allow_deferred_init: true });
    dst.initialize();
    dst.load(file('net_fill.params'), cpu());
    expect(dst.__getitem__('net_conv0_weight').shape![1]).toBe(3);
    expect(dst.__getitem__('net_dense0_weight').shape![1]).toBe(3072);
    expect(vals(dst.__getitem__('net_dense0_weight').data())).toEqual(vals(src.__getitem__('net_dense0_weight').data()));

    const bad = new ParameterDict('net_');
    bad.get('conv0_weight', { shape: [32, 0, 2, 2] });
    bad.get('dense0_weight', { shape: [10, 0] });
    expect(() => bad.load(file('net_fill.params'))).toThrow(
      "Failed loading Parameter 'net_conv0_weight' from saved params: shape incompatible expected (32, 0, 2, 2) vs saved (64, 3, 2, 2)",
    );
  });
});

describe('test_gluon.py::test_zero_grad (ParameterDict.zero_grad; the Embedding part needs gluon.nn)', () => {
  it('zeroes every gradient of every context, skipping grad_req null', () => {
    const params = new ParameterDict('test_zero_grad_');
    for (const dtype of ['float16', 'float32', 'float64'] as const) params.get(`w_${dtype}`, { shape: [3, 4], dtype });
    params.get('frozen', { shape: [2], grad_req: 'null', init: 'zeros' });
    params.initialize({ ctx: [cpu(0), cpu(1)] });
    for (const p of params.values()) if (p.grad_req !== 'null') for (const g of p.list_grad()) g.__setitem__(':', 1.5);
    params.zero_grad();
    for (const p of params.values()) if (p.grad_req !== 'null') for (const g of p.list_grad()) expect(vals(g).every((x) => x === 0)).toBe(true);
  });
});

describe('ParameterDict.get / get_constant / update / setattr', () => {
  it('get: prefix, shared lookup, attribute merge and mismatch', () => {
    const shared = new ParameterDict('net_');
    const w = shared.get('w', { shape: [10, 0], allow_deferred_init: true });
    const d = new ParameterDict('net_', shared);
    expect(d.get('w')).toBe(w);
    expect(d.get('w', { shape: [0, 5] }).shape).toEqual([10, 5]);
    expect(d.get('w', { dtype: numpy.float32 })).toBe(w);
    expect(() => d.get('w', { shape: [11, 5] })).toThrow(AssertionError);
    expect(() => d.get('w', { shape: [11, 5] })).toThrow(
      "Cannot retrieve Parameter 'net_w' because desired attribute does not match with stored for attribute 'shape': desired '(11, 5)' vs stored '(10, 5)'.",
    );
    expect(() => d.get('w', { lr_mult: 2 })).toThrow("for attribute 'lr_mult': desired '2' vs stored '1'.");
    d.get('w', { init: new Uniform(0.1) });
    expect(d.get('w', { init: new Uniform(0.1) })).toBe(w);
    expect(() => d.get('w', { dtype: 'float16' })).toThrow("for attribute 'dtype': desired 'float16' vs stored '<class 'numpy.float32'>'.");
  });

  it('get_constant', () => {
    const d = new ParameterDict('net_');
    expect(() => d.get_constant('c')).toThrow(KeyError);
    expect(() => d.get_constant('c')).toThrow("No constant named 'net_c'. Please specify value if you want to create a new constant.");
    const c = d.get_constant('c', [[1, 2], [3, 4]]);
    expect(c).toBeInstanceOf(Constant);
    expect(d.get_constant('c', [[1, 2], [3, 4]])).toBe(c);
    expect(d.get_constant('c')).toBe(c);
    expect(() => d.get_constant('c', [[1, 2], [3, 5]])).toThrow("Constant 'net_c' already exists but it's value doesn't match new value");
    d.get('p', { shape: [1] });
    expect(() => d.get_constant('p', [1])).toThrow("Parameter 'net_p' already exists but it is not a constant.");
  });

  it('update: conflict error; setattr', () => {
    const a = new ParameterDict('a_');
    const b = new ParameterDict('a_');
    a.get('w', { shape: [1] });
    b.get('v', { shape: [1] });
    a.update(b);
    expect([...a.keys()]).toEqual(['a_w', 'a_v']);
    const c = new ParameterDict('a_');
    c.get('w', { shape: [1] });
    expect(() => a.update(c)).toThrow("Cannot update self with other because they have different Parameters with the same name 'a_w'");
    a.setattr('lr_mult', 0.5);
    a.setattr('grad_req', 'null');
    for (const p of a.values()) expect([p.lr_mult, p.grad_req]).toEqual([0.5, 'null']);
    expect(() => a.__getitem__('nope')).toThrow(KeyError);
  });

  it('initialize: a parameter\'s own init wins; verbose; re-init warning', () => {
    const d = new ParameterDict('');
    d.get('own', { shape: [3], init: 'ones' });
    d.get('glob_weight', { shape: [3] });
    d.initialize({ init: new Uniform(0.001) });
    expect(vals(d.__getitem__('own').data())).toEqual([1, 1, 1]);
    expect(vals(d.__getitem__('glob_weight').data()).every((x) => Math.abs(x) < 0.001)).toBe(true);
    const { warnings } = catch_warnings(() => d.initialize());
    expect(warnings.length).toBe(2);
  });
});

describe('ParameterDict.save / load / load_dict', () => {
  it('strip_prefix, restore_prefix, arg:/aux: prefixes, allow_missing, ignore_extra', () => {
    const d = new ParameterDict('net_');
    d.get('w', { shape: [2], init: 'ones' });
    d.get('b', { shape: [2], init: 'zeros' });
    d.initialize();
    d.save(file('strip.params'), 'net_');
    expect([...(load(file('strip.params')) as Map<string, NDArray>).keys()]).toEqual(['w', 'b']);
    expect(() => d.save(file('x.params'), 'other_')).toThrow(ValueError);
    expect(() => d.save(file('x.params'), 'other_')).toThrow("Prefix 'other_' is to be striped before saving, but Parameter's name 'net_w' does not start with 'other_'.");

    const e = new ParameterDict('net_');
    e.get('w', { shape: [2] });
    e.get('b', { shape: [2] });
    e.load(file('strip.params'), { restore_prefix: 'net_' });
    expect(vals(e.__getitem__('net_w').data())).toEqual([1, 1]);
    expect(() => e.load(file('strip.params'), { restore_prefix: 'x_' })).toThrow(
      "restore_prefix is 'x_' but Parameters name 'net_w' does not start with 'x_'.",
    );

    const f = new ParameterDict('');
    f.get('w', { shape: [2] });
    f.get('extra', { shape: [2] });
    f.load_dict(new Map([['arg:w', array([3, 4])], ['aux:b', zeros([2])]]), { ignore_extra: true, allow_missing: true });
    expect(vals(f.__getitem__('w').data())).toEqual([3, 4]);
    expect(() => f.load_dict(new Map([['arg:w', array([3, 4])]]))).toThrow(
      "Parameter 'extra' is missing in param_dict, which contains parameters: 'w'. Please make sure source and target networks have the same prefix.For more info on naming",
    );
    expect(() => f.load(file('strip.params'), { allow_missing: true })).toThrow(
      `Parameter 'b' loaded from file: ${file('strip.params')} is not present in ParameterDict, choices are: 'w', 'extra'. Set ignore_extra to True to ignore.`,
    );
  });

  it('load onto a different context set than the initialised one fails', () => {
    const d = new ParameterDict('');
    d.get('w', { shape: [2] });
    d.initialize({ ctx: cpu(0) });
    d.save(file('ctx.params'));
    expect(() => d.load(file('ctx.params'), cpu(3))).toThrow("Failed to load Parameter 'w' on [cpu(3)] because it was previous initialized on [cpu(0)].");
    d.load(file('ctx.params'), cpu(0));
  });

  it('save averages copies across contexts (MXNet _reduce)', () => {
    const d = new ParameterDict('');
    const p = d.get('w', { shape: [2] });
    d.initialize({ ctx: [cpu(0), cpu(1)] });
    p.data(cpu(0)).__setitem__(':', [1, 2]);
    p.data(cpu(1)).__setitem__(':', [3, 5]);
    d.save(file('avg.params'));
    expect(vals((load(file('avg.params')) as Map<string, NDArray>).get('w')!)).toEqual([2, 3.5]);
  });
});
