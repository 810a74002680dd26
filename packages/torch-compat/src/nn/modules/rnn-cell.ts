/**
 * `torch.nn.RNNCell`, `LSTMCell` and `GRUCell` (`RNNCellBase` of PyTorch 2.1): parameters
 * `weight_ih [chunks*hidden, input]`, `weight_hh [chunks*hidden, hidden]`, `bias_ih`, `bias_hh`
 * (None without bias), every one drawn from `U(-1/√hidden, 1/√hidden)` in that order, and
 * ATen's cell formulas (`rnn_tanh_cell`, `lstm_cell`, `gru_cell`) written with core ops.
 */
import { empty, Parameter, RuntimeError, type Tensor, ValueError, zeros } from '@nncompat/core';
import * as F from '../../functional/index.js';
import { uniform_ } from '../../init/index.js';
import { bindArgs, type Factory, factoryOf, type WithKw } from './layers-util/args.js';
import { Module } from './module.js';

/** Keyword arguments of the cells (`RNNCell` also takes `nonlinearity`). */
export interface RNNCellKw extends Factory {
  bias?: boolean;
}

/** `RNNCellBase(input_size, hidden_size, bias, num_chunks, device, dtype)`. */
export class RNNCellBase extends Module {
  static override __module__ = 'torch.nn.modules.rnn';
  declare input_size: number;
  declare hidden_size: number;
  declare bias: boolean;
  declare weight_ih: Parameter;
  declare weight_hh: Parameter;
  declare bias_ih: Parameter | null;
  declare bias_hh: Parameter | null;

  constructor(input_size: number, hidden_size: number, bias: boolean, num_chunks: number, factory: Factory = {}) {
    super();
    this.input_size = input_size;
    this.hidden_size = hidden_size;
    this.bias = bias;
    const f = factoryOf(factory);
    this.weight_ih = new Parameter(empty([num_chunks * hidden_size, input_size], f));
    this.weight_hh = new Parameter(empty([num_chunks * hidden_size, hidden_size], f));
    if (bias) {
      this.bias_ih = new Parameter(empty([num_chunks * hidden_size], f));
      this.bias_hh = new Parameter(empty([num_chunks * hidden_size], f));
    } else {
      this.register_parameter('bias_ih', null);
      this.register_parameter('bias_hh', null);
    }
    this.reset_parameters();
  }

  override extra_repr(): string {
    let s = `${this.input_size}, ${this.hidden_size}`;
    if (this.bias !== true) s += `, bias=${this.bias ? 'True' : 'False'}`;
    const nl = (this as { nonlinearity?: string }).nonlinearity;
    if (nl !== undefined && nl !== 'tanh') s += `, nonlinearity=${nl}`;
    return s;
  }

  /** `reset_parameters()`: every parameter from `U(-1/√hidden, 1/√hidden)`, in registration order. */
  reset_parameters(): void {
    const stdv = this.hidden_size > 0 ? 1.0 / Math.sqrt(this.hidden_size) : 0;
    for (const w of this.parameters()) uniform_(w, -stdv, stdv);
  }

  /**
   * ATen's `check_rnn_cell_forward_input` / `_hidden`. ATen's lstm_cell labels both of its
   * states `hidden0` (PyTorch 1.13 prints "hidden0" for a bad cell state too), so every state
   * gets label 0 here.
   */
  protected checkShapes(input: Tensor, hx: readonly Tensor[]): void {
    const inSize = this.weight_ih.shape[1]!;
    if (input.shape[1] !== inSize) throw new RuntimeError(`input has inconsistent input_size: got ${input.shape[1]} expected ${inSize}`);
    const label = 0;
    hx.forEach((h) => {
      if (input.shape[0] !== h.shape[0]) {
        throw new RuntimeError(`Input batch size ${input.shape[0]} doesn't match hidden${label} batch size ${h.shape[0]}`);
      }
      if (h.shape[1] !== this.hidden_size) {
        throw new RuntimeError(`hidden${label} has inconsistent hidden_size: got ${h.shape[1]}, expected ${this.hidden_size}`);
      }
    });
  }

  /** `[linear(input, w_ih, b_ih), linear(hx, w_hh, b_hh)]`. */
  protected gates(input: Tensor, hx: Tensor): [Tensor, Tensor] {
    return [F.linear(input, this.weight_ih, this.bias_ih), F.linear(hx, this.weight_hh, this.bias_hh)];
  }

  /** Batched view of `input` (1-D or 2-D) and whether it was batched. */
  protected batchedInput(input: Tensor): [Tensor, boolean] {
    if (input.dim() !== 1 && input.dim() !== 2) {
      throw new ValueError(`${this._get_name()}: Expected input to be 1D or 2D, got ${input.dim()}D instead`);
    }
    return input.dim() === 2 ? [input, true] : [input.unsqueeze(0), false];
  }

  /** A zero state `[N, hidden]` like the input. */
  protected zeroState(input: Tensor): Tensor {
    return zeros([input.shape[0]!, this.hidden_size], { dtype: input.dtype, device: input.device });
  }
}

