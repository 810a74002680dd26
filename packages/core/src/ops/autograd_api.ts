/** `tensor.backward`, `autograd.grad`, `item`, `tolist`. */
import { runBackward } from '../autograd/engine.js';
import { RuntimeError } from '../errors.js';
import { bfloat16ToFloat, halfToFloat } from '../half.js';
import { Tensor } from '../tensor/tensor.js';
import { ones_like } from './creation.js';

/** A nested list of numbers/booleans, as `tensor.tolist()` returns. */
export type NestedList = number | boolean | NestedList[];

declare module '../tensor/tensor.js' {
  interface Tensor {
    /** `tensor.backward(gradient=None, retain_graph=None, create_graph=False, inputs=None)`. */
    backward(gradient?: Tensor | null, retain_graph?: boolean | null, create_graph?: boolean, inputs?: readonly Tensor[] | null): void;
    /** `tensor.item()`: the one value as a number (boolean for bool tensors). */
    item(): number | boolean;
    /** `tensor.tolist()`. */
    tolist(): NestedList;
  }
}

function defaultGrad(t: Tensor): Tensor {
  if (t.numel() !== 1) throw new RuntimeError('grad can be implicitly created only for scalar outputs');
  return ones_like(t);
}

Tensor.prototype.backward = function (this: Tensor, gradient = null, retain_graph = null, create_graph = false, inputs = null) {
  if (!this.requires_grad) {
    throw new RuntimeError('element 0 of tensors does not require grad and does not have a grad_fn');
  }
  const g = gradient ?? defaultGrad(this);
  if (g.shape.length !== this.shape.length || g.shape.some((s, i) => s !== this.shape[i])) {
    throw new RuntimeError(`Mismatch in shape: grad_output[0] has a shape of [${g.shape.join(', ')}] and output[0] has a shape of [${this.shape.join(', ')}].`);
  }
  runBackward([this], [g], {
    retain_graph: retain_graph ?? create_graph,
    create_graph,
    ...(inputs ? { accumulateOnly: inputs } : {}),
  });
};

/** Options of `autograd.grad`. */
export interface GradOptions {
  grad_outputs?: readonly (Tensor | null)[] | Tensor | null;
  retain_graph?: boolean | null;
  create_graph?: boolean;
  allow_unused?: boolean;
}

/**
 * `torch.autograd.grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False, allow_unused=False)`.
 *
 * @example
 * const [dx] = grad([x.pow(2).sum()], [x]);
 */
export function grad(outputs: Tensor | readonly Tensor[], inputs: Tensor | readonly Tensor[], opts: GradOptions = {}): (Tensor | null)[] {
  const outs = outputs instanceof Tensor ? [outputs] : [...outputs];
  const ins = inputs instanceof Tensor ? [inputs] : [...inputs];
  const go = opts.grad_outputs == null ? [] : opts.grad_outputs instanceof Tensor ? [opts.grad_outputs] : [...opts.grad_outputs];
  outs.forEach((o, i) => {
    if (!o.requires_grad) throw new RuntimeError(`element ${i} of tensors does not require grad and does not have a grad_fn`);
  });
  ins.forEach((t, i) => {
    if (!t.requires_grad) throw new RuntimeError(`One of the differentiated Tensors does not require grad`);
    void i;
  });
  const grads = outs.map((o, i) => go[i] ?? defaultGrad(o));
  const create = opts.create_graph ?? false;
  const r = runBackward(outs, grads, { retain_graph: opts.retain_graph ?? create, create_graph: create, captureInputs: ins });
  r.forEach((g, i) => {
    if (!g && !opts.allow_unused) {
      throw new RuntimeError(
        'One of the differentiated Tensors appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.',
      );
    }
    void i;
  });
  return r;
}

function hostNumbers(t: Tensor): ArrayLike<number> {
  const d = t.dataSync();
  if (t.dtype.name === 'float16' || t.dtype.name === 'bfloat16') {
    const f = t.dtype.name === 'float16' ? halfToFloat : bfloat16ToFloat;
    return Array.from(d as Uint16Array, f);
  }
  return d;
}

Tensor.prototype.item = function (this: Tensor) {
  if (this.numel() !== 1) {
    throw new RuntimeError(`a Tensor with ${this.numel()} elements cannot be converted to Scalar`);
  }
  const v = hostNumbers(this)[0]!;
  return this.dtype.name === 'bool' ? v !== 0 : v;
};

Tensor.prototype.tolist = function (this: Tensor) {
  const vals = hostNumbers(this);
  const isBool = this.dtype.name === 'bool';
  let i = 0;
  const build = (d: number): NestedList => {
    if (d === this.dim()) {
      const v = vals[i++]!;
      return isBool ? v !== 0 : v;
    }
    const r: NestedList[] = [];
    for (let k = 0; k < this.shape[d]!; k++) r.push(build(d + 1));
    return r;
  };
  return build(0);
};
