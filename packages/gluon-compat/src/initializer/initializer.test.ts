// Behaviour of python/mxnet/initializer.py (MXNet 1.9): dispatch, errors, distribution bounds.
// Random values come from core's generator, so only properties (bounds, moments, orthogonality)
// are compared, never MXNet's numbers.
import { describe, expect, it } from 'vitest';
import { AssertionError, ValueError } from '@nncompat/core';
import { zeros } from '../ndarray/creation.js';
import { InitDesc, Initializer } from './initializer.js';
import { Constant, MSRAPrelu, Normal, One, Orthogonal, Uniform, Xavier, Zero } from './initializers.js';
import { create } from './registry.js';

const values = (a: { astype(d: 'float64'): { asnumpy(): ArrayLike<number> } }): number[] => Array.from(a.astype('float64').asnumpy());

describe('Initializer name-suffix dispatch', () => {
  it('weight → _init_weight, bias/beta/min → 0, gamma/max → 1', () => {
    const init = new Constant(0.5);
    const run = (name: string): number[] => {
      const a = zeros([3]);
      init.__call__(new InitDesc(name), a);
      return values(a);
    };
    expect(run('fc_weight')).toEqual([0.5, 0.5, 0.5]);
    expect(run('fc_bias')).toEqual([0, 0, 0]);
    expect(run('bn_gamma')).toEqual([1, 1, 1]);
    expect(run('bn_beta')).toEqual([0, 0, 0]);
    expect(run('q_min')).toEqual([0, 0, 0]);
    expect(run('q_max')).toEqual([1, 1, 1]);
  });

  it("an explicit __init__ attribute wins over the suffix and calls that initializer's _init_weight", () => {
    const a = zeros([2]);
    new Uniform().__call__(new InitDesc('fc_bias', { __init__: 'ones' }), a);
    expect(values(a)).toEqual([1, 1]);
    const b = zeros([2]);
    new Uniform().__call__(new InitDesc('fc_bias', { __init__: new Constant(3) }), b);
    expect(values(b)).toEqual([3, 3]);
  });

  it('an unknown suffix raises MXNet\'s "Unknown initialization pattern" ValueError', () => {
    const f = (): void => new Uniform().__call__(new InitDesc('running_mean'), zeros([2]));
    expect(f).toThrow(ValueError);
    expect(f).toThrow(
      'Unknown initialization pattern for running_mean. Default initialization is now limited to "weight", "bias", "gamma" (1.0), and "beta" (0.0).Please use mx.sym.Variable(init=mx.init.*) to set initialization pattern',
    );
  });

  it('the base class needs _init_weight overridden', () => {
    expect(() => new Initializer().__call__(new InitDesc('w_weight'), zeros([1]))).toThrow('Must override it');
  });
});

describe('built-in initializers', () => {
  it('Zero / One / Constant', () => {
    const a = zeros([2, 2]);
    new One()._init_weight('x', a);
    expect(values(a)).toEqual([1, 1, 1, 1]);
    new Zero()._init_weight('x', a);
    expect(values(a)).toEqual([0, 0, 0, 0]);
  });

  it('Uniform(scale) stays in [-scale, scale) with mean ≈ 0', () => {
    const a = zeros([100, 100]);
    new Uniform(0.07)._init_weight('w', a);
    const v = values(a);
    expect(Math.max(...v)).toBeLessThan(0.07);
    expect(Math.min(...v)).toBeGreaterThanOrEqual(-0.07);
    expect(Math.abs(v.reduce((s, x) => s + x, 0) / v.length)).toBeLessThan(0.003);
  });

  it('Normal(sigma) has std ≈ sigma', () => {
    const a = zeros([200, 100]);
    new Normal(0.5)._init_weight('w', a);
    const v = values(a);
    const std = Math.sqrt(v.reduce((s, x) => s + x * x, 0) / v.length);
    expect(Math.abs(std - 0.5)).toBeLessThan(0.01);
  });

  it('Xavier: bound sqrt(magnitude / factor) for avg/in/out on a conv weight; errors of MXNet', () => {
    const shape = [16, 8, 3, 3];
    const hw = 9;
    for (const [factor_type, factor] of [['avg', (8 * hw + 16 * hw) / 2], ['in', 8 * hw], ['out', 16 * hw]] as const) {
      const a = zeros(shape);
      new Xavier({ factor_type, magnitude: 3 })._init_weight('w', a);
      const bound = Math.sqrt(3 / factor);
      const v = values(a);
      expect(Math.max(...v.map(Math.abs))).toBeLessThanOrEqual(bound);
      expect(Math.max(...v.map(Math.abs))).toBeGreaterThan(bound * 0.95);
    }
    expect(() => new Xavier()._init_weight(new InitDesc('fc_bias'), zeros([4]))).toThrow(
      'Xavier initializer cannot be applied to vector fc_bias. It requires at least 2D.',
    );
    expect(() => new Xavier('uniform', 'bad')._init_weight('w', zeros([2, 2]))).toThrow('Incorrect factor type');
    expect(() => new Xavier('bad')._init_weight('w', zeros([2, 2]))).toThrow('Unknown random type');
  });

  it('MSRAPrelu is gaussian Xavier with magnitude 2/(1+slope²) and dumps its own kwargs', () => {
    const m = new MSRAPrelu('in', 0.25);
    expect(m.rnd_type).toBe('gaussian');
    expect(m.magnitude).toBeCloseTo(2 / 1.0625, 12);
    expect(m.dumps()).toBe('["msraprelu", {"factor_type": "in", "slope": 0.25}]');
    expect(new Xavier({ factor_type: 'in', magnitude: 2.34 }).dumps()).toBe('["xavier", {"rnd_type": "uniform", "factor_type": "in", "magnitude": 2.34}]');
    expect(new Normal(0.5).dumps()).toBe('["normal", {"sigma": 0.5}]');
  });

  it('Orthogonal: rows (or columns) orthonormal times scale', () => {
    for (const shape of [[4, 10], [10, 4], [3, 2, 2]]) {
      const a = zeros(shape);
      new Orthogonal(1.5)._init_weight('w', a);
      const nout = shape[0]!, nin = a.size / nout;
      const v = values(a);
      const small = Math.min(nout, nin);
      for (let i = 0; i < small; i++) {
        for (let j = 0; j < small; j++) {
          let dot = 0;
          for (let k = 0; k < Math.max(nout, nin); k++) {
            dot += nin <= nout ? v[k * nin + i]! * v[k * nin + j]! : v[i * nin + k]! * v[j * nin + k]!;
          }
          expect(dot).toBeCloseTo(i === j ? 2.25 : 0, 5);
        }
      }
    }
  });

  it('create(): instances pass through, names (and aliases) build, unknown names fail', () => {
    const u = new Uniform(0.1);
    expect(create(u)).toBe(u);
    expect(create('xavier')).toBeInstanceOf(Xavier);
    expect(create('Zeros')).toBeInstanceOf(Zero);
    expect(create('ones')).toBeInstanceOf(One);
    expect((create('["normal", {"sigma": 0.5}]') as Normal).sigma).toBe(0.5);
    expect(() => create('nope')).toThrow(AssertionError);
    expect(() => create('nope')).toThrow('nope is not registered. Please register with initializer.register first');
    expect(new Uniform(0.1).__eq__(new Uniform(0.1))).toBe(true);
    expect(new Uniform(0.1).__eq__(new Uniform(0.2))).toBe(false);
  });
});