/** `RNNCell` / `GRUCell`'s shared forward shell: one hidden state. */
abstract class SingleStateCell extends RNNCellBase {
  protected abstract step(gi: Tensor, gh: Tensor, h: Tensor): Tensor;
  override forward(input: Tensor, hx: Tensor | null = null): Tensor {
    if (input.dim() !== 1 && input.dim() !== 2) {
      throw new ValueError(`${this._get_name()}: Expected input to be 1D or 2D, got ${input.dim()}D instead`);
    }
    if (hx !== null && hx.dim() !== 1 && hx.dim() !== 2) {
      throw new ValueError(`${this._get_name()}: Expected hidden to be 1D or 2D, got ${hx.dim()}D instead`);
    }
    const [x, batched] = this.batchedInput(input);
    const h = hx === null ? this.zeroState(x) : batched ? hx : hx.unsqueeze(0);
    this.checkShapes(x, [h]);
    const [gi, gh] = this.gates(x, h);
    const out = this.step(gi, gh, h);
    return batched ? out : out.squeeze(0);
  }
}

/** Keyword arguments of `nn.RNNCell`. */
export interface RNNCellModuleKw extends RNNCellKw {
  nonlinearity?: string;
}

/**
 * `nn.RNNCell(input_size, hidden_size, bias=True, nonlinearity='tanh', device=None, dtype=None)`.
 *
 * @example
 * ```ts
 * const cell = new nn.RNNCell(10, 20);
 * const h1 = cell(torch.randn(3, 10), h0);
 * ```
 */
export class RNNCell extends SingleStateCell {
  declare nonlinearity: string;
  constructor(input_size: number, hidden_size: number, ...args: WithKw<[bias: boolean, nonlinearity: string], RNNCellModuleKw>) {
    const o = bindArgs<RNNCellModuleKw>('RNNCell.__init__', ['bias', 'nonlinearity', 'device', 'dtype'], args);
    super(input_size, hidden_size, o.bias ?? true, 1, o);
    this.nonlinearity = o.nonlinearity ?? 'tanh';
  }
  protected step(gi: Tensor, gh: Tensor): Tensor {
    // PyTorch 2.1 checks the nonlinearity only here, in forward.
    if (this.nonlinearity === 'tanh') return gi.add(gh).tanh();
    if (this.nonlinearity === 'relu') return gi.add(gh).relu();
    throw new RuntimeError(`Unknown nonlinearity: ${this.nonlinearity}`);
  }
}

/**
 * `nn.GRUCell(input_size, hidden_size, bias=True, device=None, dtype=None)`.
 *
 * @example
 * ```ts
 * const cell = new nn.GRUCell(10, 20);
 * const h1 = cell(torch.randn(3, 10), h0);
 * ```
 */
export class GRUCell extends SingleStateCell {
  constructor(input_size: number, hidden_size: number, ...args: WithKw<[bias: boolean], RNNCellKw>) {
    const o = bindArgs<RNNCellKw>('GRUCell.__init__', ['bias', 'device', 'dtype'], args);
    super(input_size, hidden_size, o.bias ?? true, 3, o);
  }
  protected step(gi: Tensor, gh: Tensor, h: Tensor): Tensor {
    const [ir, iz, inn] = gi.chunk(3, 1) as [Tensor, Tensor, Tensor];
    const [hr, hz, hn] = gh.chunk(3, 1) as [Tensor, Tensor, Tensor];
    const r = hr.add(ir).sigmoid();
    const z = hz.add(iz).sigmoid();
    const n = inn.add(hn.mul(r)).tanh();
    // ATen's gru_cell: (h - n) * z + n.
    return h.sub(n).mul(z).add(n);
  }
}

/**
 * `nn.LSTMCell(input_size, hidden_size, bias=True, device=None, dtype=None)`.
 * `forward(input, [h, c]?)` returns `[h', c']`.
 *
 * @example
 * ```ts
 * const cell = new nn.LSTMCell(10, 20);
 * const [h1, c1] = cell(torch.randn(3, 10), [h0, c0]);
 * ```
 */
export class LSTMCell extends RNNCellBase {
  constructor(input_size: number, hidden_size: number, ...args: WithKw<[bias: boolean], RNNCellKw>) {
    const o = bindArgs<RNNCellKw>('LSTMCell.__init__', ['bias', 'device', 'dtype'], args);
    super(input_size, hidden_size, o.bias ?? true, 4, o);
  }
  override forward(input: Tensor, hx: readonly [Tensor, Tensor] | null = null): [Tensor, Tensor] {
    if (input.dim() !== 1 && input.dim() !== 2) {
      throw new ValueError(`LSTMCell: Expected input to be 1D or 2D, got ${input.dim()}D instead`);
    }
    hx?.forEach((v, i) => {
      if (v.dim() !== 1 && v.dim() !== 2) throw new ValueError(`LSTMCell: Expected hx[${i}] to be 1D or 2D, got ${v.dim()}D instead`);
    });
    const [x, batched] = this.batchedInput(input);
    let h: Tensor;
    let c: Tensor;
    if (hx === null) {
      h = this.zeroState(x);
      c = h;
    } else {
      [h, c] = batched ? hx : [hx[0].unsqueeze(0), hx[1].unsqueeze(0)];
    }
    this.checkShapes(x, [h, c]);
    const [gi, gh] = this.gates(x, h);
    const [i, f, g, o] = gi.add(gh).chunk(4, 1) as [Tensor, Tensor, Tensor, Tensor];
    const c1 = f.sigmoid().mul(c).add(i.sigmoid().mul(g.tanh()));
    const h1 = o.sigmoid().mul(c1.tanh());
    return batched ? [h1, c1] : [h1.squeeze(0), c1.squeeze(0)];
  }
}
