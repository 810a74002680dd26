/**
 * `mx.init.Initializer` and `InitDesc` (python/mxnet/initializer.py, MXNet 1.9): an initializer
 * fills an NDArray, dispatching on the parameter name's suffix (weight, bias, gamma, beta, min,
 * max, weight_quantize, bias_quantize) unless the descriptor names an explicit `__init__`.
 */
import { NotImplementedError, ValueError } from '@nncompat/core';
import type { NDArray } from '../ndarray/ndarray.js';
import { numbersToHost } from '../ndarray/host.js';
import { randintValues } from './random.js';
import { create, type InitializerSpec } from './registry.js';

/**
 * `mx.init.InitDesc(name, attrs=None, global_init=None)`: a parameter name plus attributes; an
 * `__init__` attribute names the initializer that must be used for it.
 *
 * @example
 * ```ts
 * new mx.init.InitDesc('fc_weight', { __init__: 'zeros' });
 * ```
 */
export class InitDesc {
  attrs: Record<string, InitializerSpec | null | undefined>;
  global_init: Initializer | null;
  constructor(readonly name: string, attrs: Record<string, InitializerSpec | null | undefined> | null = null, global_init: Initializer | null = null) {
    this.attrs = attrs ?? {};
    this.global_init = global_init;
  }
  /** `str.endswith`. */
  endsWith(suffix: string): boolean {
    return this.name.endsWith(suffix);
  }
  toString(): string {
    return this.name;
  }
}

