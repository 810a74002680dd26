/**
 * The context of a custom `torch.autograd.Function`: in PyTorch the `ctx` passed to `forward`
 * is the very graph node its outputs get as `grad_fn` (class `<Name>Backward`), so
 * `y.grad_fn.saved_tensors` works; here likewise.
 */
import { Node, RuntimeError, SavedTensor, save, Tensor, zeros } from '@nncompat/core';
import { pyTypeName } from '../functional/pyargs.js';

/** Shape, dtype and backend of an output (metadata only, so the graph does not keep it alive). */
export interface OutputMeta {
  readonly shape: readonly number[];
  readonly dtype: Tensor['dtype'];
  readonly backend: string;
}

/** What a custom Function's `backward` runs with, set up by `Function.apply`. */
export interface BackwardSpec {
  /** `(ctx, ...grads) => grads per forward input`: the user's backward (or vjp). */
  readonly run: (ctx: FunctionCtx, grads: (Tensor | null)[]) => unknown;
  /** Per forward argument, whether it was a tensor (only those get gradients). */
  readonly isTensorInput: readonly boolean[];
  /** Shape and dtype of each tensor input, to validate returned gradients. */
  readonly inputMeta: readonly { shape: readonly number[]; dtype: Tensor['dtype'] }[];
  /** Per output: its metadata for materialized zero gradients, or null for non-tensor outputs. */
  readonly outputMeta: readonly (OutputMeta | null)[];
}

const BACKWARD_TWICE =
  'Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). ' +
  'Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). ' +
  'Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.';

/**
 * `ctx` of `Function.forward` / `backward` (PyTorch's `BackwardCFunction`, a `FunctionCtx`):
 * `save_for_backward`, `saved_tensors`, `needs_input_grad`, `mark_dirty`,
 * `mark_non_differentiable`, `set_materialize_grads`, plus any attribute a forward stores.
 *
 * @example
 * class Exp extends torch.autograd.Function {
 *   static override forward(ctx: torch.autograd.FunctionCtx, x: torch.Tensor) {
 *     const r = x.exp();
 *     ctx.save_for_backward(r);
 *     return r;
 *   }
 *   static override backward(ctx: torch.autograd.FunctionCtx, g: torch.Tensor) {
 *     return g.mul(ctx.saved_tensors[0]!);
 *   }
 * }
 */
export class FunctionCtx extends Node {
  /** Arbitrary attributes a forward stores for its backward (`ctx.k = k`). */
  [attr: string]: unknown;
  /** Per forward argument: whether it is a tensor that requires grad. */
  needs_input_grad: readonly boolean[] = [];
  /** @internal Tensors given to `save_for_backward` (null entries for `None`) until forward ends. */
  _to_save: readonly (Tensor | null)[] | null = null;
  /** @internal */
  _dirty: readonly Tensor[] = [];
  /** @internal */
  _non_differentiable: readonly Tensor[] = [];
  /** @internal Whether missing output gradients become zeros (PyTorch's default) or stay null. */
  _materialize_grads = true;
  /** @internal */
  _saved: (SavedTensor | null)[] = [];
  /** @internal */
  _freed = false;
  /** @internal Set once forward finished and the outputs were wrapped. */
  _spec: BackwardSpec | null = null;

  constructor(private readonly _nodeName: string) {
    super();
  }
  name(): string {
    return this._nodeName;
  }
  get num_outputs(): number {
    return this._spec?.outputMeta.length ?? 0;
  }

  /** `ctx.save_for_backward(*tensors)`: tensors (or null) for backward, checked for in-place changes. */
  save_for_backward(...tensors: (Tensor | null)[]): void {
    tensors.forEach((t, i) => {
      if (t !== null && !(t instanceof Tensor)) {
        throw new TypeError(`save_for_backward can only save variables, but argument ${i} is of type ${pyTypeName(t)}`);
      }
    });
    this._to_save = tensors;
  }
  /** `ctx.mark_dirty(*tensors)`: inputs that forward modified in place. */
  mark_dirty(...tensors: Tensor[]): void {
    this._dirty = tensors;
  }
  /** `ctx.mark_non_differentiable(*tensors)`: outputs that get no gradient (and never require grad). */
  mark_non_differentiable(...tensors: Tensor[]): void {
    this._non_differentiable = tensors;
  }
  /** `ctx.set_materialize_grads(value)`: whether backward sees zeros (true) or null for unused outputs. */
  set_materialize_grads(value: boolean): void {
    this._materialize_grads = value;
  }

