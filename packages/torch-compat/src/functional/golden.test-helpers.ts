/** Test-only helpers: read fixtures/functional/*.json (written by tooling/goldens/gen_torch_functional.py). */
import { readFileSync } from 'node:fs';
import { allocHostArray, type DTypeName, Tensor } from '@nncompat/core';

/** A JSON number or a non-finite float spelled as a string. */
export type JsonNum = number | 'nan' | 'inf' | '-inf';

/** A tensor in a fixture. */
export interface TensorJson {
  dtype: DTypeName;
  shape: number[];
  data: JsonNum[];
  rg?: boolean;
}

/** Reads one fixture file of fixtures/functional. */
export function loadFunctionalFixture<T>(name: string): T {
  const url = new URL(`../../fixtures/functional/${name}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}

/** A JSON number as a JS number. */
export function jnum(v: JsonNum): number {
  if (v === 'nan') return NaN;
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  return v;
}

/** A fixture tensor as a Tensor (a leaf requiring grad when `rg`). */
export function fromJson(t: TensorJson): Tensor {
  const host = allocHostArray(t.dtype, t.data.length);
  t.data.forEach((v, i) => (host[i] = t.dtype === 'bool' ? Number(v) : jnum(v)));
  const x = Tensor.fromHost(host, t.shape, t.dtype);
  return t.rg ? x.requires_grad_(true) : x;
}

/**
 * Throws naming the first element where `|a - e| > atol + rtol * |e|` (NaN equals NaN,
 * infinities must match).
 */
export function expectClose(actual: ArrayLike<number>, expected: readonly JsonNum[], rtol: number, atol: number, what: string): void {
  if (actual.length !== expected.length) throw new Error(`${what}: length ${actual.length} != ${expected.length}`);
  for (let i = 0; i < actual.length; i++) {
    const a = Number(actual[i]);
    const e = jnum(expected[i]!);
    if (Number.isNaN(e) && Number.isNaN(a)) continue;
    if (!Number.isFinite(e) || !Number.isFinite(a)) {
      if (a !== e) throw new Error(`${what}[${i}]: ${a} != ${e}`);
      continue;
    }
    if (!(Math.abs(a - e) <= atol + rtol * Math.abs(e))) throw new Error(`${what}[${i}]: ${a} != ${e} (diff ${Math.abs(a - e)})`);
  }
}
