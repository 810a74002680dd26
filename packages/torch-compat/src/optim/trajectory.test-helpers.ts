/**
 * Test-only helpers shared by the optimizer golden suites (optim.json and optim_extra.json, both
 * written on the same fixed 2-layer tanh MLP): the fixture types, the loss, the optimizer
 * builder, the 20-step replay and the state_dict value check.
 */
import { expect } from 'vitest';
import type { Tensor } from '@nncompat/core';
import { expectClose, fromJson, type JsonNum, type TensorJson } from '../functional/golden.test-helpers.js';
import type { Optimizer, ParamsT } from './index.js';

/** One 20-step trajectory: optimizer, arguments, optional param groups, data, losses, final params. */
export interface TrajCase {
  optim: string;
  kwargs: Record<string, unknown>;
  groups: { params: number[]; lr?: number }[] | null;
  X: TensorJson;
  Y: TensorJson;
  init: TensorJson[];
  losses: number[];
  final: TensorJson[];
}

/** A state_dict value as the fixtures encode it. */
export type SdValue = null | boolean | number | number[] | { float: JsonNum } | { tensor: TensorJson } | { tuple: SdValue[] };

/** An optimizer constructor as the fixtures name it. */
export type OptimizerClass = new (p: ParamsT, o: Record<string, unknown>) => Optimizer;

/** The fixtures' loss: mean squared error of a 2-layer tanh MLP with parameters `p`. */
export function lossFn(X: Tensor, Y: Tensor, p: Tensor[]): Tensor {
  const h = X.matmul(p[0]!.t()).add(p[1]!).tanh();
  const d = h.matmul(p[2]!.t()).add(p[3]!).sub(Y);
  return d.mul(d).mean();
}

/** The case's optimizer over `p`, with its param groups (indices into `p`) when it has them. */
export function buildOptimizer(classes: Readonly<Record<string, OptimizerClass>>, c: Pick<TrajCase, 'optim' | 'kwargs' | 'groups'>, p: Tensor[]): Optimizer {
  const params: ParamsT = c.groups ? c.groups.map((g) => ({ ...g, params: g.params.map((i) => p[i]!) })) : p;
  return new classes[c.optim]!(params, { ...c.kwargs });
}

/** Trains 20 steps as the generator did and checks the losses (1e-5) and final params (1e-5 + 1e-6). */
export function replayTrajectory(classes: Readonly<Record<string, OptimizerClass>>, c: TrajCase): void {
  const X = fromJson(c.X);
  const Y = fromJson(c.Y);
  const p = c.init.map((t) => fromJson(t).requires_grad_(true));
  const opt = buildOptimizer(classes, c, p);
  const losses: number[] = [];
  for (let i = 0; i < 20; i++) {
    opt.zero_grad();
    const loss = lossFn(X, Y, p);
    loss.backward();
    opt.step();
    losses.push(Number(loss.item()));
  }
  expectClose(losses, c.losses, 1e-5, 1e-7, 'losses');
  p.forEach((t, i) => expectClose(t.dataSync(), c.final[i]!.data, 1e-5, 1e-6, `final param ${i}`));
}

/** Compares one state_dict value with its fixture encoding. */
export function checkValue(actual: unknown, expected: SdValue, what: string): void {
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    if ('tensor' in expected) {
      const t = actual as Tensor;
      expect(t.dtype.name, what).toBe(expected.tensor.dtype);
      expect([...t.shape], what).toEqual(expected.tensor.shape);
      expectClose(t.dataSync(), expected.tensor.data, 1e-5, 1e-7, what);
      return;
    }
    if ('tuple' in expected) {
      expect(Array.isArray(actual) && Object.isFrozen(actual), `${what} is a frozen array (tuple)`).toBe(true);
      expected.tuple.forEach((v, i) => checkValue((actual as unknown[])[i], v, `${what}[${i}]`));
      return;
    }
    expect(actual, what).toBe(expected.float);
    return;
  }
  expect(actual, what).toEqual(expected);
}
