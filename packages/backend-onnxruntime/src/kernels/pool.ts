/**
 * MaxPool2D (values and PyTorch-style indices) and AvgPool2D as ONNX MaxPool / AveragePool.
 * ONNX's MaxPool indices are flat over the whole NCHW input; PyTorch's are flat within each
 * H×W plane, so the graph reduces them modulo H·W. ceil_mode sizes are compared with
 * PyTorch's rule (a last window must start inside the input or its left padding): where the
 * two differ, and for divisor_override, the reference implementation runs instead.
 */
import { int64, kernels as K, type HostArray, type KernelArgs, type KernelConfig } from '@nncompat/core';
import { computeDtype, FLOATS } from '../exec/dtypes.js';
import { hasNaN } from '../exec/materialize.js';
import { planKernel, type OpPlan } from '../exec/plan.js';
import type { OnnxAttrValue } from '../onnx/proto.js';
import { constInt64, node, tensorInput } from './graph_util.js';

type Pair = readonly [number, number];

/** PyTorch's pooling output size along one dim. */
function torchOut(n: number, k: number, s: number, p: number, d: number, ceil: boolean): number {
  const eff = d * (k - 1) + 1;
  let o = Math.floor((n + 2 * p - eff + (ceil ? s - 1 : 0)) / s) + 1;
  if (ceil && (o - 1) * s >= n + p) o--;
  return o;
}

/** ONNX's pooling output size (no last-window rule). */
function onnxOut(n: number, k: number, s: number, p: number, d: number, ceil: boolean): number {
  const eff = d * (k - 1) + 1;
  const q = (n + 2 * p - eff) / s;
  return (ceil ? Math.ceil(q) : Math.floor(q)) + 1;
}

function sizesAgree(h: number, w: number, k: Pair, s: Pair, p: Pair, d: Pair, ceil: boolean): boolean {
  if (!ceil) return true;
  return torchOut(h, k[0], s[0], p[0], d[0], true) === onnxOut(h, k[0], s[0], p[0], d[0], true)
    && torchOut(w, k[1], s[1], p[1], d[1], true) === onnxOut(w, k[1], s[1], p[1], d[1], true);
}

function poolAttrs(args: KernelArgs<HostArray>, dilation: Pair | null): Record<string, OnnxAttrValue> {
  const k = args.attrs['kernelSize'] as Pair;
  const s = args.attrs['stride'] as Pair;
  const p = args.attrs['padding'] as Pair;
  const attrs: Record<string, OnnxAttrValue> = {
    kernel_shape: { ints: [...k] },
    strides: { ints: [...s] },
    pads: { ints: [p[0], p[1], p[0], p[1]] },
    ceil_mode: { i: args.attrs['ceilMode'] === true ? 1 : 0 },
  };
  // AveragePool has no dilations before opset 19.
  if (dilation) attrs['dilations'] = { ints: [...dilation] };
  return attrs;
}

function maxPoolPlan(args: KernelArgs<HostArray>): OpPlan | null {
  const x = tensorInput(args, 'x');
  const compute = computeDtype(x.dtype, FLOATS);
  if (!compute || x.shape.length !== 4) return null;
  // onnxruntime's MaxPool skips NaN; PyTorch returns it (and its index): such inputs run on the reference.
  if (hasNaN(x)) return null;
  const d = args.attrs['dilation'] as Pair;
  const [, , h, w] = x.shape as [number, number, number, number];
  if (!sizesAgree(h, w, args.attrs['kernelSize'] as Pair, args.attrs['stride'] as Pair, args.attrs['padding'] as Pair, d, args.attrs['ceilMode'] === true)) return null;
  const attrs = { ...poolAttrs(args, d), storage_order: { i: 0 } };
  const plane = h * w;
  return {
    // The plane size is baked into the graph (the Mod below): part of the signature.
    key: `${JSON.stringify(attrs)}|plane${plane}`,
    inputs: [{ info: x, compute }],
    outputs: [
      { dtype: x.dtype, compute, rank: 4 },
      { dtype: int64, compute: int64, rank: 4 },
    ],
    build: (g, [v]) => {
      const [values, flat] = g.addNode('MaxPool', [v!], [g.uniqueName('pool'), g.uniqueName('pool_idx')], attrs);
      // Flat NCHW indices → per-plane indices, as PyTorch returns them.
      return [values!, node(g, 'Mod', [flat!, constInt64(g, [plane], true)])];
    },
  };
}

function avgPoolPlan(args: KernelArgs<HostArray>): OpPlan | null {
  const x = tensorInput(args, 'x');
  const compute = computeDtype(x.dtype, ['float32']);
  if (!compute || x.shape.length !== 4 || args.attrs['divisorOverride'] != null) return null;
  const [, , h, w] = x.shape as [number, number, number, number];
  const ceil = args.attrs['ceilMode'] === true;
  // In ceil mode PyTorch's divisor for windows that overhang the padded input differs from
  // onnxruntime's; those shapes run on the reference implementation.
  if (ceil) return null;
  const k = args.attrs['kernelSize'] as Pair;
  if (!sizesAgree(h, w, k, args.attrs['stride'] as Pair, args.attrs['padding'] as Pair, [1, 1], ceil)) return null;
  const attrs = { ...poolAttrs(args, null), count_include_pad: { i: args.attrs['countIncludePad'] === false ? 0 : 1 } };
  return {
    key: JSON.stringify(attrs),
    inputs: [{ info: x, compute }],
    outputs: [{ dtype: x.dtype, compute, rank: 4 }],
    build: (g, [v]) => [node(g, 'AveragePool', [v!], attrs)],
  };
}

/** Registrations of the pooling kernels that run on onnxruntime. */
export const POOL_KERNELS: KernelConfig<HostArray>[] = [
  planKernel(K.MaxPool2D, maxPoolPlan),
  planKernel(K.AvgPool2D, avgPoolPlan),
];
