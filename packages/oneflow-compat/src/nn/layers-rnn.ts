/**
 * OneFlow's `LSTM` and `GRU` (python/oneflow/nn/modules/rnn.py, OneFlow 1.0, itself "modified
 * from" PyTorch's rnn.py): PyTorch's parameter names, shapes, gate order and
 * `U(-1/√hidden, 1/√hidden)` init, plus OneFlow's own attributes (`_flat_weights` kept as an
 * attribute and refreshed on every forward, so a OneFlow pickle of the module carries it).
 * The recurrence is torch-compat's `nn.LSTM` / `nn.GRU`, run on these Parameters (see
 * {@link torchTwin}). Differences from PyTorch followed here: no check that `hidden_size` /
 * `num_layers` are positive, `dropout` stored as a float, GRU refuses a `proj_size` argument.
 * `proj_size > 0` (OneFlow's projected LSTM) is not implemented.
 */
import { NotImplementedError, rand, registerRnnWeights, ValueError, type DType } from '@nncompat/core';
import { GRU as TorchGRU, LSTM as TorchLSTM } from '@nncompat/torch-compat/nn';
import { asFlow, type Tensor } from '../tensor/tensor.js';
import { Module } from './module.js';
import type { placement, SbpParallel } from '../tensor/placement.js';
import { Parameter } from './parameter.js';
import { pyBool, pyFloat } from './py-format.js';
import { torchTwin } from './torch-twin.js';
import { uniformInit } from './uniform-init.js';
import { warn } from './warn.js';

/** OneFlow's RNN modes (`RNN` is `RNN_TANH` or `RNN_RELU` by its `nonlinearity`). */
export type RNNMode = 'LSTM' | 'GRU' | 'RNN_TANH' | 'RNN_RELU';

/** Keyword options of `LSTM` / `GRU` / `RNN` (after `input_size`, `hidden_size`). */
export interface RNNOptions {
  num_layers?: number;
  bias?: boolean;
  batch_first?: boolean;
  dropout?: number;
  bidirectional?: boolean;
  /** LSTM only (a GRU or RNN given one raises OneFlow's ValueError); only 0 is implemented. */
  proj_size?: number;
  dtype?: DType | null;
}

/**
 * `oneflow.nn.RNNBase(mode, input_size, hidden_size, …)`: parameters, init, repr; the
 * subclasses (`LSTM`, `GRU`, `RNN`) run torch-compat's recurrence on them.
 *
 * @example
 * ```ts
 * const lstm: flow.nn.RNNBase = new flow.nn.LSTM(2, 3);
 * lstm.all_weights[0]!.map((w) => w.shape); // [[12, 2], [12, 3], [12], [12]]
 * ```
 */
export abstract class RNNBase extends Module {
  static override __module__ = 'oneflow.nn.modules.rnn';
  declare mode: RNNMode;
  declare input_size: number;
  declare hidden_size: number;
  declare num_layers: number;
  declare bias: boolean;
  declare batch_first: boolean;
  declare dropout: number;
  declare bidirectional: boolean;
  declare proj_size: number;
  declare _flat_weights_names: string[];
  declare _all_weights: string[][];
  declare _flat_weights: (Parameter | null)[];

  constructor(mode: RNNMode, input_size: number, hidden_size: number, opts: RNNOptions) {
    super();
    const dropout = opts.dropout ?? 0;
    const num_layers = opts.num_layers ?? 1;
    const bias = opts.bias ?? true;
    const proj_size = opts.proj_size ?? 0;
    this.mode = mode;
    this.input_size = input_size;
    this.hidden_size = hidden_size;
    this.num_layers = num_layers;
    this.bias = bias;
    this.batch_first = opts.batch_first ?? false;
    this.dropout = dropout;
    this.bidirectional = opts.bidirectional ?? false;
    this.proj_size = proj_size;
    if (typeof dropout !== 'number' || !(dropout >= 0 && dropout <= 1)) {
      throw new ValueError('dropout should be a number in range [0, 1] representing the probability of an element being zeroed');
    }
    if (dropout > 0 && num_layers === 1) {
      warn(`dropout option adds dropout after all but last recurrent layer, so non-zero dropout expects num_layers greater than 1, but got dropout=${dropout} and num_layers=${num_layers}`);
    }
    if (proj_size < 0) throw new ValueError('proj_size should be a positive integer or zero to disable projections');
    if (proj_size >= hidden_size) throw new ValueError('proj_size has to be smaller than hidden_size');
    if (proj_size > 0) throw new NotImplementedError('LSTM with proj_size > 0 is not implemented in nncompat');
    const gate = mode === 'LSTM' ? 4 * hidden_size : mode === 'GRU' ? 3 * hidden_size : hidden_size;
    const dt = opts.dtype ? { dtype: opts.dtype } : {};
    registerRnnWeights(
      this, { input_size, hidden_size, gate_size: gate, num_layers, bidirectional: this.bidirectional, bias },
      (shape) => new Parameter(asFlow(rand(shape, dt))),
    );
    this._flat_weights = this.flatWeights();
    this.reset_parameters();
  }

