/**
 * `torch.utils.hooks.BackwardHook` (PyTorch 2.1): wraps a module's tensor inputs and outputs
 * in identity autograd nodes (`BackwardHookFunctionBackward`) so full backward hooks see
 * `grad_input` (gradients w.r.t. the module's positional inputs, None for non-tensors) and
 * `grad_output`, and backward pre-hooks can replace `grad_output` before it flows in.
 */
import { is_grad_enabled, record, RuntimeError, Tensor, zeros_like } from '@nncompat/core';
import type { BackwardHookFn, BackwardPreHookFn, Grads } from '../nn/modules/hook-types.js';
import type { Module } from '../nn/modules/module.js';

type Node = NonNullable<Tensor['grad_fn']>;

function packWithNone(indices: readonly number[], values: readonly (Tensor | null)[], size: number): Grads {
  const res: Grads = new Array<Tensor | null>(size).fill(null);
  indices.forEach((idx, i) => {
    res[idx] = values[i] ?? null;
  });
  return res;
}

function unpackNone(indices: readonly number[], values: readonly (Tensor | null)[]): Grads {
  return indices.map((i) => values[i] ?? null);
}

/** One module call's backward-hook state. */
export class BackwardHook {
  private grad_outputs: Grads | null = null;
  private n_outputs = -1;
  private output_tensors_index: number[] | null = null;
  private n_inputs = -1;
  private input_tensors_index: number[] | null = null;

  constructor(
    private readonly module: Module,
    private readonly user_hooks: readonly BackwardHookFn[],
    private readonly user_pre_hooks: readonly BackwardPreHookFn[],
  ) {}

  private setUserHook(grad_fn: Node): void {
    grad_fn.register_hook((grad_input) => {
      if (this.grad_outputs === null) return undefined;
      let res = packWithNone(this.input_tensors_index!, grad_input, this.n_inputs);
      for (const hook of this.user_hooks) {
        const out = hook(this.module, res, this.grad_outputs);
        if (out === null || out === undefined) continue;
        if (out.length !== res.length) {
          throw new RuntimeError(`Backward hook returned an invalid number of grad_input, got ${out.length}, but expected ${res.length}`);
        }
        res = out;
      }
      this.grad_outputs = null;
      return unpackNone(this.input_tensors_index!, res);
    });
  }

  /**
   * Replaces the tensors of `args` by identity outputs of one `BackwardHookFunctionBackward`
   * node and hands that node to `fn`; returns the new args and the tensors' positions.
   */
  private applyOnTensors(fn: (node: Node, diffIdx: number[]) => void, args: readonly unknown[]): [unknown[], number[] | null] {
    const tensorsIdx: number[] = [];
    const tensors: Tensor[] = [];
    let requiresGrad = false;
    args.forEach((a, i) => {
      if (a instanceof Tensor) {
        tensorsIdx.push(i);
        tensors.push(a);
        requiresGrad ||= a.requires_grad;
      }
    });
    if (!(requiresGrad && is_grad_enabled())) return [[...args], null];
    // Tensors that do not require grad are marked non-differentiable: passed through as is.
    const diffIdx: number[] = [];
    const outs: Tensor[] = [];
    const newTensors = tensors.map((t, j) => {
      if (!t.requires_grad) return t;
      const o = t.detach();
      diffIdx.push(j);
      outs.push(o);
      return o;
    });
    record('BackwardHookFunctionBackward', tensors, outs, (grads) => {
      // Non-differentiable outputs get materialized zero gradients, which the identity
      // function returns for their inputs: PyTorch's hooks see zeros there, not None.
      const gi: (Tensor | null)[] = tensors.map((t) => zeros_like(t));
      diffIdx.forEach((j, k) => {
        gi[j] = grads[k] ?? null;
      });
      return gi;
    });
    const node = outs[0]!.grad_fn;
    if (!node) throw new RuntimeError('Error while setting up backward hooks. Please open an issue with a code sample to reproduce this.');
    fn(node, diffIdx);
    const argList = [...args];
    tensorsIdx.forEach((idx, j) => {
      argList[idx] = newTensors[j];
    });
    return [argList, tensorsIdx];
  }

  /** Wraps the module's positional inputs (before forward). */
  setup_input_hook(args: readonly unknown[]): unknown[] {
    const [res, idx] = this.applyOnTensors((node) => this.setUserHook(node), args);
    this.n_inputs = args.length;
    this.input_tensors_index = idx;
    return res;
  }

  /** Wraps the module's output tensors (after forward and forward hooks). */
  setup_output_hook(result: unknown): unknown {
    const isTuple = Array.isArray(result);
    const args = isTuple ? (result as unknown[]) : [result];
    const [res, idx] = this.applyOnTensors((node, diffIdx) => {
      node.register_prehook((gradOutputs) => {
        // Node outputs are the differentiable tensors only; the others get None.
        const perTensor: Grads = new Array<Tensor | null>(this.output_tensors_index!.length).fill(null);
        diffIdx.forEach((j, k) => {
          perTensor[j] = gradOutputs[k] ?? null;
        });
        this.grad_outputs = packWithNone(this.output_tensors_index!, perTensor, this.n_outputs);
        if (this.user_pre_hooks.length > 0) {
          const expected = this.grad_outputs.length;
          for (const pre of this.user_pre_hooks) {
            const r = pre(this.module, this.grad_outputs);
            if (r === null || r === undefined) continue;
            if (r.length !== expected) {
              throw new RuntimeError(`Backward pre hook returned an invalid number of grad_output, got ${r.length}, but expected ${expected}`);
            }
            this.grad_outputs = r;
          }
        }
        if (this.input_tensors_index === null) {
          const gradInputs = packWithNone([], [], this.n_inputs);
          for (const hook of this.user_hooks) {
            const r = hook(this.module, gradInputs, this.grad_outputs);
            if (r !== null && r !== undefined && !(Array.isArray(r) && r.every((e) => e === null || e === undefined))) {
              throw new RuntimeError('Backward hook for Modules where no input requires gradient should always return None or None for all gradients.');
            }
          }
          this.grad_outputs = null;
        }
        if (this.grad_outputs !== null) {
          const g = this.grad_outputs;
          const tensorGrads = this.output_tensors_index!.map((i) => g[i] ?? null);
          return diffIdx.map((j) => tensorGrads[j] ?? null);
        }
        return undefined;
      });
    }, args);
    this.n_outputs = args.length;
    this.output_tensors_index = idx;
    return isTuple ? res : res[0];
  }
}
