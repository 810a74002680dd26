/**
 * Fixture files written by the golden generators under `tooling/goldens/` (real PyTorch runs):
 * their JSON shapes and a loader. Values that JSON cannot hold are strings ("nan", "inf",
 * "-inf"); float16/bfloat16 values are raw bit patterns; bool values are 0/1.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DTypeName } from '../index.js';

/** A JSON number, or a non-finite float spelled as a string. */
export type JsonNum = number | 'nan' | 'inf' | '-inf';

/** A tensor as stored in a fixture: its whole storage plus the view (shape, strides, offset). */
export interface ViewJson {
  dtype: DTypeName;
  shape: number[];
  strides: number[];
  offset: number;
  storage: JsonNum[];
  /** The tensor was a leaf with `requires_grad=True` in PyTorch. */
  rg?: boolean;
}

/** A contiguous tensor value: what an op returned (plus its layout for view ops). */
export interface ValueJson {
  dtype: DTypeName;
  shape: number[];
  data: JsonNum[];
  /** View ops: whether the output shares the first input's storage, and its strides/offset there. */
  base?: boolean;
  strides?: number[];
  offset?: number;
}

/** One positional argument of an op case. */
export type ArgJson =
  | { t: ViewJson }
  | { tl: ViewJson[] }
  | { s: JsonNum | boolean; k: 'bool' | 'int' | 'float' }
  | { v: unknown };

/** One op case from `fixtures/ops/*.json` (see tooling/goldens/gen_core_ops.py). */
export interface OpCase {
  name: string;
  op: string;
  fn: 'method' | 'function';
  args: ArgJson[];
  kwargs: Record<string, unknown>;
  out?: ValueJson[];
  /** Per output, the weight w of sum(out * w) whose gradient `grads` holds (null: no grad). */
  gout?: (JsonNum[] | null)[];
  /** Per tensor input (lists flattened), d sum(out * w) / d input, or null. */
  grads?: (ValueJson | null)[];
  error?: { type: string; message: string };
}

/** The packages/core/fixtures folder (works from src/ and from the built dist/). */
export function fixturesDir(): string {
  return fileURLToPath(new URL('../../fixtures/', import.meta.url));
}

/**
 * Reads and parses one fixture JSON file, relative to packages/core/fixtures.
 *
 * @example
 * const { cases } = loadFixture<{ cases: OpCase[] }>('ops/views.json');
 */
export function loadFixture<T>(relativePath: string): T {
  const path = fixturesDir() + relativePath;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`fixture '${relativePath}' not found under ${fixturesDir()}: run the generator in tooling/goldens/ (${(e as Error).message})`);
  }
  return JSON.parse(text) as T;
}

/**
 * The cases of one op topic (`elementwise`, `reduce`, `linalg`, `indexing`, `nn`, `views`).
 *
 * @example
 * for (const c of loadOpCases('reduce')) console.log(c.name);
 */
export function loadOpCases(topic: string): OpCase[] {
  return loadFixture<{ cases: OpCase[] }>(`ops/${topic}.json`).cases;
}