  /** The parameters named by `_flat_weights_names` (None for a name that is gone). */
  protected flatWeights(): (Parameter | null)[] {
    return this._flat_weights_names.map((n) => (this._parameters.get(n) as Parameter | undefined) ?? null);
  }

  /** `to_global(placement, sbp)`: converts every parameter, then refreshes `_flat_weights` (as OneFlow's override does). */
  override to_global(placementArg: placement | null = null, sbpArg: SbpParallel | readonly SbpParallel[] | null = null): this {
    super.to_global(placementArg, sbpArg);
    this._flat_weights = this.flatWeights();
    return this;
  }

  /** `reset_parameters()`: every parameter, in registration order, from `U(-1/√hidden, 1/√hidden)`. */
  reset_parameters(): void {
    const stdv = this.hidden_size > 0 ? 1.0 / Math.sqrt(this.hidden_size) : 0;
    for (const w of this.parameters()) uniformInit(w, stdv);
  }

  /** `all_weights`: per layer and direction, `[w_ih, w_hh, b_ih, b_hh]`. */
  get all_weights(): Parameter[][] {
    return this._all_weights.map((names) => names.map((n) => this._parameters.get(n) as Parameter));
  }

  override extra_repr(): string {
    let s = `${this.input_size}, ${this.hidden_size}`;
    if (this.proj_size !== 0) s += `, proj_size=${this.proj_size}`;
    if (this.num_layers !== 1) s += `, num_layers=${this.num_layers}`;
    if (this.bias !== true) s += `, bias=${pyBool(this.bias)}`;
    if (this.batch_first !== false) s += `, batch_first=${pyBool(this.batch_first)}`;
    if (this.dropout !== 0) s += `, dropout=${pyFloat(this.dropout)}`;
    if (this.bidirectional !== false) s += `, bidirectional=${pyBool(this.bidirectional)}`;
    return s;
  }

  /** torch-compat's module of this configuration, on this module's parameters and settings. */
  protected twin<T extends TorchLSTM | TorchGRU>(Cls: new (i: number, h: number, o: { num_layers: number; bias: boolean; bidirectional: boolean }) => T): T {
    this._flat_weights = this.flatWeights();
    const key = `${this.mode}:${this.input_size}:${this.hidden_size}:${this.num_layers}:${this.bias}:${this.bidirectional}`;
    const t = torchTwin<T>(this, key, () => new Cls(this.input_size, this.hidden_size, {
      num_layers: this.num_layers, bias: this.bias, bidirectional: this.bidirectional,
    }));
    t.batch_first = this.batch_first;
    t.dropout = this.dropout;
    return t;
  }
}

/** `(num_layers, opts)` or `(opts)` after the two sizes, as one options object. */
export function splitArgs(a: number | RNNOptions | undefined, b: RNNOptions | undefined): RNNOptions {
  return typeof a === 'number' ? { ...b, num_layers: a } : { ...a };
}

/**
 * `oneflow.nn.LSTM(input_size, hidden_size, num_layers=1, bias=True, batch_first=False,
 * dropout=0.0, bidirectional=False, proj_size=0, device=None, dtype=None)`.
 * `forward(input, [h0, c0]?)` returns `[output, [h_n, c_n]]`.
 *
 * @example
 * ```ts
 * const rnn = new flow.nn.LSTM(10, 20, 2);
 * const [output, [hn, cn]] = rnn(flow.randn(5, 3, 10));
 * output.shape; // [5, 3, 20]; hn.shape and cn.shape: [2, 3, 20]
 * ```
 */
export class LSTM extends RNNBase {
  static override __module__ = 'oneflow.nn.modules.rnn';
  constructor(input_size: number, hidden_size: number, num_layers?: number | RNNOptions, opts?: RNNOptions) {
    super('LSTM', input_size, hidden_size, splitArgs(num_layers, opts));
  }

  override forward(input: Tensor, hx: readonly [Tensor, Tensor] | null = null): [Tensor, [Tensor, Tensor]] {
    return this.twin<TorchLSTM>(TorchLSTM)(input, hx) as [Tensor, [Tensor, Tensor]];
  }
}

/**
 * `oneflow.nn.GRU(input_size, hidden_size, num_layers=1, bias=True, batch_first=False,
 * dropout=0.0, bidirectional=False, device=None, dtype=None)`. `forward(input, h0?)` returns
 * `[output, h_n]`.
 *
 * @example
 * ```ts
 * const rnn = new flow.nn.GRU(10, 20, { num_layers: 2, batch_first: true });
 * const [output, hn] = rnn(flow.randn(3, 5, 10));
 * output.shape; // [3, 5, 20]
 * ```
 */
export class GRU extends RNNBase {
  static override __module__ = 'oneflow.nn.modules.rnn';
  constructor(input_size: number, hidden_size: number, num_layers?: number | RNNOptions, opts?: RNNOptions) {
    const o = splitArgs(num_layers, opts);
    if ('proj_size' in o) throw new ValueError('proj_size argument is only supported for LSTM, not RNN or GRU');
    super('GRU', input_size, hidden_size, o);
  }

  override forward(input: Tensor, hx: Tensor | null = null): [Tensor, Tensor] {
    return this.twin<TorchGRU>(TorchGRU)(input, hx) as [Tensor, Tensor];
  }
}
