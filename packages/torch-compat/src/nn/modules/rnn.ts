/**
 * `torch.nn.LSTM` and `torch.nn.GRU` (`RNNBase` of PyTorch 2.1): PyTorch's parameter names
 * (`weight_ih_l0`, `bias_hh_l1_reverse`, …) and gate order (LSTM i, f, g, o; GRU r, z, n),
 * `U(-1/√hidden, 1/√hidden)` init in registration order, multi-layer, `batch_first`,
 * dropout between layers and bidirectional, batched or unbatched input. The recurrence is
 * written with core ops (the input projection of all steps in one matmul), so autograd gives
 * the gradients of every weight.
 */
import {
  cat, empty, NotImplementedError, Parameter, registerRnnWeights, RuntimeError, stack, type Tensor, ValueError, zeros,
} from '@nncompat/core';
import * as F from '../../functional/index.js';
import { uniform_ } from '../../init/index.js';
import { warn } from '../../utils/warn.js';
import { bindArgs, type Factory, factoryOf, type WithKw } from './layers-util/args.js';
import { pyFloat } from './layers-util/format.js';
import { Module } from './module.js';

/** Keyword arguments of `nn.LSTM` / `nn.GRU`. */
export interface RNNKw extends Factory {
  num_layers?: number;
  bias?: boolean;
  batch_first?: boolean;
  dropout?: number;
  bidirectional?: boolean;
  /** LSTM only; only 0 (no projection) is implemented. */
  proj_size?: number;
}

/** `RNNBase.mode`: the cell kind (`nn.RNN` is `RNN_TANH` or `RNN_RELU` by its nonlinearity). */
export type RNNMode = 'LSTM' | 'GRU' | 'RNN_TANH' | 'RNN_RELU';

type RNNPositional = [num_layers: number, bias: boolean, batch_first: boolean, dropout: number, bidirectional: boolean];
const RNN_NAMES = ['num_layers', 'bias', 'batch_first', 'dropout', 'bidirectional', 'proj_size', 'device', 'dtype'] as const;

function tupleRepr(xs: readonly number[]): string {
  return `(${xs.join(', ')}${xs.length === 1 ? ',' : ''})`;
}

/** `RNNBase`: parameters, init, checks and the layer/direction loop; subclasses give the cell. */
export abstract class RNNBase extends Module {
  static override __module__ = 'torch.nn.modules.rnn';
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

  constructor(mode: RNNMode, input_size: number, hidden_size: number, args: readonly unknown[]) {
    super();
    const o = bindArgs<RNNKw>(`${new.target.name}.__init__`, mode === 'LSTM' ? RNN_NAMES : RNN_NAMES.filter((n) => n !== 'proj_size'), args);
    const factory = factoryOf(o);
    const dropout = o.dropout ?? 0;
    const num_layers = o.num_layers ?? 1;
    this.mode = mode;
    this.input_size = input_size;
    this.hidden_size = hidden_size;
    this.num_layers = num_layers;
    this.bias = o.bias ?? true;
    this.batch_first = o.batch_first ?? false;
    this.dropout = dropout;
    this.bidirectional = o.bidirectional ?? false;
    this.proj_size = o.proj_size ?? 0;
    if (typeof dropout !== 'number' || !(dropout >= 0 && dropout <= 1)) {
      throw new ValueError('dropout should be a number in range [0, 1] representing the probability of an element being zeroed');
    }
    if (dropout > 0 && num_layers === 1) {
      warn(`dropout option adds dropout after all but last recurrent layer, so non-zero dropout expects num_layers greater than 1, but got dropout=${pyFloat(dropout)} and num_layers=${num_layers}`);
    }
    if (!Number.isInteger(hidden_size)) throw new TypeError(`hidden_size should be of type int, got: ${typeof hidden_size}`);
    if (hidden_size <= 0) throw new ValueError('hidden_size must be greater than zero');
    if (num_layers <= 0) throw new ValueError('num_layers must be greater than zero');
    if (this.proj_size < 0) throw new ValueError('proj_size should be a positive integer or zero to disable projections');
    if (this.proj_size >= hidden_size) throw new ValueError('proj_size has to be smaller than hidden_size');
    if (this.proj_size !== 0) throw new NotImplementedError('LSTM with proj_size > 0 is not implemented');
    const gateSize = (mode === 'LSTM' ? 4 : mode === 'GRU' ? 3 : 1) * hidden_size;
    registerRnnWeights(
      this, { input_size, hidden_size, gate_size: gateSize, num_layers, bidirectional: this.bidirectional, bias: this.bias },
      (shape) => new Parameter(empty(shape, factory)),
    );
    this.reset_parameters();
  }

