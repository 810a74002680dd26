/**
 * `RNNBase`'s weight layout (PyTorch's `rnn.py`, which OneFlow copied): per layer and direction
 * `weight_ih_l{k}{_reverse}`, `weight_hh_l…` and, with `bias`, `bias_ih_l…`, `bias_hh_l…`,
 * registered in that order; `_flat_weights_names` lists them all, `_all_weights` per layer and
 * direction. How a weight tensor is created (and initialised) is the framework's.
 */
import type { Parameter } from './parameter.js';

/** The sizes that fix the layout; `gate_size` is the rows of each weight (4·hidden for LSTM, 3· for GRU, …). */
export interface RnnWeightLayout {
  input_size: number;
  hidden_size: number;
  gate_size: number;
  num_layers: number;
  bidirectional: boolean;
  bias: boolean;
}

/** What `registerRnnWeights` writes to. */
export interface RnnWeightsOwner {
  register_parameter(name: string, param: never): void;
  _flat_weights_names: string[];
  _all_weights: string[][];
}

/**
 * Registers every weight of the layout on `m` (a parameter from `make(shape)` each) and sets
 * `_flat_weights_names` and `_all_weights`.
 *
 * @example
 * ```ts
 * registerRnnWeights(this, { input_size: 2, hidden_size: 3, gate_size: 12, num_layers: 1, bidirectional: false, bias: true },
 *   (shape) => new Parameter(empty(shape)));
 * ```
 */
export function registerRnnWeights(m: RnnWeightsOwner, layout: RnnWeightLayout, make: (shape: number[]) => Parameter): void {
  const { input_size, hidden_size, gate_size, num_layers, bias } = layout;
  const dirs = layout.bidirectional ? 2 : 1;
  m._flat_weights_names = [];
  m._all_weights = [];
  for (let layer = 0; layer < num_layers; layer++) {
    for (let direction = 0; direction < dirs; direction++) {
      const layerInput = layer === 0 ? input_size : hidden_size * dirs;
      const shapes: [string, number[]][] = [['weight_ih', [gate_size, layerInput]], ['weight_hh', [gate_size, hidden_size]]];
      if (bias) shapes.push(['bias_ih', [gate_size]], ['bias_hh', [gate_size]]);
      const suffix = direction === 1 ? '_reverse' : '';
      const names: string[] = [];
      for (const [base, shape] of shapes) {
        const name = `${base}_l${layer}${suffix}`;
        m.register_parameter(name, make(shape) as never);
        names.push(name);
      }
      m._flat_weights_names.push(...names);
      m._all_weights.push(names);
    }
  }
}
