/**
 * Test-only replay of fixtures/layers/*.json (written by tooling/goldens/gen_torch_layers.py):
 * builds the layer the fixture describes, runs its forward passes and collects outputs and
 * gradients for comparison with PyTorch's.
 */
import { readFileSync } from 'node:fs';
import { type Tensor } from '@nncompat/core';
import { fromJson, type JsonNum, type TensorJson } from '../../functional/golden.test-helpers.js';
import * as nn from '../index.js';
import { Module } from './module.js';

/** A constructor call in a fixture. */
export interface CtorJson {
  cls: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
}

/** One state_dict entry (large tensors carry `head` + `sum64` instead of `data`). */
export interface StateEntry {
  key: string;
  dtype: TensorJson['dtype'];
  shape: number[];
  data?: JsonNum[];
  head?: number[];
  sum64?: number;
}

/** One forward pass. */
export interface StepJson {
  mode: 'train' | 'eval';
  call: { args: unknown[]; kwargs: Record<string, unknown> };
  out: (TensorJson | null)[];
  w: (TensorJson | null)[];
  grads: Record<string, TensorJson | null>;
  state_after?: StateEntry[];
}

/** One layer case. */
export interface LayerCase {
  name: string;
  ctor: CtorJson;
  seed: number;
  repr: string;
  seq_repr: string;
  state: StateEntry[];
  steps: StepJson[];
}

/** Reads fixtures/layers/<family>.json. */
export function loadLayerCases(family: string): LayerCase[] {
  const url = new URL(`../../../fixtures/layers/${family}.json`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { cases: LayerCase[] }).cases;
}

/**
 * Decodes a fixture value: `{t}` tensors (equal rg tensors decode to one leaf, as the fixture
 * passes one Python tensor several times for self-attention), `{module}` constructor calls,
 * lists as arrays.
 */
export function decode(v: unknown, leaves: Map<string, Tensor>): unknown {
  if (Array.isArray(v)) return v.map((x) => decode(x, leaves));
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('t' in o) {
      const tj = o['t'] as TensorJson;
      if (!tj.rg) return fromJson(tj);
      const key = JSON.stringify(tj);
      if (!leaves.has(key)) leaves.set(key, fromJson(tj));
      return leaves.get(key)!;
    }
    if ('module' in o) return build(o['module'] as CtorJson);
    if ('kw' in o) return decodeKw(o['kw'] as Record<string, unknown>, leaves);
  }
  return v;
}

function decodeKw(kw: Record<string, unknown>, leaves: Map<string, Tensor>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(kw).map(([k, x]) => [k, decode(x, leaves)]));
}

/** `new nn[cls](...args, kwargs)`. */
export function build(ctor: CtorJson): Module {
  const cls = (nn as unknown as Record<string, new (...a: unknown[]) => Module>)[ctor.cls];
  if (!cls) throw new Error(`no nn.${ctor.cls}`);
  const leaves = new Map<string, Tensor>();
  const args = ctor.args.map((a) => decode(a, leaves));
  if (Object.keys(ctor.kwargs).length > 0) args.push(decodeKw(ctor.kwargs, leaves));
  return new cls(...args);
}

/** The rg leaves of a call in args-then-kwargs order, duplicates kept (as the fixture names them). */
function rgLeaves(v: unknown, out: Tensor[]): void {
  if (Array.isArray(v)) for (const x of v) rgLeaves(x, out);
  else if (v !== null && typeof v === 'object' && 'requires_grad' in (v as object)) {
    const t = v as Tensor;
    if (t.requires_grad) out.push(t);
  } else if (v !== null && typeof v === 'object' && !(v instanceof Module)) {
    for (const x of Object.values(v as Record<string, unknown>)) rgLeaves(x, out);
  }
}

/** Flattens nested outputs (tuples as arrays) as the generator does; null stays null. */
function flattenOut(o: unknown, out: (Tensor | null)[]): void {
  if (o === null || o === undefined) out.push(null);
  else if (Array.isArray(o)) for (const x of o) flattenOut(x, out);
  else out.push(o as Tensor);
}

/** What one replayed step produced. */
export interface StepResult {
  outs: (Tensor | null)[];
  grads: Map<string, Tensor | null>;
}

/** Runs one fixture step on `m`: forward, weighted-sum loss, backward. */
export function runStep(m: Module, step: StepJson): StepResult {
  m.train(step.mode === 'train');
  m.zero_grad();
  const leaves = new Map<string, Tensor>();
  const args = step.call.args.map((a) => decode(a, leaves));
  if (Object.keys(step.call.kwargs).length > 0) args.push(decodeKw(step.call.kwargs, leaves));
  const ins: Tensor[] = [];
  rgLeaves(args, ins);
  const result = (m as unknown as (...a: unknown[]) => unknown)(...args);
  const outs: (Tensor | null)[] = [];
  flattenOut(result, outs);
  let loss: Tensor | null = null;
  step.w.forEach((wj, i) => {
    if (wj === null) return;
    const term = outs[i]!.mul(fromJson(wj)).sum();
    loss = loss === null ? term : loss.add(term);
  });
  const grads = new Map<string, Tensor | null>();
  if (loss !== null) {
    (loss as Tensor).backward();
    ins.forEach((t, i) => grads.set(`in${i}`, t.grad));
    for (const [k, p] of m.named_parameters()) if (p.requires_grad) grads.set(k, p.grad);
  }
  return { outs, grads };
}

/** The fixture's state dict as a Map of tensors (only entries that carry full data). */
export function stateFromJson(state: readonly StateEntry[]): Map<string, Tensor> {
  const sd = new Map<string, Tensor>();
  for (const e of state) if (e.data) sd.set(e.key, fromJson({ dtype: e.dtype, shape: e.shape, data: e.data }));
  return sd;
}