  /** `reset_parameters()`: every parameter, in registration order, from `U(-1/√hidden, 1/√hidden)`. */
  reset_parameters(): void {
    const stdv = this.hidden_size > 0 ? 1.0 / Math.sqrt(this.hidden_size) : 0;
    for (const w of this.parameters()) uniform_(w, -stdv, stdv);
  }

  /** `flatten_parameters()`: a no-op here (there is no cuDNN weight buffer to compact). */
  flatten_parameters(): void {}

  /** `_flat_weights`: the parameters in `_flat_weights_names` order. */
  get _flat_weights(): Tensor[] {
    return this._flat_weights_names.map((n) => this._parameters.get(n)!);
  }

  /** `all_weights`: per layer and direction, `[w_ih, w_hh, b_ih, b_hh]`. */
  get all_weights(): Tensor[][] {
    return this._all_weights.map((names) => names.map((n) => this._parameters.get(n)!));
  }

  override extra_repr(): string {
    let s = `${this.input_size}, ${this.hidden_size}`;
    if (this.proj_size !== 0) s += `, proj_size=${this.proj_size}`;
    if (this.num_layers !== 1) s += `, num_layers=${this.num_layers}`;
    if (this.bias !== true) s += `, bias=${this.bias ? 'True' : 'False'}`;
    if (this.batch_first !== false) s += ', batch_first=True';
    if (this.dropout !== 0) s += `, dropout=${pyFloat(this.dropout)}`;
    if (this.bidirectional !== false) s += ', bidirectional=True';
    return s;
  }

  /** `check_input(input, batch_sizes)`. */
  protected checkInput(input: Tensor): void {
    const expected = 3;
    if (input.dim() !== expected) throw new RuntimeError(`input must have ${expected} dimensions, got ${input.dim()}`);
    if (this.input_size !== input.shape[2]) {
      throw new RuntimeError(`input.size(-1) must be equal to input_size. Expected ${this.input_size}, got ${input.shape[2]}`);
    }
  }

  /** `check_hidden_size(hx, expected_hidden_size, msg)`. */
  protected checkHidden(hx: Tensor, expected: readonly number[], msg = 'Expected hidden size {}, got {}'): void {
    if (hx.shape.length !== expected.length || hx.shape.some((s, i) => s !== expected[i])) {
      throw new RuntimeError(msg.replace('{}', tupleRepr(expected)).replace('{}', `[${hx.shape.join(', ')}]`));
    }
  }

  /** Expected `[num_layers * num_directions, N, hidden]` of the hidden state. */
  protected expectedHidden(batch: number): number[] {
    return [this.num_layers * (this.bidirectional ? 2 : 1), batch, this.hidden_size];
  }

