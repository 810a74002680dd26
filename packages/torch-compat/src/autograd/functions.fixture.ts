// The custom Functions of tooling/goldens/gen_autograd.py, written in TypeScript (test helper).
import type { Tensor } from '@nncompat/core';
import { Function, type FunctionCtx } from './function_module.js';

export class Exp extends Function {
  static override forward(ctx: FunctionCtx, x: Tensor): Tensor {
    const r = x.exp();
    ctx.save_for_backward(r);
    return r;
  }
  static override backward(ctx: FunctionCtx, g: Tensor): Tensor {
    return g.mul(ctx.saved_tensors[0]!);
  }
}

/** A non-tensor argument and a non-differentiable second output. */
export class ScaleAndSign extends Function {
  static override forward(ctx: FunctionCtx, x: Tensor, k: number): [Tensor, Tensor] {
    ctx.k = k;
    const sign = x.gt(0).to(x.dtype);
    ctx.mark_non_differentiable(sign);
    return [x.mul(k), sign];
  }
  static override backward(ctx: FunctionCtx, g: Tensor): [Tensor, null] {
    return [g.mul(ctx.k as number), null];
  }
}

/** backward returns null for its second input. */
export class MulFirstOnly extends Function {
  static override forward(ctx: FunctionCtx, a: Tensor, b: Tensor): Tensor {
    ctx.save_for_backward(b);
    return a.mul(b);
  }
  static override backward(ctx: FunctionCtx, g: Tensor): [Tensor, null] {
    return [g.mul(ctx.saved_tensors[0]!), null];
  }
}

export class WrongCount extends Function {
  static override forward(_ctx: FunctionCtx, a: Tensor, b: Tensor): Tensor {
    return a.add(b);
  }
  static override backward(_ctx: FunctionCtx, g: Tensor): Tensor {
    return g;
  }
}

export class GradForNonTensor extends Function {
  static override forward(_ctx: FunctionCtx, a: Tensor, k: number): Tensor {
    return a.mul(k);
  }
  static override backward(_ctx: FunctionCtx, g: Tensor): [Tensor, Tensor] {
    return [g, g];
  }
}

export class BadShape extends Function {
  static override forward(_ctx: FunctionCtx, a: Tensor): Tensor {
    return a.mul(2);
  }
  static override backward(_ctx: FunctionCtx, g: Tensor): Tensor {
    return g.new_ones(4);
  }
}

/** A gradient broadcastable to the input's shape is summed down by the engine. */
export class Broadcasting extends Function {
  static override forward(_ctx: FunctionCtx, a: Tensor): Tensor {
    return a.mul(2);
  }
  static override backward(_ctx: FunctionCtx, g: Tensor): Tensor {
    return g.expand(2, 3).mul(2);
  }
}

export class NeedsInputGrad extends Function {
  static seen: readonly boolean[] = [];
  static override forward(ctx: FunctionCtx, a: Tensor, b: Tensor, k: number): Tensor {
    NeedsInputGrad.seen = [...ctx.needs_input_grad];
    return a.mul(b).mul(k);
  }
  static override backward(_ctx: FunctionCtx, g: Tensor): [Tensor, Tensor, null] {
    return [g, g, null];
  }
}

/** set_materialize_grads(false): the unused output's gradient arrives as null. */
export class TwoOutputs extends Function {
  static seen: boolean[] = [];
  static override forward(ctx: FunctionCtx, a: Tensor, materialize: boolean): [Tensor, Tensor] {
    ctx.set_materialize_grads(materialize);
    return [a.mul(2), a.mul(3)];
  }
  static override backward(_ctx: FunctionCtx, g1: Tensor | null, g2: Tensor | null): [Tensor | null, null] {
    TwoOutputs.seen = [g1 === null, g2 === null];
    return [g1 ? g1.mul(2) : null, null];
  }
}

export class AddOneInPlace extends Function {
  static override forward(ctx: FunctionCtx, a: Tensor): Tensor {
    a.add_(1);
    ctx.mark_dirty(a);
    return a;
  }
  static override backward(_ctx: FunctionCtx, g: Tensor): Tensor {
    return g;
  }
}

export class Identity extends Function {
  static override forward(_ctx: FunctionCtx, a: Tensor): Tensor {
    return a;
  }
  static override backward(_ctx: FunctionCtx, g: Tensor): Tensor {
    return g.mul(1);
  }
}

export class SaveInt extends Function {
  static override forward(ctx: FunctionCtx, a: Tensor): Tensor {
    // A number where a tensor belongs: what an untyped caller can do.
    (ctx.save_for_backward as (...v: unknown[]) => void)(a, 3);
    return a.mul(2);
  }
}
