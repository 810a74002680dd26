/** `autograd.mark_variables` and `autograd.backward` (python/mxnet/autograd.py). */
import { AssertionError } from '@nncompat/core';
import { NDArray, type NDArrayGradReq } from '../ndarray/ndarray.js';

/**
 * `autograd.mark_variables(variables, gradients, grad_reqs='write')`: attaches gradient buffers
 * so `backward` writes (or adds) into them.
 *
 * @example
 * ```ts
 * const x = mx.nd.ones([3]);
 * const g = mx.nd.zeros([3]);
 * mx.autograd.mark_variables([x], [g]);
 * ```
 */
export function mark_variables(
  variables: NDArray | readonly NDArray[], gradients: NDArray | readonly NDArray[], grad_reqs: NDArrayGradReq | readonly NDArrayGradReq[] = 'write',
): void {
  const vs = variables instanceof NDArray ? [variables] : [...variables];
  const gs = gradients instanceof NDArray ? [gradients] : [...gradients];
  const rs = typeof grad_reqs === 'string' ? vs.map(() => grad_reqs) : [...grad_reqs];
  if (vs.length !== gs.length) throw new AssertionError('variables and gradients must have the same length');
  vs.forEach((v, i) => {
    v._ag = { grad: gs[i]!, req: rs[i]! };
    v._fresh_grad = false;
  });
}

/** `autograd.backward(heads, head_grads=None, retain_graph=False)`. */
export function backward(heads: NDArray | readonly NDArray[], head_grads: NDArray | readonly (NDArray | null)[] | null = null, retain_graph = false): void {
  const hs = heads instanceof NDArray ? [heads] : [...heads];
  const gs = head_grads === null ? hs.map(() => null) : head_grads instanceof NDArray ? [head_grads] : [...head_grads];
  hs.forEach((h, i) => h.backward(gs[i] ?? null, retain_graph || i < hs.length - 1));
}
