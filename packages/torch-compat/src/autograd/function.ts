/**
 * `torch.autograd.Function`: custom differentiable operations with a hand-written backward,
 * following THPFunction_apply (forward under no_grad, outputs wrapped with the ctx node as
 * grad_fn, saved tensors version-checked) and PyNode::apply (backward's gradients validated).
 */
import { is_grad_enabled, NotImplementedError, no_grad, Tensor } from '@nncompat/core';
import { FunctionCtx } from './ctx.js';
import { wrapOutputs } from './wrap.js';

/** The arguments of a Function class's `forward` after `ctx`. */
export type ForwardArgs<F> = F extends (ctx: never, ...args: infer A) => unknown ? A : never;

/** A subclass of {@link Function}, as `apply` sees it (its static side). */
export interface FunctionClass {
  readonly name: string;
  forward(...args: never[]): unknown;
  backward(...args: never[]): unknown;
  setup_context(...args: never[]): unknown;
  vjp(...args: never[]): unknown;
}

/**
 * Base class of custom autograd functions: subclasses define static `forward(ctx, ...args)` and
 * `backward(ctx, ...grads)` (one gradient per forward argument, null for non-tensors and for
 * inputs that need none) and are called with `Fn.apply(...args)`. The 2.x style is supported
 * too: `forward(...args)` without ctx plus `setup_context(ctx, inputs, output)`.
 *
 * @example
 * class MulConst extends torch.autograd.Function {
 *   static override forward(ctx: torch.autograd.FunctionCtx, x: torch.Tensor, k: number) {
 *     ctx.k = k;
 *     return x.mul(k);
 *   }
 *   static override backward(ctx: torch.autograd.FunctionCtx, g: torch.Tensor) {
 *     return [g.mul(ctx.k as number), null];
 *   }
 * }
 * const y = MulConst.apply(x, 3); // y.grad_fn.name() === 'MulConstBackward'
 */
export class Function {
  /** `forward(ctx, *args)`: computes the outputs (runs under no_grad). */
  static forward(...args: unknown[]): unknown {
    void args;
    throw new NotImplementedError('You must implement the forward function for custom autograd.Function.');
  }
  /** `backward(ctx, *grad_outputs)`: one gradient per forward input. */
  static backward(...args: unknown[]): unknown {
    void args;
    throw new NotImplementedError('You must implement either the backward or vjp method for your custom autograd.Function to use it with backward mode AD.');
  }
  /** `vjp`: another name for `backward` (implement one of them). */
  static vjp(...args: unknown[]): unknown {
    return Function.backward(...args);
  }
  /** 2.x `setup_context(ctx, inputs, output)`: when defined, `forward` takes no ctx. */
  static setup_context(...args: unknown[]): unknown {
    void args;
    throw new NotImplementedError('setup_context is not implemented.');
  }

  /**
   * `Fn.apply(*args)`: runs forward and records a `<Fn>Backward` node on its tensor outputs
   * when grad mode is on and a tensor argument requires grad.
   */
  static apply<C extends FunctionClass>(this: C, ...args: ApplyArgs<C>): ApplyResult<C> {
    return applyFunction(this, args as unknown[]) as ApplyResult<C>;
  }
}

/** `Fn.apply`'s arguments: forward's without ctx (all of them when setup_context is overridden). */
export type ApplyArgs<C extends FunctionClass> = Parameters<C['setup_context']> extends [FunctionCtx, ...unknown[]]
  ? Parameters<C['forward']>
  : ForwardArgs<C['forward']>;
/** `Fn.apply`'s result: what forward returns. */
export type ApplyResult<C extends FunctionClass> = ReturnType<C['forward']>;

type Call = (...args: unknown[]) => unknown;

function applyFunction(cls: FunctionClass, args: unknown[]): unknown {
  const ctx = new FunctionCtx(`${cls.name}Backward`);
  const tensorInputs = args.filter((a): a is Tensor => a instanceof Tensor);
  ctx.needs_input_grad = args.map((a) => a instanceof Tensor && a.requires_grad);
  const executable = is_grad_enabled() && tensorInputs.some((t) => t.requires_grad);
  // Edges are taken before forward runs: mark_dirty rebases an input's history onto ctx.
  const edges = executable ? tensorInputs.map((t) => (t.requires_grad ? ([t._gradEdgeNode(), t._output_nr] as const) : ([null, 0] as const))) : [];
  const setup = cls.setup_context as Call;
  const raw = no_grad(() => {
    if (setup === (Function.setup_context as Call)) return (cls.forward as Call)(ctx, ...args);
    const out = (cls.forward as Call)(...args);
    setup(ctx, args, out);
    return out;
  });
  const isTuple = Array.isArray(raw);
  const outs: unknown[] = isTuple ? [...(raw as unknown[])] : [raw];
  const wrapped = wrapOutputs(ctx, tensorInputs, outs, executable);
  if (executable) {
    ctx.next_functions = edges;
    const backwardFn = cls.backward as Call;
    const vjpFn = cls.vjp as Call;
    ctx._spec = {
      run: (c, grads) => {
        if (backwardFn !== Function.backward && vjpFn !== Function.vjp) {
          throw new Error("Implementing both 'backward' and 'vjp' for a custom Function is not allowed. You should only implement one of them.");
        }
        return (vjpFn !== Function.vjp ? vjpFn : backwardFn)(c, ...grads);
      },
      isTensorInput: args.map((a) => a instanceof Tensor),
      inputMeta: tensorInputs.map((t) => ({ shape: t.shape, dtype: t.dtype })),
      outputMeta: wrapped.map((o) => (o instanceof Tensor ? { shape: o.shape, dtype: o.dtype, backend: o.backend } : null)),
    };
  }
  ctx._saveVariables(wrapped);
  return isTuple ? wrapped : wrapped[0];
}
