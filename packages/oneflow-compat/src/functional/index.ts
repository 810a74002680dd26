/**
 * `oneflow.nn.functional`: torch-compat's functional ops (OneFlow's are "consistent with
 * PyTorch") whose tensor results come back as oneflow Tensors.
 *
 * @example
 * ```ts
 * flow.nn.functional.relu(flow.tensor([-1.0, 2.0])); // tensor([0., 2.], dtype=oneflow.float32)
 * ```
 */
import * as TF from '@nncompat/torch-compat/nn/functional';
import { flowFn } from '../tensor/tensor.js';

type Namespace = typeof TF;

function wrapAll(ns: Namespace): Namespace {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(ns)) out[k] = typeof v === 'function' ? flowFn(v as (...a: never[]) => unknown) : v;
  return Object.freeze(out) as unknown as Namespace;
}

/** The functional namespace (`oneflow.nn.functional`). */
export const functional: Namespace = wrapAll(TF);
