/**
 * `torch.autograd.grad` and `torch.autograd.backward` with PyTorch's signatures, argument
 * binding and errors, on core's engine (`grad` for captured gradients, `Tensor.backward` for
 * accumulation into leaves).
 */
import { grad as coreGrad, Node, RuntimeError, stack, Tensor, ValueError, ones_like, zeros, zeros_like } from '@nncompat/core';
import { bindArgs, p, type Param, type PyArgs } from '../functional/pyargs.js';
import { warn } from '../utils/warn.js';

/** A tensor or a sequence of them (`_TensorOrTensors`). */
export type TensorOrTensors = Tensor | readonly Tensor[];
/** Gradients given per output: a tensor, or a sequence with `null` for "implicit". */
export type GradTensors = Tensor | readonly (Tensor | null)[];

/** Keyword arguments of {@link grad}. */
export interface GradOptions {
  grad_outputs?: GradTensors | null;
  retain_graph?: boolean | null;
  create_graph?: boolean;
  only_inputs?: boolean;
  allow_unused?: boolean | null;
  is_grads_batched?: boolean;
  materialize_grads?: boolean;
}

/** Keyword arguments of {@link backward}. */
export interface BackwardOptions {
  grad_tensors?: GradTensors | null;
  retain_graph?: boolean | null;
  create_graph?: boolean;
  grad_variables?: GradTensors | null;
  inputs?: TensorOrTensors | null;
}

const isTensors = (v: unknown): boolean => v instanceof Tensor || (Array.isArray(v) && v.every((t) => t instanceof Tensor));
const isGrads = (v: unknown): boolean => v === null || v instanceof Tensor || (Array.isArray(v) && v.every((t) => t === null || t instanceof Tensor));
const tensors = (name: string): Param => ({ name, type: 'tuple of Tensors', ok: isTensors });
const optTensors = (name: string): Param => ({ name, type: 'tuple of Tensors', ok: (v) => v === null || isTensors(v) });
const grads = (name: string): Param => ({ name, type: 'tuple of Tensors', ok: isGrads });

const GRAD_PARAMS = [
  grads('grad_outputs'), p.optBool('retain_graph'), p.bool('create_graph'), p.bool('only_inputs'),
  p.optBool('allow_unused'), p.bool('is_grads_batched'),
];
// materialize_grads is PyTorch 2.1's (1.13 lacks it): positional after is_grads_batched there too.
const GRAD_PARAMS_21 = [...GRAD_PARAMS, p.bool('materialize_grads')];
const BACKWARD_PARAMS = [grads('grad_tensors'), p.optBool('retain_graph'), p.bool('create_graph'), grads('grad_variables'), optTensors('inputs')];

function asList<T extends Tensor | null>(v: Tensor | readonly T[]): (Tensor | T)[] {
  return v instanceof Tensor ? [v] : [...v];
}

/** `str(torch.Size(shape))`, as `_make_grads` prints shapes. */
function sizeStr(shape: readonly number[]): string {
  return `torch.Size([${shape.join(', ')}])`;
}

const sameShape = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((s, i) => s === b[i]);

/**
 * `_make_grads`: the gradient each output starts with. A missing one is ones for a scalar
 * output; a given one must match the output's shape (after the batch dim when batched) and is
 * cast to the output's dtype, as the engine's root validation does.
 */
