/**
 * MXNet 1.9's built-in initializers: Zero, One, Constant, Uniform, Normal, Orthogonal, Xavier,
 * MSRAPrelu. Each constructor takes MXNet's arguments positionally or as one options object
 * with the same snake_case keys: `new Xavier('gaussian', 'in', 2)` or
 * `new Xavier({ rnd_type: 'gaussian', factor_type: 'in', magnitude: 2 })`.
 */
import { ValueError } from '@nncompat/core';
import { NDArray } from '../ndarray/ndarray.js';
import { Initializer, pyJson, type InitDesc } from './initializer.js';
import { normalInto, normalValues, uniformInto, uniformValues } from './random.js';
import { alias, register } from './registry.js';

/** Reads MXNet's arguments from positional values or a single options object, with defaults. */
function kw<T extends Record<string, unknown>>(names: (keyof T & string)[], defaults: T, args: unknown[]): T {
  const out = { ...defaults };
  const first = args[0];
  if (args.length === 1 && first !== null && typeof first === 'object' && !(first instanceof NDArray) && !Array.isArray(first)) {
    for (const [k, v] of Object.entries(first)) {
      if (!names.includes(k)) throw new TypeError(`__init__() got an unexpected keyword argument '${k}'`);
      if (v !== undefined) (out as Record<string, unknown>)[k] = v;
    }
    return out;
  }
  if (args.length > names.length) throw new TypeError(`__init__() takes at most ${names.length} arguments (${args.length} given)`);
  args.forEach((v, i) => {
    if (v !== undefined) (out as Record<string, unknown>)[names[i]!] = v;
  });
  return out;
}

/**
 * `mx.init.Zero()` (alias `'zeros'`): fills with 0.
 *
 * @example
 * ```ts
 * new mx.gluon.Parameter('b', { shape: [3], init: new mx.init.Zero() });
 * ```
 */
export class Zero extends Initializer {
  static readonly _argNames: readonly string[] = [];
  constructor() {
    super({});
  }
  override _init_weight(_: unknown, arr: NDArray): void {
    arr.__setitem__(':', 0);
  }
}

/** `mx.init.One()` (alias `'ones'`): fills with 1. */
export class One extends Initializer {
  static readonly _argNames: readonly string[] = [];
  constructor() {
    super({});
  }
  override _init_weight(_: unknown, arr: NDArray): void {
    arr.__setitem__(':', 1);
  }
}

/**
 * `mx.init.Constant(value)`: fills with a scalar, or copies an NDArray of the parameter's shape.
 *
 * @example
 * ```ts
 * new mx.init.Constant(0.5);
 * ```
 */
export class Constant extends Initializer {
  static readonly _argNames: readonly string[] = ['value'];
  readonly value: number | NDArray;
  constructor(value: number | NDArray | { value: number | NDArray }) {
    const a = kw(['value'], { value: undefined as unknown as number | NDArray }, [value]);
    if (a.value === undefined) throw new TypeError("__init__() missing 1 required positional argument: 'value'");
    super({ value: a.value });
    this.value = a.value;
  }
  override _init_weight(_: unknown, arr: NDArray): void {
    arr.__setitem__(':', this.value);
  }
  override dumps(): string {
    const v = this.value instanceof NDArray ? Array.from(this.value.astype('float64').asnumpy()) : this.value;
    return pyJson(['constant', { value: v }]);
  }
}

/**
 * `mx.init.Uniform(scale=0.07)`: samples from U(-scale, scale).
 *
 * @example
 * ```ts
 * new mx.init.Uniform(0.1);
 * ```
 */
export class Uniform extends Initializer {
  static readonly _argNames: readonly string[] = ['scale'];
  readonly scale: number;
  constructor(...args: [scale?: number] | [{ scale?: number }]) {
    const a = kw(['scale'], { scale: 0.07 }, args);
    super({ scale: a.scale });
    this.scale = a.scale;
  }
  override _init_weight(_: unknown, arr: NDArray): void {
    uniformInto(arr, -this.scale, this.scale);
  }
}

/** `mx.init.Normal(sigma=0.01)`: samples from N(0, sigma²). */
export class Normal extends Initializer {
  static readonly _argNames: readonly string[] = ['sigma'];
  readonly sigma: number;
  constructor(...args: [sigma?: number] | [{ sigma?: number }]) {
    const a = kw(['sigma'], { sigma: 0.01 }, args);
    super({ sigma: a.sigma });
    this.sigma = a.sigma;
  }
  override _init_weight(_: unknown, arr: NDArray): void {
    normalInto(arr, 0, this.sigma);
  }
}

/**
 * `mx.init.Orthogonal(scale=1.414, rand_type='uniform')`: an orthonormal (nout × prod(rest))
 * matrix times `scale`. MXNet takes U or V of NumPy's SVD of a random matrix; here the
 * orthonormal factor comes from Gram-Schmidt on the same random matrix's columns (or rows),
 * which spans the same space and is as orthogonal (not the same numbers).
 */
