/**
 * OneFlow's Elman `RNN` (python/oneflow/nn/modules/rnn.py, OneFlow 1.0):
 * `h_t = tanh(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)` (or ReLU with `nonlinearity='relu'`),
 * PyTorch's parameter names and `U(-1/√hidden, 1/√hidden)` init, mode `RNN_TANH` / `RNN_RELU`.
 * torch-compat has no Elman RNN; its GRU's layer/direction loop, state checks and layouts are
 * reused with the Elman cell in place of the GRU cell.
 */
import { RuntimeError, ValueError } from '@nncompat/core';
import { GRU as TorchGRU } from '@nncompat/torch-compat/nn';
import type { Tensor as CoreTensor } from '@nncompat/core';
import type { Tensor } from '../tensor/tensor.js';
import { RNNBase, splitArgs, type RNNOptions } from './layers-rnn.js';

/** torch-compat's GRU loop with the tanh Elman cell (`gi` / `gh` are the two projections). */
class TanhRNNTwin extends TorchGRU {
  protected override cell(gi: CoreTensor, gh: CoreTensor): [CoreTensor, null] {
    return [gi.add(gh).tanh(), null];
  }
}

/** torch-compat's GRU loop with the ReLU Elman cell. */
class ReluRNNTwin extends TorchGRU {
  protected override cell(gi: CoreTensor, gh: CoreTensor): [CoreTensor, null] {
    return [gi.add(gh).relu(), null];
  }
}

/**
 * OneFlow's checks for an input that is neither 2-D nor 3-D (rnn.py, `RNN.forward`): it is
 * taken as unbatched and unsqueezed, so a given `hx` must be 2-D, and then `check_input`
 * refuses the unsqueezed rank ("input must have 3 dimensions, got <dim + 1>"). torch-compat's
 * loop would name GRU in its own (PyTorch's) text.
 */
function checkRank(input: Tensor, hx: Tensor | null): void {
  const d = input.dim();
  if (d === 2 || d === 3) return;
  if (hx !== null && hx.dim() !== 2) throw new RuntimeError(`For unbatched 2-D input, hx should also be 2-D but got ${hx.dim()}-D tensor`);
  throw new RuntimeError(`input must have 3 dimensions, got ${d + 1}`);
}

/** Keyword options of `RNN`: {@link RNNOptions} plus `nonlinearity`. */
export interface ElmanRNNOptions extends RNNOptions {
  nonlinearity?: 'tanh' | 'relu';
}

/**
 * `oneflow.nn.RNN(input_size, hidden_size, num_layers=1, nonlinearity='tanh', bias=True,
 * batch_first=False, dropout=0.0, bidirectional=False)` (`nonlinearity` is keyword-only, as
 * OneFlow pops it from kwargs). `forward(input, h0?)` returns `[output, h_n]`.
 *
 * @example
 * ```ts
 * const rnn = new flow.nn.RNN(10, 20, 2, { nonlinearity: 'relu' });
 * const [output, hn] = rnn(flow.randn(5, 3, 10));
 * output.shape; // [5, 3, 20]; hn.shape: [2, 3, 20]
 * ```
 */
export class RNN extends RNNBase {
  static override __module__ = 'oneflow.nn.modules.rnn';
  declare nonlinearity: 'tanh' | 'relu';

  constructor(input_size: number, hidden_size: number, num_layers?: number | ElmanRNNOptions, opts?: ElmanRNNOptions) {
    const o = splitArgs(num_layers, opts) as ElmanRNNOptions;
    if ('proj_size' in o) throw new ValueError('proj_size argument is only supported for LSTM, not RNN or GRU');
    const nonlinearity = o.nonlinearity ?? 'tanh';
    if (nonlinearity !== 'tanh' && nonlinearity !== 'relu') throw new ValueError(`Unknown nonlinearity '${String(nonlinearity)}'`);
    delete o.nonlinearity;
    super(nonlinearity === 'tanh' ? 'RNN_TANH' : 'RNN_RELU', input_size, hidden_size, o);
    this.nonlinearity = nonlinearity;
  }

  override forward(input: Tensor, hx: Tensor | null = null): [Tensor, Tensor] {
    checkRank(input, hx);
    const Twin = this.mode === 'RNN_RELU' ? ReluRNNTwin : TanhRNNTwin;
    return this.twin<TorchGRU>(Twin)(input, hx) as [Tensor, Tensor];
  }
}