/** Formats Python's `json.dumps` output for flat kwargs (`{"sigma": 0.5}` with its spacing). */
export function pyJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(pyJson).join(', ')}]`;
  if (v !== null && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${pyJson(x)}`).join(', ')}}`;
  return JSON.stringify(v);
}

/**
 * The base class of initializers. Subclasses override `_init_weight` (and any other `_init_*`).
 *
 * @example
 * ```ts
 * const arr = mx.nd.zeros([2, 3]);
 * new mx.init.Uniform(0.1).__call__(new mx.init.InitDesc('fc_weight'), arr);
 * ```
 */
export class Initializer {
  /** @internal Constructor keyword arguments, in MXNet's order (what `dumps` prints). */
  _kwargs: Record<string, unknown>;
  /** @internal */ _verbose = false;
  /** @internal */ _print_func: ((arr: NDArray) => string) | null = null;

  constructor(kwargs: Record<string, unknown> = {}) {
    this._kwargs = kwargs;
  }

  /** `set_verbosity(verbose=False, print_func=None)`: log each initialised array (via `console.info`). */
  set_verbosity(verbose = false, print_func: ((arr: NDArray) => string) | null = null): this {
    this._verbose = verbose;
    this._print_func = print_func ?? ((x: NDArray) => {
      const v = x.astype('float64').asnumpy();
      let s = 0;
      for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
      return String(Math.sqrt(s) / Math.sqrt(x.size));
    });
    return this;
  }

  /** @internal */
  _verbose_print(desc: InitDesc | string, init: string, arr: NDArray): void {
    if (this._verbose && this._print_func) console.info(`Initialized ${String(desc)} as ${init}: ${this._print_func(arr)}`);
  }

  /** `dumps()`: `'["normal", {"sigma": 0.5}]'`. */
  dumps(): string {
    return pyJson([this.constructor.name.toLowerCase(), this._kwargs]);
  }

  /**
   * `init(desc, arr)`: fills `arr`. An `InitDesc` with an `__init__` attribute delegates to that
   * initializer's `_init_weight`; otherwise the name's suffix picks the method. A plain string
   * takes MXNet's legacy path (deprecated there too).
   */
  __call__(desc: InitDesc | string, arr: NDArray): void {
    if (!(desc instanceof InitDesc)) {
      this._legacy_init(desc, arr);
      return;
    }
    if (desc.global_init === null) desc.global_init = this;
    const init = desc.attrs['__init__'];
    if (init) {
      create(init)._init_weight(desc, arr);
      this._verbose_print(desc, String(init), arr);
      return;
    }
    const table: [string, (d: InitDesc, a: NDArray) => void][] = [
      ['weight', (d, a) => this._init_weight(d, a)],
      ['bias', (d, a) => this._init_bias(d, a)],
      ['gamma', (d, a) => this._init_gamma(d, a)],
      ['beta', (d, a) => this._init_beta(d, a)],
      ['min', (d, a) => this._init_zero(d, a)],
      ['max', (d, a) => this._init_one(d, a)],
      ['weight_quantize', (d, a) => this._init_quantized_weight(d, a)],
      ['bias_quantize', (d, a) => this._init_quantized_bias(d, a)],
    ];
    for (const [suffix, f] of table) {
      if (desc.endsWith(suffix)) {
        f(desc, arr);
        this._verbose_print(desc, suffix, arr);
        return;
      }
    }
    this._init_default(desc, arr);
  }

  /** @internal MXNet's `_legacy_init(name, arr)`, used when called with a plain string. */
  _legacy_init(name: string, arr: NDArray): void {
    if (typeof name !== 'string') throw new TypeError('name must be string');
    const n = name;
    if (n.startsWith('stn_loc') && n.endsWith('weight')) this._init_zero(n, arr);
    else if (n.startsWith('stn_loc') && n.endsWith('bias')) this._init_loc_bias(n, arr);
    else if (n.endsWith('bias')) this._init_bias(n, arr);
    else if (n.endsWith('gamma')) this._init_gamma(n, arr);
    else if (n.endsWith('beta')) this._init_beta(n, arr);
    else if (n.endsWith('weight')) this._init_weight(n, arr);
    else if (n.endsWith('moving_mean')) this._init_zero(n, arr);
    else if (n.endsWith('moving_var')) this._init_one(n, arr);
    else if (n.endsWith('moving_inv_var')) this._init_zero(n, arr);
    else if (n.endsWith('moving_avg')) this._init_zero(n, arr);
    else if (n.endsWith('min')) this._init_zero(n, arr);
    else if (n.endsWith('max')) this._init_one(n, arr);
    else this._init_default(n, arr);
  }

  /** @internal */ _init_loc_bias(_: unknown, arr: NDArray): void {
    if (arr.shape[0] !== 6) throw new ValueError('assert shape[0] == 6');
    arr.__setitem__(':', [1.0, 0, 0, 0, 1.0, 0]);
  }
  /** @internal */ _init_zero(_: unknown, arr: NDArray): void { arr.__setitem__(':', 0.0); }
  /** @internal */ _init_one(_: unknown, arr: NDArray): void { arr.__setitem__(':', 1.0); }
  /** @internal */ _init_bias(_: unknown, arr: NDArray): void { arr.__setitem__(':', 0.0); }
  /** @internal */ _init_quantized_bias(_: unknown, arr: NDArray): void { arr.__setitem__(':', 0); }
  /** @internal */ _init_gamma(_: unknown, arr: NDArray): void { arr.__setitem__(':', 1.0); }
  /** @internal */ _init_beta(_: unknown, arr: NDArray): void { arr.__setitem__(':', 0.0); }

  /** Fills a weight; every concrete initializer overrides it. */
  _init_weight(_name: InitDesc | string, _arr: NDArray): void {
    throw new NotImplementedError('Must override it');
  }

  /** @internal `random.randint(-127, 127, dtype='int32')` cast to int8 (one draw broadcast, as in MXNet). */
  _init_quantized_weight(_: unknown, arr: NDArray): void {
    const v = randintValues(1, -127, 127)[0]!;
    arr._setHost(numbersToHost(new Float64Array(arr.size).fill(v), arr.tensor().dtype.name));
  }

  /** @internal MXNet's error for a name no suffix rule covers. */
  _init_default(name: InitDesc | string, _arr: NDArray): void {
    throw new ValueError(
      `Unknown initialization pattern for ${String(name)}. Default initialization is now limited to ` +
        '"weight", "bias", "gamma" (1.0), and "beta" (0.0).' +
        'Please use mx.sym.Variable(init=mx.init.*) to set initialization pattern',
    );
  }

  /** Python's `__eq__`: same class and same constructor arguments. */
  __eq__(other: unknown): boolean {
    return other instanceof Initializer && other.constructor === this.constructor && pyJson(other._kwargs) === pyJson(this._kwargs);
  }
}