export class Orthogonal extends Initializer {
  static readonly _argNames: readonly string[] = ['scale', 'rand_type'];
  readonly scale: number;
  readonly rand_type: string;
  constructor(...args: [scale?: number, rand_type?: string] | [{ scale?: number; rand_type?: string }]) {
    const a = kw(['scale', 'rand_type'], { scale: 1.414, rand_type: 'uniform' }, args);
    super({ scale: a.scale, rand_type: a.rand_type });
    this.scale = a.scale;
    this.rand_type = a.rand_type;
  }
  override _init_weight(_: unknown, arr: NDArray): void {
    const nout = arr.shape[0]!;
    const nin = arr.shape.slice(1).reduce((p, d) => p * d, 1);
    let tmp: Float64Array;
    if (this.rand_type === 'uniform') tmp = uniformValues(nout * nin, -1.0, 1.0);
    else if (this.rand_type === 'normal') tmp = normalValues(nout * nin, 0.0, 1.0);
    else {
      const e = new Error("local variable 'tmp' referenced before assignment");
      e.name = 'UnboundLocalError';
      throw e;
    }
    const q = orthonormalRows(tmp, nout, nin);
    for (let i = 0; i < q.length; i++) q[i]! *= this.scale;
    arr.__setitem__(':', q);
  }
}

/**
 * An nout × nin matrix with orthonormal columns (nin ≤ nout) or rows (nout < nin), spanning the
 * same space as `m`'s, via modified Gram-Schmidt with re-orthogonalisation.
 */
function orthonormalRows(m: Float64Array, nout: number, nin: number): Float64Array {
  const byColumns = nin <= nout;
  const count = byColumns ? nin : nout; // vectors to orthonormalise
  const len = byColumns ? nout : nin; // their length
  const get = (v: number, k: number): number => (byColumns ? m[k * nin + v]! : m[v * nin + k]!);
  const vecs: Float64Array[] = [];
  for (let v = 0; v < count; v++) {
    const x = Float64Array.from({ length: len }, (_, k) => get(v, k));
    for (let pass = 0; pass < 2; pass++) {
      for (const q of vecs) {
        let dot = 0;
        for (let k = 0; k < len; k++) dot += q[k]! * x[k]!;
        for (let k = 0; k < len; k++) x[k]! -= dot * q[k]!;
      }
    }
    let norm = 0;
    for (let k = 0; k < len; k++) norm += x[k]! * x[k]!;
    norm = Math.sqrt(norm);
    // Continuous draws are rank-deficient with probability 0; say so rather than divide by ~0.
    if (norm < 1e-12) throw new ValueError('Orthogonal initializer drew a rank-deficient matrix');
    for (let k = 0; k < len; k++) x[k]! /= norm;
    vecs.push(x);
  }
  const out = new Float64Array(nout * nin);
  for (let v = 0; v < count; v++) {
    for (let k = 0; k < len; k++) {
      if (byColumns) out[k * nin + v] = vecs[v]![k]!;
      else out[v * nin + k] = vecs[v]![k]!;
    }
  }
  return out;
}

/**
 * `mx.init.Xavier(rnd_type='uniform', factor_type='avg', magnitude=3)`: scale
 * sqrt(magnitude / factor) from fan-in/fan-out; uniform in [-scale, scale] or N(0, scale²).
 *
 * @example
 * ```ts
 * new mx.init.Xavier({ rnd_type: 'gaussian', factor_type: 'in', magnitude: 2 });
 * ```
 */
export class Xavier extends Initializer {
  static readonly _argNames: readonly string[] = ['rnd_type', 'factor_type', 'magnitude'];
  readonly rnd_type: string;
  readonly factor_type: string;
  readonly magnitude: number;
  constructor(
    ...args: [rnd_type?: string, factor_type?: string, magnitude?: number] | [{ rnd_type?: string; factor_type?: string; magnitude?: number }]
  ) {
    const a = kw(['rnd_type', 'factor_type', 'magnitude'], { rnd_type: 'uniform', factor_type: 'avg', magnitude: 3 }, args);
    super({ rnd_type: a.rnd_type, factor_type: a.factor_type, magnitude: a.magnitude });
    this.rnd_type = a.rnd_type;
    this.factor_type = a.factor_type;
    this.magnitude = Number(a.magnitude);
  }
  override _init_weight(name: InitDesc | string, arr: NDArray): void {
    const shape = arr.shape;
    let hw_scale = 1;
    if (shape.length < 2) {
      throw new ValueError(`Xavier initializer cannot be applied to vector ${String(name)}. It requires at least 2D.`);
    }
    if (shape.length > 2) hw_scale = shape.slice(2).reduce((p, d) => p * d, 1);
    const fan_in = shape[1]! * hw_scale;
    const fan_out = shape[0]! * hw_scale;
    let factor: number;
    if (this.factor_type === 'avg') factor = (fan_in + fan_out) / 2.0;
    else if (this.factor_type === 'in') factor = fan_in;
    else if (this.factor_type === 'out') factor = fan_out;
    else throw new ValueError('Incorrect factor type');
    const scale = Math.sqrt(this.magnitude / factor);
    if (this.rnd_type === 'uniform') uniformInto(arr, -scale, scale);
    else if (this.rnd_type === 'gaussian') normalInto(arr, 0, scale);
    else throw new ValueError('Unknown random type');
  }
}

/** `mx.init.MSRAPrelu(factor_type='avg', slope=0.25)`: Gaussian Xavier with magnitude 2 / (1 + slope²). */
export class MSRAPrelu extends Xavier {
  static override readonly _argNames: readonly string[] = ['factor_type', 'slope'];
  constructor(...args: [factor_type?: string, slope?: number] | [{ factor_type?: string; slope?: number }]) {
    const a = kw(['factor_type', 'slope'], { factor_type: 'avg', slope: 0.25 }, args);
    super('gaussian', a.factor_type, 2 / (1 + a.slope ** 2));
    this._kwargs = { factor_type: a.factor_type, slope: a.slope };
  }
}

register(alias('zeros')(Zero));
register(alias('ones')(One));
register(Constant);
register(Uniform);
register(Normal);
register(Orthogonal);
register(Xavier);
register(MSRAPrelu);
