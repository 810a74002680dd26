/**
 * Autograd graph nodes (PyTorch's `torch.autograd.graph.Node`): each op that needs a gradient
 * records one, with edges to the nodes of its inputs. Backward formulas are closures written
 * with tensor ops, so every backend gets autograd for free.
 */
import { RuntimeError } from '../errors.js';
import type { Tensor } from '../tensor/tensor.js';
import { RemovableHandle } from '../utils/hooks.js';

/** An edge to the node producing input `index`'s gradient. */
export type Edge = readonly [Node | null, number];

/** A gradient hook on a node's outputs (pre-hook) or on its inputs and outputs (post-hook). */
export type NodePreHook = (gradOutputs: (Tensor | null)[]) => (Tensor | null)[] | void | null | undefined;
export type NodePostHook = (gradInputs: (Tensor | null)[], gradOutputs: (Tensor | null)[]) => (Tensor | null)[] | void | null | undefined;
/** A hook on one output's gradient (what `tensor.register_hook` installs on a non-leaf). */
export type TensorGradHook = (grad: Tensor) => Tensor | void | null | undefined;

let nextSequenceNr = 0;

/** Base class of every graph node. */
export abstract class Node {
  /** Creation order; the engine runs ready nodes with higher numbers first, as PyTorch does. */
  readonly sequence_nr: number = nextSequenceNr++;
  /** Edges to the nodes of this node's inputs, in input order. */
  next_functions: Edge[] = [];
  /** Per-output hooks registered through tensors (`register_hook`, `retain_grad`). */
  readonly _tensor_pre_hooks = new Map<number, Map<number, TensorGradHook>>();
  readonly _retains_grad_hooks = new Map<number, TensorGradHook>();
  readonly _pre_hooks = new Map<number, NodePreHook>();
  readonly _hooks = new Map<number, NodePostHook>();
  /** Metadata dict, as `node.metadata` in PyTorch. */
  readonly metadata: Record<string, unknown> = {};

  /** PyTorch's class name of this node, e.g. `AddBackward0`. */
  abstract name(): string;
  /** Number of outputs (gradients flowing in). */
  abstract get num_outputs(): number;
  /** Computes input gradients from output gradients. */
  abstract apply(gradOutputs: (Tensor | null)[]): (Tensor | null)[];
  /** Frees saved tensors (called when `retain_graph` is false). */
  release(): void {}

  /** `node.register_hook(fn)`: runs after the node with `(grad_inputs, grad_outputs)`. */
  register_hook(fn: NodePostHook): RemovableHandle {
    const h = new RemovableHandle(this._hooks);
    this._hooks.set(h.id, fn);
    return h;
  }
  /** `node.register_prehook(fn)`: runs before the node with `grad_outputs`. */
  register_prehook(fn: NodePreHook): RemovableHandle {
    const h = new RemovableHandle(this._pre_hooks);
    this._pre_hooks.set(h.id, fn);
    return h;
  }
  /** Adds a hook for output `outputNr`'s gradient (tensor hooks on non-leaf tensors). */
  _addTensorHook(outputNr: number, fn: TensorGradHook): RemovableHandle {
    let m = this._tensor_pre_hooks.get(outputNr);
    if (!m) this._tensor_pre_hooks.set(outputNr, (m = new Map()));
    const h = new RemovableHandle(m);
    m.set(h.id, fn);
    return h;
  }
  toString(): string {
    return `<${this.name()} object>`;
  }
}

/** A tensor saved for backward, with the version it had, so in-place changes are detected. */
export class SavedTensor {
  private tensor: Tensor | null;
  private readonly version: number;
  /** The node that produced the tensor when it was saved (named in the version error). */
  private producer: { node: Node; nr: number } | null;
  /** True when the tensor is an output of the node saving it (its grad_fn is set afterwards). */
  readonly isOutput: boolean;

  constructor(t: Tensor, isOutput: boolean) {
    this.tensor = t;
    this.version = t._version;
    this.isOutput = isOutput;
    this.producer = t.grad_fn ? { node: t.grad_fn, nr: t._output_nr } : null;
  }
  /** @internal Called by `record` once the output's node exists. */
  _setProducer(node: Node, nr: number): void {
    this.producer = { node, nr };
  }
  /** @internal */
  _tensor(): Tensor | null {
    return this.tensor;
  }
  /** The saved tensor, after checking it was not modified in place or freed. */
  unpack(): Tensor {
    const t = this.tensor;
    if (!t) {
      throw new RuntimeError(
        'Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). ' +
          'Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). ' +
          'Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.',
      );
    }
    if (t._version !== this.version) {
      const gf = this.producer;
      throw new RuntimeError(
        `one of the variables needed for gradient computation has been modified by an inplace operation: [${t._legacyTypeName()} [${t.shape.join(', ')}]]` +
          (gf ? `, which is output ${gf.nr} of ${gf.node.name()},` : '') +
          ` is at version ${t._version}; expected version ${this.version} instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True).`,
      );
    }
    return t;
  }
  release(): void {
    this.tensor = null;
  }
}

/** A node whose backward is a closure over saved tensors (what every core op records). */
export class FunctionNode extends Node {
  private backwardFn: ((grads: (Tensor | null)[]) => (Tensor | null)[]) | null;
  constructor(
    private readonly _name: string,
    private readonly nOutputs: number,
    backwardFn: (grads: (Tensor | null)[]) => (Tensor | null)[],
    private readonly saved: SavedTensor[],
  ) {
    super();
    this.backwardFn = backwardFn;
  }
  name(): string {
    return this._name;
  }
  get num_outputs(): number {
    return this.nOutputs;
  }
  apply(gradOutputs: (Tensor | null)[]): (Tensor | null)[] {
    if (!this.backwardFn) {
      throw new RuntimeError(
        'Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). ' +
          'Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). ' +
          'Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.',
      );
    }
    return this.backwardFn(gradOutputs);
  }
  override release(): void {
    for (const s of this.saved) s.release();
    if (this.saved.length > 0) this.backwardFn = null;
  }
}

/** The sink node of a leaf tensor that requires grad: accumulates into `.grad`. */
export class AccumulateGrad extends Node {
  constructor(readonly variable: Tensor) {
    super();
  }
  name(): string {
    return 'torch::autograd::AccumulateGrad';
  }
  get num_outputs(): number {
    return 1;
  }
  apply(gradOutputs: (Tensor | null)[]): (Tensor | null)[] {
    const g = gradOutputs[0];
    if (g) this.variable._accumulateGrad(g);
    return [];
  }
}