function makeGrads(outs: readonly Tensor[], given: readonly (Tensor | null)[], batched: boolean): Tensor[] {
  if (given.length !== outs.length) throw new RuntimeError(`got ${outs.length} tensors and ${given.length} gradients`);
  return outs.map((out, i) => {
    const g = given[i];
    if (!g) {
      if (out.requires_grad && out.numel() !== 1) throw new RuntimeError('grad can be implicitly created only for scalar outputs');
      return ones_like(out);
    }
    const shape = batched ? g.shape.slice(1) : g.shape;
    if (!sameShape(shape, out.shape)) {
      if (batched) {
        // PyTorch slices the batch dim twice here (`_calculate_shape` on `grad[0]`), so the
        // printed grad shape drops two dims; kept for identical text.
        throw new RuntimeError(
          'If `is_grads_batched=True`, we interpret the first dimension of each grad_output as the batch dimension. ' +
            'The sizes of the remaining dimensions are expected to match the shape of corresponding output, but a mismatch ' +
            `was detected: grad_output[${i}] has a shape of ${sizeStr(g.shape.slice(2))} and output[${i}] has a shape of ${sizeStr(out.shape)}. ` +
            'If you only want some tensors in `grad_output` to be considered batched, consider using vmap.',
        );
      }
      throw new RuntimeError(`Mismatch in shape: grad_output[${i}] has a shape of ${sizeStr(g.shape)} and output[${i}] has a shape of ${sizeStr(out.shape)}.`);
    }
    return g.dtype === out.dtype ? g : g.to(out.dtype);
  });
}

function checkOutputs(outs: readonly Tensor[]): void {
  outs.forEach((o, i) => {
    if (!o.requires_grad) throw new RuntimeError(`element ${i} of tensors does not require grad and does not have a grad_fn`);
  });
}

/**
 * `torch.autograd.grad(outputs, inputs, grad_outputs=None, retain_graph=None,
 * create_graph=False, only_inputs=True, allow_unused=None, is_grads_batched=False,
 * materialize_grads=False)`: the gradients of `outputs` with respect to `inputs`, without
 * touching any `.grad`. With `create_graph` the result is itself differentiable (higher-order
 * derivatives). `is_grads_batched` runs one backward pass per batch entry (what vmap's fallback
 * computes) and stacks them.
 *
 * @example
 * const x = torch.tensor([1, 2], { requires_grad: true });
 * const [dx] = torch.autograd.grad(x.pow(3).sum(), x, { create_graph: true });
 * const [d2x] = torch.autograd.grad(dx!.sum(), x); // 6x
 */
export function grad(
  outputs: TensorOrTensors,
  inputs: TensorOrTensors,
  ...args: PyArgs<[GradTensors | null, boolean | null, boolean, boolean, boolean | null, boolean, boolean], GradOptions>
): (Tensor | null)[] {
  const o = bindArgs<GradOptions>('grad', 2, GRAD_PARAMS_21, args);
  const materialize = o.materialize_grads ?? false;
  if (materialize && o.allow_unused === false) {
    throw new ValueError('Expected allow_unused to be True or not passed when materialize_grads=True, but got: allow_unused=False.');
  }
  const allowUnused = o.allow_unused ?? materialize;
  const outs = asList(outputs);
  const ins = asList(inputs);
  if (o.only_inputs === false) {
    warn('only_inputs argument is deprecated and is ignored now (defaults to True). To accumulate gradient for other parts of the graph, please use torch.autograd.backward.');
  }
  if (ins.length === 0) throw new ValueError('grad requires non-empty inputs.');
  const batched = o.is_grads_batched ?? false;
  const given = o.grad_outputs == null ? outs.map(() => null) : asList<Tensor | null>(o.grad_outputs);
  const gs = makeGrads(outs, given, batched);
  checkOutputs(outs);
  ins.forEach((t) => {
    if (!t.requires_grad) throw new RuntimeError('One of the differentiated Tensors does not require grad');
  });
  const create = o.create_graph ?? false;
  const retain = o.retain_graph ?? create;
  const run = (g: Tensor[], keep: boolean): (Tensor | null)[] => {
    const r = coreGrad(outs, ins, { grad_outputs: g, retain_graph: keep, create_graph: create, allow_unused: true });
    if (!allowUnused && r.some((x) => !x)) {
      throw new RuntimeError('One of the differentiated Tensors appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.');
    }
    return r;
  };
  let result: (Tensor | null)[];
  if (!batched) {
    result = run(gs, retain);
  } else {
    result = batchedGrad(outs, given, gs, (g, last) => run(g, last ? retain : true));
  }
  if (!materialize) return result;
  // 2.1 materializes zeros that require grad, so they can enter a further grad call.
  return result.map((r, i) => r ?? zeros_like(ins[i]!, { requires_grad: true }));
}

