/**
 * `torch.nn.RNN`: the Elman RNN `h' = tanh(W_ih x + b_ih + W_hh h + b_hh)` (or relu), on
 * `RNNBase`'s parameters (`weight_ih_l0`, …, gate size = hidden size), init and layer loop.
 */
import { type Tensor, ValueError } from '@nncompat/core';
import { isOptions } from './layers-util/format.js';
import { RNNBase, type RNNKw } from './rnn.js';

/** Keyword arguments of `nn.RNN`. */
export interface RNNModuleKw extends Omit<RNNKw, 'proj_size'> {
  nonlinearity?: 'tanh' | 'relu';
}

type RNNModulePositional = [
  num_layers: number, nonlinearity: 'tanh' | 'relu', bias: boolean, batch_first: boolean, dropout: number, bidirectional: boolean,
];
type Rest<P extends unknown[], O> = P extends [infer H, ...infer T] ? [] | [O] | [H, ...Rest<T, O>] : [] | [O];

/** Takes `nonlinearity` out of the arguments as PyTorch's `RNN.__init__` does (4th positional or keyword). */
function splitNonlinearity(args: readonly unknown[]): [string, unknown[]] {
  const rest = [...args];
  const kw = rest.length > 0 && isOptions(rest[rest.length - 1]) ? { ...(rest.pop() as Record<string, unknown>) } : null;
  if (kw && 'proj_size' in kw) throw new ValueError('proj_size argument is only supported for LSTM, not RNN or GRU');
  let nl: unknown = 'tanh';
  if (rest.length > 1) {
    nl = rest[1];
    rest.splice(1, 1);
    if (kw && 'nonlinearity' in kw) throw new TypeError("RNN.__init__() got multiple values for argument 'nonlinearity'");
  } else if (kw && kw['nonlinearity'] !== undefined) {
    nl = kw['nonlinearity'];
  }
  if (kw) delete kw['nonlinearity'];
  if (nl !== 'tanh' && nl !== 'relu') throw new ValueError(`Unknown nonlinearity '${String(nl)}'. Select from 'tanh' or 'relu'.`);
  return [nl, kw ? [...rest, kw] : rest];
}

/**
 * `nn.RNN(input_size, hidden_size, num_layers=1, nonlinearity='tanh', bias=True,
 * batch_first=False, dropout=0.0, bidirectional=False, device=None, dtype=None)`.
 * `forward(input, h0?)` returns `[output, h_n]`.
 *
 * @example
 * ```ts
 * const rnn = new nn.RNN(10, 20, 2, { nonlinearity: 'relu' });
 * const [output, hn] = rnn(torch.randn(5, 3, 10));
 * ```
 */
export class RNN extends RNNBase {
  declare nonlinearity: 'tanh' | 'relu';
  constructor(input_size: number, hidden_size: number, ...args: Rest<RNNModulePositional, RNNModuleKw>) {
    const [nl, rest] = splitNonlinearity(args);
    super(nl === 'tanh' ? 'RNN_TANH' : 'RNN_RELU', input_size, hidden_size, rest);
    this.nonlinearity = nl as 'tanh' | 'relu';
  }

  protected override cell(gi: Tensor, gh: Tensor): [Tensor, null] {
    const pre = gi.add(gh);
    return [this.mode === 'RNN_TANH' ? pre.tanh() : pre.relu(), null];
  }

  override forward(input: Tensor, hx: Tensor | null = null): [Tensor, Tensor] {
    // RNN's own wording ("…D tensor instead"; LSTM / GRU say "…D instead").
    if (input.dim() !== 2 && input.dim() !== 3) throw new ValueError(`RNN: Expected input to be 2D or 3D, got ${input.dim()}D tensor instead`);
    return this.forwardSingleState(input, hx);
  }
}
