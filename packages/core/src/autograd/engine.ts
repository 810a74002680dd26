/**
 * The backward engine: walks the graph from the roots in dependency order (ties broken by
 * higher sequence number first, as PyTorch's ready queue does), runs hooks, and either
 * accumulates into leaves (`backward`) or captures gradients of chosen inputs (`grad`).
 */
import { RuntimeError } from '../errors.js';
import type { Tensor } from '../tensor/tensor.js';
import { AccumulateGrad, type Node } from './node.js';
import { set_grad_enabled } from './grad_mode.js';

/** Max-heap on sequence number; AccumulateGrad nodes first, as in PyTorch. */
class ReadyQueue {
  private h: Node[] = [];
  private static prio(n: Node): number {
    return n instanceof AccumulateGrad ? Number.MAX_SAFE_INTEGER : n.sequence_nr;
  }
  get size(): number {
    return this.h.length;
  }
  push(n: Node): void {
    const h = this.h;
    h.push(n);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (ReadyQueue.prio(h[p]!) >= ReadyQueue.prio(h[i]!)) break;
      [h[p], h[i]] = [h[i]!, h[p]!];
      i = p;
    }
  }
  pop(): Node {
    const h = this.h;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && ReadyQueue.prio(h[l]!) > ReadyQueue.prio(h[m]!)) m = l;
        if (r < h.length && ReadyQueue.prio(h[r]!) > ReadyQueue.prio(h[m]!)) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i]!, h[m]!];
        i = m;
      }
    }
    return top;
  }
}

/** Where `grad()` captures the gradient of one requested input. */
interface Capture {
  node: Node;
  nr: number;
  index: number;
}

/** Options shared by `runBackward`'s two modes. */
export interface EngineOptions {
  retain_graph: boolean;
  create_graph: boolean;
  /** When set, gradients are captured for these instead of being accumulated into leaves. */
  captureInputs?: readonly Tensor[];
  /** `backward(inputs=...)`: accumulate only into these leaves/tensors. */
  accumulateOnly?: readonly Tensor[];
}

function addGrad(a: Tensor | null | undefined, b: Tensor): Tensor {
  return a ? a.add(b) : b;
}

/** Runs the graph below `roots`, seeded with `rootGrads`. Returns captured gradients (grad mode). */
export function runBackward(roots: readonly Tensor[], rootGrads: readonly Tensor[], opts: EngineOptions): (Tensor | null)[] {
  const buffers = new Map<Node, (Tensor | null)[]>();
  const deps = new Map<Node, number>();
  const rootNodes: Node[] = [];
  for (let i = 0; i < roots.length; i++) {
    const t = roots[i]!;
    const fn = t._gradEdgeNode();
    if (!fn) {
      throw new RuntimeError('element ' + i + ' of tensors does not require grad and does not have a grad_fn');
    }
    let buf = buffers.get(fn);
    if (!buf) buffers.set(fn, (buf = new Array<Tensor | null>(fn.num_outputs).fill(null)));
    buf[t._output_nr] = addGrad(buf[t._output_nr], rootGrads[i]!);
    rootNodes.push(fn);
  }
  // Dependency counts over the reachable graph.
  const seen = new Set<Node>();
  const stack = [...new Set(rootNodes)];
  for (const n of stack) seen.add(n);
  while (stack.length) {
    const n = stack.pop()!;
    for (const [next] of n.next_functions) {
      if (!next) continue;
      deps.set(next, (deps.get(next) ?? 0) + 1);
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  const captures: Capture[] = [];
  const captured: (Tensor | null)[] = [];
  if (opts.captureInputs) {
    opts.captureInputs.forEach((t, index) => {
      const node = t._gradEdgeNode();
      captured.push(null);
      if (node) captures.push({ node, nr: t._output_nr, index });
    });
  }
  const accumulateNodes = opts.accumulateOnly ? new Set(opts.accumulateOnly.map((t) => t._gradEdgeNode())) : null;
  const capturingOnly = !!opts.captureInputs;

  const queue = new ReadyQueue();
  for (const n of new Set(rootNodes)) if (!deps.get(n)) queue.push(n);
  const prevGrad = set_grad_enabled(opts.create_graph);
  try {
    while (queue.size) {
      const node = queue.pop();
      let grads = buffers.get(node) ?? new Array<Tensor | null>(node.num_outputs).fill(null);
      buffers.delete(node);
      // Tensor hooks on this node's outputs, then retain_grad, then node pre-hooks.
      for (const [nr, hooks] of node._tensor_pre_hooks) {
        for (const hook of hooks.values()) {
          const g = grads[nr];
          if (!g) continue;
          const r = hook(g);
          if (r) grads[nr] = r;
        }
      }
      for (const [nr, hook] of node._retains_grad_hooks) {
        const g = grads[nr];
        if (g) hook(g);
      }
      for (const hook of node._pre_hooks.values()) {
        const r = hook(grads);
        if (r) grads = r;
      }
      for (const c of captures) if (c.node === node) captured[c.index] = grads[c.nr] ?? null;
      let inputGrads: (Tensor | null)[];
      if (node instanceof AccumulateGrad) {
        if (capturingOnly || (accumulateNodes && !accumulateNodes.has(node))) inputGrads = [];
        else inputGrads = node.apply(grads);
      } else {
        inputGrads = grads.some((g) => g) ? node.apply(grads) : node.next_functions.map(() => null);
        if (!opts.retain_graph) node.release();
      }
      for (const hook of node._hooks.values()) {
        const r = hook(inputGrads, grads);
        if (r) inputGrads = r;
      }
      node.next_functions.forEach(([next, nr], i) => {
        if (!next) return;
        const g = inputGrads[i];
        if (g) {
          let buf = buffers.get(next);
          if (!buf) buffers.set(next, (buf = new Array<Tensor | null>(next.num_outputs).fill(null)));
          buf[nr] = addGrad(buf[nr], g);
        }
        const d = deps.get(next)! - 1;
        deps.set(next, d);
        if (d === 0) queue.push(next);
      });
    }
  } finally {
    set_grad_enabled(prevGrad);
  }
  return captured;
}