/** One backward pass per batch entry of the batched grad_outputs, results stacked on dim 0. */
function batchedGrad(
  outs: readonly Tensor[],
  given: readonly (Tensor | null)[],
  gs: readonly Tensor[],
  run: (g: Tensor[], last: boolean) => (Tensor | null)[],
): (Tensor | null)[] {
  const n = given.find((g): g is Tensor => g !== null)?.shape[0] ?? 1;
  const per: (Tensor | null)[][] = [];
  for (let b = 0; b < n; b++) per.push(run(outs.map((_, i) => (given[i] ? gs[i]!.select(0, b) : gs[i]!)), b === n - 1));
  return per[0]!.map((first, i) => (first ? stack(per.map((r) => r[i]!)) : null));
}

/** The engine's root when several tensors are differentiated at once (PyTorch's GraphRoot). */
class GraphRoot extends Node {
  constructor(
    roots: readonly Tensor[],
    private grads: Tensor[] | null,
  ) {
    super();
    this.next_functions = roots.map((t) => [t._gradEdgeNode(), t._output_nr] as const);
  }
  name(): string {
    return 'GraphRoot';
  }
  get num_outputs(): number {
    return 1;
  }
  apply(): (Tensor | null)[] {
    return this.grads ?? [];
  }
  override release(): void {
    this.grads = null;
  }
}

/**
 * `torch.autograd.backward(tensors, grad_tensors=None, retain_graph=None, create_graph=False,
 * grad_variables=None, inputs=None)`: accumulates the gradients of `tensors` into the `.grad` of
 * the graph's leaves (or only of `inputs`).
 *
 * @example
 * const x = torch.tensor([1, 2], { requires_grad: true });
 * torch.autograd.backward([x.mul(2).sum(), x.pow(2).sum()]);
 * x.grad!.tolist(); // [4, 6]
 */
export function backward(
  tensors: TensorOrTensors,
  ...args: PyArgs<[GradTensors | null, boolean | null, boolean, GradTensors | null, TensorOrTensors | null], BackwardOptions>
): void {
  const o = bindArgs<BackwardOptions>('backward', 1, BACKWARD_PARAMS, args);
  let gradTensors = o.grad_tensors ?? null;
  if (o.grad_variables != null) {
    warn("'grad_variables' is deprecated. Use 'grad_tensors' instead.");
    if (gradTensors !== null) {
      throw new RuntimeError("'grad_tensors' and 'grad_variables' (deprecated) arguments both passed to backward(). Please only use 'grad_tensors'.");
    }
    gradTensors = o.grad_variables;
  }
  const inputs = o.inputs == null ? null : asList(o.inputs);
  if (inputs && inputs.length === 0) throw new RuntimeError("'inputs' argument to backward() cannot be empty.");
  const outs = asList(tensors);
  const given = gradTensors === null ? outs.map(() => null) : asList<Tensor | null>(gradTensors);
  const gs = makeGrads(outs, given, false);
  checkOutputs(outs);
  const create = o.create_graph ?? false;
  const retain = o.retain_graph ?? create;
  if (outs.length === 1) {
    outs[0]!.backward(gs[0]!, retain, create, inputs);
    return;
  }
  // A scalar whose grad_fn is the root node: its own seed gradient is ignored by the root.
  const seed = zeros([], { dtype: outs[0]!.dtype });
  seed._grad_fn = new GraphRoot(outs, gs);
  seed._requires_grad = true;
  seed.backward(ones_like(seed), retain, create, inputs);
}
