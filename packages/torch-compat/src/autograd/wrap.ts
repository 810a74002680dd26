/**
 * `_wrap_outputs` / set_history of custom_function.cpp: how each tensor a custom Function's
 * forward returned joins the graph.
 */
import { RuntimeError, Tensor } from '@nncompat/core';
import type { FunctionCtx } from './ctx.js';

/**
 * Returns the outputs as the caller sees them. Differentiable outputs get `ctx` as grad_fn (an
 * input returned unchanged comes back as a new alias, so the input keeps its own history);
 * non-differentiable ones (marked, non-float, or no grad recorded) never require grad.
 */
export function wrapOutputs(ctx: FunctionCtx, inputs: readonly Tensor[], outs: readonly unknown[], executable: boolean): unknown[] {
  const isInput = (t: Tensor): boolean => inputs.includes(t);
  return outs.map((o, nr) => {
    if (!(o instanceof Tensor)) return o;
    const modified = ctx._dirty.includes(o);
    const differentiable = executable && !ctx._non_differentiable.includes(o) && o.dtype.is_floating_point;
    if (!differentiable) {
      if (!o.requires_grad) return isInput(o) && !modified ? o.detach() : o;
      // Detached aliases of inputs, rather than changing the input's requires_grad.
      if (isInput(o)) return o.detach();
      return o.detach_();
    }
    let v = o;
    if (modified) {
      if (o.is_leaf && o.requires_grad) throw new RuntimeError('a leaf Variable that requires grad has been used in an in-place operation.');
    } else if (isInput(o)) {
      v = o.detach();
    }
    v._grad_fn = ctx;
    v._output_nr = nr;
    v._requires_grad = true;
    return v;
  });
}
