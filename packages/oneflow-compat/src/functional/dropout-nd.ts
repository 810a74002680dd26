/**
 * `oneflow.nn.functional.dropout1d` / `dropout2d` (OneFlow 1.0's `Dropout1dFunctor` /
 * `Dropout2dFunctor`: `(input, p=0.5, training=True)`), which torch-compat's functional
 * namespace does not have: the channel masks of torch-compat's `nn.Dropout1d` / `nn.Dropout2d`
 * (the same checks, warnings and generator draws as OneFlow's functors).
 */
import { ValueError } from '@nncompat/core';
import { Dropout1d, Dropout2d } from '@nncompat/torch-compat/nn';
import { asFlow, type Tensor } from '../tensor/tensor.js';
import type { Tensor as CoreTensor } from '@nncompat/core';

/** Keyword form of the dropout1d / dropout2d arguments. */
export interface DropoutNdOptions {
  p?: number;
  training?: boolean;
}

function run(Cls: typeof Dropout1d | typeof Dropout2d, input: CoreTensor, p: number | DropoutNdOptions, training: boolean): Tensor {
  const o = typeof p === 'object' ? { p: p.p ?? 0.5, training: p.training ?? true } : { p, training };
  if (o.p < 0 || o.p > 1) throw new ValueError(`dropout probability has to be between 0 and 1, but got ${o.p}`);
  const m = new Cls(o.p);
  m.train(o.training);
  return asFlow(m(input)) as Tensor;
}

/**
 * `oneflow.nn.functional.dropout1d(input, p=0.5, training=True)`: zeroes whole channels of
 * `(N, C, L)` or `(C, L)` input, scaling the rest by `1/(1-p)`.
 *
 * @example
 * ```ts
 * flow.nn.functional.dropout1d(flow.randn(2, 4, 8), 0.5);
 * ```
 */
export function dropout1d(input: CoreTensor, p: number | DropoutNdOptions = 0.5, training = true): Tensor {
  return run(Dropout1d, input, p, training);
}

/**
 * `oneflow.nn.functional.dropout2d(input, p=0.5, training=True)`: zeroes whole channels of
 * `(N, C, H, W)` (or, with a warning, `(N, C, L)`) input.
 *
 * @example
 * ```ts
 * flow.nn.functional.dropout2d(flow.randn(2, 4, 3, 3), { p: 0.2 });
 * ```
 */
export function dropout2d(input: CoreTensor, p: number | DropoutNdOptions = 0.5, training = true): Tensor {
  return run(Dropout2d, input, p, training);
}