  /** `ctx.saved_tensors`: the saved tensors, after checking none was modified in place or freed. */
  get saved_tensors(): (Tensor | null)[] {
    if (this._freed) throw new RuntimeError(BACKWARD_TWICE);
    return this._saved.map((s) => (s ? s.unpack() : null));
  }

  /** @internal Saves `_to_save` once outputs are wrapped (outputs are saved as outputs of this node). */
  _saveVariables(outputs: readonly unknown[]): void {
    this._saved = (this._to_save ?? []).map((t) => {
      if (!t) return null;
      const nr = outputs.indexOf(t);
      const sv = save(t, nr >= 0);
      if (nr >= 0) sv._setProducer(this, nr);
      return sv;
    });
    this._to_save = null;
  }

  apply(gradOutputs: (Tensor | null)[]): (Tensor | null)[] {
    const spec = this._spec!;
    const gs = gradOutputs.map((g, i) => {
      const m = spec.outputMeta[i];
      return g ?? (this._materialize_grads && m ? zerosLike(m) : null);
    });
    return validate(this, spec, spec.run(this, gs));
  }
  override release(): void {
    for (const s of this._saved) s?.release();
    this._freed = true;
  }
}

function zerosLike(m: OutputMeta): Tensor {
  return zeros([...m.shape], { dtype: m.dtype, device: m.backend });
}

const isExpandableTo = (shape: readonly number[], target: readonly number[]): boolean =>
  shape.length <= target.length && shape.every((s, i) => s === 1 || s === target[target.length - shape.length + i]);

/**
 * PyNode::apply's checks of what backward returned, then the engine's validate_outputs: one
 * gradient per forward input (trailing extra nulls dropped), null for non-tensors, shapes
 * summed down when broadcastable, dtypes cast to the input's.
 */
function validate(node: FunctionCtx, spec: BackwardSpec, returned: unknown): (Tensor | null)[] {
  let r: unknown[] = Array.isArray(returned) ? [...(returned as unknown[])] : [returned];
  const n = spec.isTensorInput.length;
  if (r.length > n && r.slice(n).every((g) => g === null || g === undefined)) r = r.slice(0, n);
  if (r.length !== n) throw new RuntimeError(`function ${node.name()} returned an incorrect number of gradients (expected ${n}, got ${r.length})`);
  const out: (Tensor | null)[] = [];
  r.forEach((g, i) => {
    if (!spec.isTensorInput[i]) {
      if (g !== null && g !== undefined) {
        throw new RuntimeError(`function ${node.name()} returned a gradient different than None at position ${i + 1}, but the corresponding forward input was not a Variable`);
      }
      return;
    }
    if (g === null || g === undefined) return void out.push(null);
    if (!(g instanceof Tensor)) throw new RuntimeError(`expected Variable or None (got ${pyTypeName(g)})`);
    out.push(g);
  });
  return out.map((g, i) => {
    const m = spec.inputMeta[i]!;
    if (!g || !node.next_functions[i]?.[0]) return g;
    let v = g;
    if (!sameShape(v.shape, m.shape)) {
      if (!isExpandableTo(m.shape, v.shape)) {
        throw new RuntimeError(`Function ${node.name()} returned an invalid gradient at index ${i} - got [${v.shape.join(', ')}] but expected shape compatible with [${m.shape.join(', ')}]`);
      }
      v = v.sum_to_size(...m.shape);
    }
    return v.dtype === m.dtype ? v : v.to(m.dtype);
  });
}

const sameShape = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((s, i) => s === b[i]);
