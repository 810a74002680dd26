/**
 * `oneflow.nn.functional`: torch-compat's functional ops (OneFlow's are "consistent with
 * PyTorch") whose tensor results come back as oneflow Tensors, with OneFlow's own `dropout1d` /
 * `dropout2d` (OneFlow 1.0's functors) in place of torch-compat's.
 *
 * @example
 * ```ts
 * flow.nn.functional.relu(flow.tensor([-1.0, 2.0])); // tensor([0., 2.], dtype=oneflow.float32)
 * ```
 */
import * as TF from '@nncompat/torch-compat/nn/functional';
import { flowFn } from '../tensor/tensor.js';
import { dropout1d, dropout2d } from './dropout-nd.js';

export type { DropoutNdOptions } from './dropout-nd.js';

/** torch-compat's functional namespace with OneFlow's own entries replacing its same-named ones. */
type Namespace = Omit<typeof TF, 'dropout1d' | 'dropout2d'> & { readonly dropout1d: typeof dropout1d; readonly dropout2d: typeof dropout2d };

function wrapAll(ns: typeof TF): Namespace {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(ns)) out[k] = typeof v === 'function' ? flowFn(v as (...a: never[]) => unknown) : v;
  out.dropout1d = dropout1d;
  out.dropout2d = dropout2d;
  return Object.freeze(out) as unknown as Namespace;
}

/** The functional namespace (`oneflow.nn.functional`). */
export const functional: Namespace = wrapAll(TF);
