/**
 * Pooling geometry for the tfjs kernels, with ATen's rules (output size with ceil_mode, average
 * divisors with count_include_pad / divisor_override, windows clipped to input + padding), and
 * the host-computed tables the kernels upload (cached per geometry).
 */
import { RuntimeError } from '@nncompat/core';
import type { TfKernelArgs } from '../kernel.js';
import { float32Only } from './common.js';
import { pair } from './conv.impl.js';

/** Pooling attributes of a kernel call. */
export interface PoolGeometry {
  readonly h: number; readonly w: number; readonly oh: number; readonly ow: number;
  readonly kh: number; readonly kw: number; readonly sh: number; readonly sw: number;
  readonly ph: number; readonly pw: number; readonly dh: number; readonly dw: number;
}

/** ATen's pooling_output_shape. */
export function poolOutSize(size: number, k: number, s: number, p: number, d: number, ceilMode: boolean): number {
  let out = Math.floor((size + 2 * p - d * (k - 1) - 1 + (ceilMode ? s - 1 : 0)) / s) + 1;
  if (ceilMode && (out - 1) * s >= size + p) out--;
  return out;
}

/** The geometry of a pooling call over planes of `h`×`w`. */
export function poolGeometry(attrs: Readonly<Record<string, unknown>>, h: number, w: number): PoolGeometry {
  const [kh, kw] = pair(attrs, 'kernelSize');
  const [sh, sw] = pair(attrs, 'stride');
  const [ph, pw] = pair(attrs, 'padding');
  const [dh, dw] = attrs['dilation'] === undefined ? [1, 1] : pair(attrs, 'dilation');
  if (kh < 1 || kw < 1 || sh < 1 || sw < 1 || dh < 1 || dw < 1) {
    throw new RuntimeError(`tfjs kernel: pooling kernel, stride and dilation must be positive, got kernel [${kh}, ${kw}], stride [${sh}, ${sw}], dilation [${dh}, ${dw}]`);
  }
  const ceil = attrs['ceilMode'] === true;
  return { h, w, kh, kw, sh, sw, ph, pw, dh, dw, oh: poolOutSize(h, kh, sh, ph, dh, ceil), ow: poolOutSize(w, kw, sw, pw, dw, ceil) };
}

/** `supports` of the pooling kernels: `input` is float32 and `x` has no empty dim. */
export const poolSupports = (input = 'x') => (k: TfKernelArgs): boolean => float32Only(k, input) && k.info('x').shape.every((d) => d > 0);

/** A pooling call over an input of `shape` (…, H, W): its geometry, the leading dims and their product (the H×W planes). */
export function poolPlanes(attrs: Readonly<Record<string, unknown>>, shape: readonly number[]): { g: PoolGeometry; lead: number[]; planes: number } {
  const nd = shape.length;
  const lead = shape.slice(0, nd - 2);
  return { g: poolGeometry(attrs, shape[nd - 2]!, shape[nd - 1]!), lead, planes: lead.reduce((a, b) => a * b, 1) };
}

const cache = new Map<string, Int32Array | Float32Array>();
function cached<T extends Int32Array | Float32Array>(key: string, make: () => T): T {
  let v = cache.get(key) as T | undefined;
  if (!v) {
    if (cache.size > 64) cache.clear();
    cache.set(key, (v = make()));
  }
  return v;
}

/**
 * For max pooling: the flat in-plane position of every window tap, [oh·ow·kh·kw]. A tap in the
 * padding points at `h·w` (a -inf sentinel column) in `taps`, and at the window's first
 * in-bounds position in `report` (what ATen reports for a window of only -inf).
 */
export function maxPoolTables(g: PoolGeometry): { taps: Int32Array; report: Int32Array } {
  const key = JSON.stringify(g);
  const taps = cached(`t${key}`, () => build(g, false));
  const report = cached(`r${key}`, () => build(g, true));
  return { taps, report };
}

function build(g: PoolGeometry, report: boolean): Int32Array {
  const kk = g.kh * g.kw;
  const r = new Int32Array(g.oh * g.ow * kk);
  for (let y = 0; y < g.oh; y++) {
    for (let x = 0; x < g.ow; x++) {
      let ih0 = y * g.sh - g.ph;
      while (ih0 < 0) ih0 += g.dh;
      let iw0 = x * g.sw - g.pw;
      while (iw0 < 0) iw0 += g.dw;
      const first = ih0 * g.w + iw0;
      const base = (y * g.ow + x) * kk;
      for (let i = 0; i < g.kh; i++) {
        for (let j = 0; j < g.kw; j++) {
          const ih = y * g.sh - g.ph + i * g.dh;
          const iw = x * g.sw - g.pw + j * g.dw;
          const inside = ih >= 0 && ih < g.h && iw >= 0 && iw < g.w;
          r[base + i * g.kw + j] = inside ? ih * g.w + iw : report ? first : g.h * g.w;
        }
      }
    }
  }
  return r;
}

/** For average pooling: each window's divisor, [oh·ow] (1 for windows wholly in the padding). */
export function avgDivisors(g: PoolGeometry, countIncludePad: boolean, divisorOverride: number | null): Float32Array {
  return cached(`a${JSON.stringify(g)}${countIncludePad}${divisorOverride}`, () => {
    const r = new Float32Array(g.oh * g.ow);
    for (let y = 0; y < g.oh; y++) {
      for (let x = 0; x < g.ow; x++) {
        let ih0 = y * g.sh - g.ph;
        let iw0 = x * g.sw - g.pw;
        let ih1 = Math.min(ih0 + g.kh, g.h + g.ph);
        let iw1 = Math.min(iw0 + g.kw, g.w + g.pw);
        const poolSize = (ih1 - ih0) * (iw1 - iw0);
        ih0 = Math.max(ih0, 0);
        iw0 = Math.max(iw0, 0);
        ih1 = Math.min(ih1, g.h);
        iw1 = Math.min(iw1, g.w);
        const empty = ih0 >= ih1 || iw0 >= iw1;
        r[y * g.ow + x] = empty ? 1 : divisorOverride ?? (countIncludePad ? poolSize : (ih1 - ih0) * (iw1 - iw0));
      }
    }
    return r;
  });
}

/** Bottom/right zero padding so that every window of the padded plane lies inside it. */
export function trailingPad(g: PoolGeometry): [number, number] {
  return [
    Math.max(0, (g.oh - 1) * g.sh + g.kh - (g.h + g.ph)),
    Math.max(0, (g.ow - 1) * g.sw + g.kw - (g.w + g.pw)),
  ];
}
