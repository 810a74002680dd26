/** `record`: attaches a backward closure to an op's outputs when any input requires grad. */
import type { Tensor } from '../tensor/tensor.js';
import { is_grad_enabled } from './grad_mode.js';
import { FunctionNode, SavedTensor } from './node.js';

/** Whether an op over `inputs` must record a graph node. */
export function needsGrad(inputs: readonly (Tensor | null | undefined)[]): boolean {
  if (!is_grad_enabled()) return false;
  for (const t of inputs) if (t && t._requires_grad) return true;
  return false;
}

/** Saves a tensor for backward with its version (in-place changes are detected on unpack). */
export function save(t: Tensor, isOutput = false): SavedTensor {
  return new SavedTensor(t, isOutput);
}

/**
 * Records node `name` producing `outputs` from `inputs`. `backward(grads)` returns one gradient
 * per input (null where none); missing output gradients are materialized as zeros, and input
 * gradients are cast to their input's dtype, as PyTorch's engine validates them.
 */
export function record(
  name: string,
  inputs: readonly (Tensor | null | undefined)[],
  outputs: readonly Tensor[],
  backward: (grads: Tensor[]) => (Tensor | null)[],
  saved: readonly SavedTensor[] = [],
): void {
  if (!needsGrad(inputs)) return;
  const outMeta = outputs.map((o) => ({ shape: o.shape, dtype: o.dtype, backend: o.backend }));
  const inMeta = inputs.map((t) => (t ? { dtype: t.dtype, shape: t.shape } : null));
  const node = new FunctionNode(
    name,
    outputs.length,
    (grads) => {
      const full = grads.map((g, i) => g ?? zerosFor(outMeta[i]!));
      const r = backward(full);
      return r.map((g, i) => {
        const m = inMeta[i];
        if (!g || !m) return null;
        return g.dtype === m.dtype ? g : g.to(m.dtype);
      });
    },
    [...saved],
  );
  node.next_functions = inputs.map((t) => {
    if (!t || !t._requires_grad) return [null, 0] as const;
    return [t._gradEdgeNode(), t._output_nr] as const;
  });
  for (const sv of saved) {
    if (!sv.isOutput) continue;
    const i = outputs.indexOf(sv._tensor()!);
    if (i >= 0) sv._setProducer(node, i);
  }
  outputs.forEach((o, i) => {
    o._grad_fn = node;
    o._output_nr = i;
    o._requires_grad = o.dtype.is_floating_point;
  });
}

// Set by ops/creation.ts to avoid an import cycle.
let zerosImpl: ((shape: readonly number[], dtype: Tensor['dtype'], backend: string) => Tensor) | null = null;
/** @internal */
export function _setZerosImpl(f: (shape: readonly number[], dtype: Tensor['dtype'], backend: string) => Tensor): void {
  zerosImpl = f;
}
function zerosFor(m: { shape: readonly number[]; dtype: Tensor['dtype']; backend: string }): Tensor {
  return zerosImpl!(m.shape, m.dtype, m.backend);
}
