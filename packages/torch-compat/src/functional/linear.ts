/** `F.linear` and `F.bilinear`. */
import { addmm, RuntimeError, type Tensor } from '@nncompat/core';
import { bindArgs, p, type PyArgs } from './pyargs.js';

/** `bias=` as a keyword. */
export interface BiasOptions {
  bias?: Tensor | null;
}

const BIAS = [p.optTensor('bias')];

/**
 * `F.linear(input, weight, bias=None)`: `input @ weight.T + bias` over any leading dims.
 *
 * @example
 * F.linear(x, w, b); // x: [N, in], w: [out, in], b: [out]
 * F.linear(x, w, { bias: b });
 */
export function linear(input: Tensor, weight: Tensor, ...args: PyArgs<[bias: Tensor | null], BiasOptions>): Tensor {
  const bias = bindArgs<BiasOptions>('linear', 2, BIAS, args).bias ?? null;
  // at::linear: 2-D input with bias is one addmm (grad_fn AddmmBackward0), as in PyTorch.
  if (bias && input.dim() === 2) return addmm(bias, input, weight.t());
  const y = input.matmul(weight.t());
  return bias ? y.add(bias) : y;
}

/**
 * `F.bilinear(input1, input2, weight, bias=None)`:
 * `y[..., k] = input1[...] @ weight[k] @ input2[...] + bias[k]`.
 *
 * @example
 * F.bilinear(x1, x2, w, b); // x1: [N, in1], x2: [N, in2], w: [out, in1, in2]
 * F.bilinear(x1, x2, w, { bias: b });
 */
export function bilinear(input1: Tensor, input2: Tensor, weight: Tensor, ...args: PyArgs<[bias: Tensor | null], BiasOptions>): Tensor {
  const bias = bindArgs<BiasOptions>('bilinear', 3, BIAS, args).bias ?? null;
  if (weight.dim() !== 3) throw new RuntimeError(`bilinear(): weight must be 3-dimensional, got ${weight.dim()} dims`);
  const [out, in1, in2] = weight.shape as [number, number, number];
  if (input1.shape[input1.dim() - 1] !== in1) {
    throw new RuntimeError(`bilinear(): input1 size does not match weight size: got ${input1.shape[input1.dim() - 1]} but expected ${in1}`);
  }
  if (input2.shape[input2.dim() - 1] !== in2) {
    throw new RuntimeError(`bilinear(): input2 size does not match weight size: got ${input2.shape[input2.dim() - 1]} but expected ${in2}`);
  }
  const lead = input1.shape.slice(0, -1);
  const x1 = input1.reshape(-1, in1);
  const x2 = input2.reshape(-1, in2);
  // x1 @ W (as [in1, out*in2]) then contract with x2 along in2.
  const t = x1.matmul(weight.permute(1, 0, 2).reshape(in1, out * in2)).reshape(-1, out, in2);
  let y = t.mul(x2.unsqueeze(1)).sum(2);
  if (bias) y = y.add(bias);
  return y.reshape([...lead, out]);
}