  /**
   * Runs every layer and direction over time-major `x` `[T, N, in]`. `cell(gi, h, c, weights)`
   * takes the input projection of one step and returns the new `[h, c]`.
   */
  protected runLayers(x: Tensor, h0: Tensor, c0: Tensor | null): [Tensor, Tensor, Tensor | null] {
    const numDirections = this.bidirectional ? 2 : 1;
    const hN: Tensor[] = [];
    const cN: Tensor[] = [];
    let layerInput = x;
    const T = x.shape[0]!;
    for (let layer = 0; layer < this.num_layers; layer++) {
      const outs: Tensor[] = [];
      for (let dir = 0; dir < numDirections; dir++) {
        const idx = layer * numDirections + dir;
        const [wih, whh, bih, bhh] = this.all_weights[idx]! as [Tensor, Tensor, Tensor?, Tensor?];
        // Input projection of all time steps at once: [T, N, gates].
        const gi = F.linear(layerInput, wih, bih ?? null);
        let h = h0.select(0, idx);
        let c = c0 === null ? null : c0.select(0, idx);
        const steps: Tensor[] = new Array<Tensor>(T);
        for (let s = 0; s < T; s++) {
          const t = dir === 0 ? s : T - 1 - s;
          const gh = F.linear(h, whh, bhh ?? null);
          [h, c] = this.cell(gi.select(0, t), gh, h, c);
          steps[t] = h;
        }
        outs.push(T > 0 ? stack(steps, 0) : layerInput.narrow(2, 0, 0));
        hN.push(h);
        if (c !== null) cN.push(c);
      }
      let out = numDirections === 1 ? outs[0]! : cat(outs, 2);
      if (this.dropout > 0 && this.training && layer < this.num_layers - 1) out = F.dropout(out, { p: this.dropout, training: true });
      layerInput = out;
    }
    return [layerInput, stack(hN, 0), c0 === null ? null : stack(cN, 0)];
  }

  /** One time step: input projection `gi`, hidden projection `gh`, state `h` (and LSTM's `c`). */
  protected abstract cell(gi: Tensor, gh: Tensor, h: Tensor, c: Tensor | null): [Tensor, Tensor | null];

  /** The forward of the models with one hidden state (GRU, RNN): `(output, h_n)`. */
  protected forwardSingleState(input: Tensor, hx: Tensor | null): [Tensor, Tensor] {
    const [x, batched, N] = this.prepare(input);
    let h0: Tensor;
    if (hx === null) {
      h0 = zeros(this.expectedHidden(N), { dtype: input.dtype, device: input.device });
    } else if (batched) {
      if (hx.dim() !== 3) throw new RuntimeError(`For batched 3-D input, hx should also be 3-D but got ${hx.dim()}-D tensor`);
      h0 = hx;
    } else {
      if (hx.dim() !== 2) throw new RuntimeError(`For unbatched 2-D input, hx should also be 2-D but got ${hx.dim()}-D tensor`);
      h0 = hx.unsqueeze(1);
    }
    this.checkHidden(h0, this.expectedHidden(N));
    const [out, hn] = this.runLayers(x, h0, null);
    return [this.finish(out, batched), batched ? hn : hn.squeeze(1)];
  }

  /** Batched `[T, N, *]` view of the input, whether it was batched, and the batch size. */
  protected prepare(input: Tensor): [Tensor, boolean, number] {
    const batched = input.dim() === 3;
    if (input.dim() !== 2 && input.dim() !== 3) {
      throw new ValueError(`${this._get_name()}: Expected input to be 2D or 3D, got ${input.dim()}D instead`);
    }
    const batchDim = this.batch_first ? 0 : 1;
    let x = batched ? input : input.unsqueeze(batchDim);
    if (this.batch_first) x = x.transpose(0, 1);
    this.checkInput(x);
    return [x, batched, x.shape[1]!];
  }

  /** The output back in the caller's layout. */
  protected finish(out: Tensor, batched: boolean): Tensor {
    if (!batched) return out.squeeze(1);
    return this.batch_first ? out.transpose(0, 1) : out;
  }
}

