/**
 * MaxPool2D on tfjs with PyTorch's int64 indices (flat h·W + w in each plane): every window's
 * taps are laid out as a [planes, windows, taps] tensor, then max/argMax run over the taps.
 * ATen's rules hold: the first maximum wins ties, the last NaN wins, a window of only -inf
 * reports its first in-bounds position. (tf.maxPoolWithArgmax has no explicit padding or
 * dilation and counts channels in its indices.) float32 only.
 *
 * Windows that tile the plane (no padding, no dilation, stride = kernel: `max_pool2d(x, 2)`) are a
 * reshape + transpose and their indices plain arithmetic; other windows are gathered from the
 * plane (padding reads a -inf sentinel) with host-computed tables. tfjs's wasm gather costs
 * ~90 ns per element, which made the tiled case ~10x slower than it needs to be.
 */
import * as tf from '@tensorflow/tfjs';
import { int64, kernels as K } from '@nncompat/core';
import type { TfKernelDef } from '../kernel.js';
import { maxPoolTables, poolPlanes, poolSupports, type PoolGeometry } from './pool.impl.js';

/** True when the windows tile the plane (each input element in at most one window, none padded). */
function tiles(g: PoolGeometry): boolean {
  return g.ph === 0 && g.pw === 0 && g.dh === 1 && g.dw === 1 && g.sh === g.kh && g.sw === g.kw && g.oh * g.kh <= g.h && g.ow * g.kw <= g.w;
}

/** [planes, oh·ow, kh·kw] windows of tiling pools, by slice + reshape + transpose. */
function tiledWindows(x: tf.Tensor, planes: number, g: PoolGeometry): tf.Tensor {
  let t = x.reshape([planes, g.h, g.w]);
  if (g.oh * g.kh !== g.h || g.ow * g.kw !== g.w) t = tf.slice(t, [0, 0, 0], [planes, g.oh * g.kh, g.ow * g.kw]);
  return t.reshape([planes, g.oh, g.kh, g.ow, g.kw]).transpose([0, 1, 3, 2, 4]).reshape([planes, g.oh * g.ow, g.kh * g.kw]);
}

/**
 * Index arithmetic runs in float32, exact for these integers (below 2^24, checked by the
 * caller): tfjs's wasm int32 add has no fast broadcasting path (27 ms for a [1024,196] + [1,196]
 * add, 1 ms in float32).
 */
const EXACT_F32 = 2 ** 24;

/** In-plane positions of tiling windows' taps: (y·kh + i)·W + x·kw + j for tap t = i·kw + j. */
function tiledIndices(tap: tf.Tensor, g: PoolGeometry): tf.Tensor {
  const base = new Float32Array(g.oh * g.ow);
  for (let y = 0; y < g.oh; y++) for (let x = 0; x < g.ow; x++) base[y * g.ow + x] = y * g.kh * g.w + x * g.kw;
  // i·W + j = t + i·(W - kw), with i = floor(t / kw).
  const t = tf.cast(tap, 'float32');
  const inWindow = g.kw === 1 ? tf.mul(t, g.w) : tf.add(t, tf.mul(tf.floor(tf.div(t, g.kw)), g.w - g.kw));
  return tf.add(inWindow, tf.tensor2d(base, [1, g.oh * g.ow], 'float32'));
}

/** Flat positions `tap + window·kk` into the [o·kk] tap table (float32 arithmetic, then int32). */
function tablePositions(tap: tf.Tensor, o: number, kk: number): tf.Tensor {
  const start = tf.mul(tf.range(0, o, 1, 'float32'), kk).reshape([1, o]);
  return tf.cast(tf.add(tf.cast(tap, 'float32'), start), 'int32').reshape([-1]);
}

/** The MaxPool2D kernel definition. */
export const MaxPool2DDef: TfKernelDef = {
  name: K.MaxPool2D,
  supports: poolSupports(),
  run(k) {
    const info = k.info('x');
    const { g, lead, planes } = poolPlanes(k.attrs, info.shape);
    const kk = g.kh * g.kw;
    const o = g.oh * g.ow;
    const tiled = tiles(g) && g.h * g.w < EXACT_F32;
    let win: tf.Tensor;
    let report: Int32Array | null = null;
    if (tiled) win = tiledWindows(k.x('x'), planes, g);
    else {
      const tables = maxPoolTables(g);
      report = tables.report;
      const x = tf.concat([k.x('x').reshape([planes, g.h * g.w]), tf.fill([planes, 1], -Infinity)], 1);
      win = tf.gather(x, tf.tensor1d(tables.taps, 'int32'), 1).reshape([planes, o, kk]);
    }
    // The last NaN tap: max over taps of (t + 1)·isNaN, minus 1 (-1 when the window has none).
    const lastNan = tf.sub(tf.max(tf.mul(tf.cast(tf.isNaN(win), 'int32'), tf.range(1, kk + 1, 1, 'int32')), 2), tf.scalar(1, 'int32'));
    const hasNan = tf.greaterEqual(lastNan, 0);
    const tap = tf.where(hasNan, lastNan, tf.argMax(win, 2));
    const values = tf.where(hasNan, tf.fill([planes, o], NaN), tf.max(win, 2));
    let indices: tf.Tensor;
    if (report === null) indices = tiledIndices(tap, g);
    else if (o * kk < EXACT_F32) indices = tf.gather(tf.tensor1d(report, 'int32'), tablePositions(tap, o, kk));
    else {
      const at = tf.add(tap, tf.mul(tf.range(0, o, 1, 'int32'), tf.scalar(kk, 'int32')).reshape([1, o]));
      indices = tf.gather(tf.tensor1d(report, 'int32'), at.reshape([-1]));
    }
    const shape = [...lead, g.oh, g.ow];
    return [
      { t: values.reshape(shape), dtype: info.dtype },
      { t: indices.reshape(shape), dtype: int64 },
    ];
  },
};
