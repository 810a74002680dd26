/**
 * MaxPool2D (values and PyTorch-style indices) and AvgPool2D as ONNX MaxPool / AveragePool.
 * ONNX's MaxPool indices are flat over the whole NCHW input; PyTorch's are flat within each
 * H×W plane, so the graph reduces them modulo H·W. ceil_mode sizes are compared with
 * PyTorch's rule (a last window must start inside the input or its left padding): where the
 * two differ, and for divisor_override, the reference implementation runs instead.
 */
import { float32, int64, kernels as K, type DType, type HostArray, type KernelArgs, type KernelConfig, type TensorInfo } from '@nncompat/core';
import { computeDtype, FLOATS } from '../exec/dtypes.js';
import { hasNaN } from '../exec/materialize.js';
import { planKernel, type OpPlan } from '../exec/plan.js';
import { OnnxDataType, type OnnxAttrValue } from '../onnx/proto.js';
import { constInt64, constScalar, node, tensorInput } from './graph_util.js';

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

/**
 * Windows that tile the plane (kernel = stride, no padding or dilation: the usual 2×2 pool) as
 * a reshape to [N, C, Ho, Wo, kh·kw] windows, ReduceMax and ArgMax (first maximum, as ATen's
 * strict `>` scan), with PyTorch's per-plane indices computed from the window and tap.
 * onnxruntime's MaxPool with an Indices output runs a slow single-threaded loop (measured ~4 ms
 * of a 23 ms CNN train step for a [64,16,28,28] input); this path is a few elementwise passes.
 */
function tiledMaxPool(h: number, w: number, k: Pair, s: Pair, p: Pair, d: Pair, ceil: boolean): boolean {
  if (h * w >= 2 ** 24) return false;
  if (k[0] !== s[0] || k[1] !== s[1] || p[0] !== 0 || p[1] !== 0 || d[0] !== 1 || d[1] !== 1) return false;
  // ceil_mode only matters when a partial window remains.
  return !ceil || (h % k[0] === 0 && w % k[1] === 0);
}

function tiledMaxPoolPlan(info: TensorInfo<HostArray>, compute: DType, h: number, w: number, k: Pair): OpPlan {
  const [kh, kw] = k;
  const ho = Math.floor(h / kh);
  const wo = Math.floor(w / kw);
  // Window (i, j) → the plane index of its first element.
  const windowBase = Array.from({ length: ho * wo }, (_, q) => Math.floor(q / wo) * kh * w + (q % wo) * kw);
  return {
    key: `tiled|${kh}x${kw}|${h}x${w}`,
    inputs: [{ info, compute }],
    outputs: [
      { dtype: info.dtype, compute, rank: 4 },
      { dtype: int64, compute: int64, rank: 4 },
    ],
    build: (g, [v]) => {
      let src = v!;
      if (ho * kh !== h || wo * kw !== w) {
        src = node(g, 'Slice', [src, constInt64(g, [0, 0]), constInt64(g, [ho * kh, wo * kw]), constInt64(g, [2, 3])]);
      }
      // Reshape's 0 keeps N and C symbolic: one session serves every batch size.
      const six = node(g, 'Reshape', [src, constInt64(g, [0, 0, ho, kh, wo, kw])]);
      const windows = node(g, 'Reshape', [node(g, 'Transpose', [six], { perm: { ints: [0, 1, 2, 4, 3, 5] } }), constInt64(g, [0, 0, ho, wo, kh * kw])]);
      const values = node(g, 'ReduceMax', [windows], { axes: { ints: [4] }, keepdims: { i: 0 } });
      const pos = node(g, 'ArgMax', [windows], { axis: { i: 4 }, keepdims: { i: 0 }, select_last_index: { i: 0 } });
      // Plane index = base(window) + row·W + col of the tap, in float32 (exact: plane sizes here
      // stay below 2^24): onnxruntime's int64 Gather/Div/Mod cost ~10 ns per element.
      const f = (x: number): string => constScalar(g, float32, x);
      const p = node(g, 'Cast', [pos], { to: { i: OnnxDataType.FLOAT } });
      const row = kw === 1 ? p : node(g, 'Floor', [node(g, 'Div', [p, f(kw)])]);
      const tap = kw === 1 ? node(g, 'Mul', [row, f(w)]) : node(g, 'Add', [node(g, 'Mul', [row, f(w - kw)]), p]);
      const base = g.addInitializer(g.uniqueName('pool_base'), Float32Array.from(windowBase), [ho, wo], OnnxDataType.FLOAT);
      const index = node(g, 'Cast', [node(g, 'Add', [tap, base])], { to: { i: OnnxDataType.INT64 } });
      return [values, index];
    },
  };
}

function maxPoolPlan(args: KernelArgs<HostArray>): OpPlan | null {
  const x = tensorInput(args, 'x');
  const compute = computeDtype(x.dtype, FLOATS);
  if (!compute || x.shape.length !== 4) return null;
  // onnxruntime's MaxPool skips NaN; PyTorch returns it (and its index): such inputs run on the reference.
  if (hasNaN(x)) return null;
  const d = args.attrs['dilation'] as Pair;
  const [, , h, w] = x.shape as [number, number, number, number];
  const k = args.attrs['kernelSize'] as Pair;
  if (tiledMaxPool(h, w, k, args.attrs['stride'] as Pair, args.attrs['padding'] as Pair, d, args.attrs['ceilMode'] === true)) {
    return tiledMaxPoolPlan(x, compute, h, w, k);
  }
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