/**
 * `nn.LSTM(input_size, hidden_size, num_layers=1, bias=True, batch_first=False, dropout=0.0,
 * bidirectional=False, proj_size=0, device=None, dtype=None)`. `forward(input, [h0, c0]?)`
 * returns `[output, [h_n, c_n]]`.
 *
 * @example
 * ```ts
 * const rnn = new nn.LSTM(10, 20, 2);
 * const [output, [hn, cn]] = rnn(torch.randn(5, 3, 10), [torch.randn(2, 3, 20), torch.randn(2, 3, 20)]);
 * ```
 */
export class LSTM extends RNNBase {
  constructor(input_size: number, hidden_size: number, ...args: WithKw<RNNPositional, RNNKw>) {
    super('LSTM', input_size, hidden_size, args);
  }

  protected override cell(gi: Tensor, gh: Tensor, _h: Tensor, c: Tensor | null): [Tensor, Tensor] {
    const [i, f, g, o] = gi.add(gh).chunk(4, -1) as [Tensor, Tensor, Tensor, Tensor];
    const c1 = f.sigmoid().mul(c!).add(i.sigmoid().mul(g.tanh()));
    return [o.sigmoid().mul(c1.tanh()), c1];
  }

  override forward(input: Tensor, hx: readonly [Tensor, Tensor] | null = null): [Tensor, [Tensor, Tensor]] {
    const [x, batched, N] = this.prepare(input);
    let h0: Tensor;
    let c0: Tensor;
    if (hx === null) {
      h0 = zeros(this.expectedHidden(N), { dtype: input.dtype, device: input.device });
      c0 = h0;
    } else {
      const [h, c] = hx;
      if (batched) {
        if (h.dim() !== 3 || c.dim() !== 3) {
          throw new RuntimeError(`For batched 3-D input, hx and cx should also be 3-D but got (${h.dim()}-D, ${c.dim()}-D) tensors`);
        }
        h0 = h;
        c0 = c;
      } else {
        if (h.dim() !== 2 || c.dim() !== 2) {
          throw new RuntimeError(`For unbatched 2-D input, hx and cx should also be 2-D but got (${h.dim()}-D, ${c.dim()}-D) tensors`);
        }
        h0 = h.unsqueeze(1);
        c0 = c.unsqueeze(1);
      }
      this.checkHidden(h0, this.expectedHidden(N), 'Expected hidden[0] size {}, got {}');
      this.checkHidden(c0, this.expectedHidden(N), 'Expected hidden[1] size {}, got {}');
    }
    const [out, hn, cn] = this.runLayers(x, h0, c0);
    return [this.finish(out, batched), batched ? [hn, cn!] : [hn.squeeze(1), cn!.squeeze(1)]];
  }
}

/**
 * `nn.GRU(input_size, hidden_size, num_layers=1, bias=True, batch_first=False, dropout=0.0,
 * bidirectional=False, device=None, dtype=None)`. `forward(input, h0?)` returns
 * `[output, h_n]`.
 *
 * @example
 * ```ts
 * const rnn = new nn.GRU(10, 20, 2, { batch_first: true });
 * const [output, hn] = rnn(torch.randn(3, 5, 10));
 * ```
 */
export class GRU extends RNNBase {
  constructor(input_size: number, hidden_size: number, ...args: WithKw<RNNPositional, RNNKw>) {
    super('GRU', input_size, hidden_size, args);
  }

  protected override cell(gi: Tensor, gh: Tensor, h: Tensor): [Tensor, null] {
    const [ir, iz, inn] = gi.chunk(3, -1) as [Tensor, Tensor, Tensor];
    const [hr, hz, hn] = gh.chunk(3, -1) as [Tensor, Tensor, Tensor];
    const r = ir.add(hr).sigmoid();
    const z = iz.add(hz).sigmoid();
    const n = inn.add(r.mul(hn)).tanh();
    // ATen's gru_cell: (h - n) * z + n.
    return [h.sub(n).mul(z).add(n), null];
  }

  override forward(input: Tensor, hx: Tensor | null = null): [Tensor, Tensor] {
    return this.forwardSingleState(input, hx);
  }
}
