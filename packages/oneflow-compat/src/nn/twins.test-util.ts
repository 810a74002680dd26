/**
 * Test helpers for the cross-API checks: a OneFlow layer and its torch-compat twin, given the
 * same weights (moved as a user would: torch.save → oneflow.load → load_state_dict), must give
 * identical outputs, input gradients and parameter gradients.
 */
import { expect, it } from 'vitest';
import * as torch from '@nncompat/torch-compat';
import * as flow from '../index.js';

type TMod = torch.nn.Module;
type FMod = flow.nn.Module;

/** One input of a call: random floats of `shape` (with grad), or fixed data. */
export type TwinInput = { shape: number[] } | { data: unknown; dtype: 'float32' | 'int64'; grad?: boolean };

/** Copies the twin's state dict into `fm` through torch.save / oneflow.load; keys must be identical. */
export function copyWeights(tm: TMod, fm: FMod): void {
  const sd = flow.load(torch.save(tm.state_dict())) as Map<string, flow.Tensor>;
  expect([...sd.keys()]).toEqual([...fm.state_dict().keys()]);
  expect(String(fm.load_state_dict(sd))).toBe('<All keys matched successfully>');
}

/** One twin case: its test name, the torch-compat and OneFlow constructors, and what `check` gets. */
export type TwinCase<I> = readonly [name: string, mkTorch: () => TMod, mkFlow: () => FMod, input: I];

/**
 * One `it` per case: seeds torch-compat's generator with `seed`, builds the torch-compat twin
 * first and the OneFlow layer second (their inits draw in that order), copies the weights across,
 * then runs `check`. The test files differ only in their cases, seed and check.
 */
export function itAgreesWithTwins<I>(cases: readonly TwinCase<I>[], seed: number, check: (tm: TMod, fm: FMod, input: I) => void): void {
  for (const [name, mkT, mkF, input] of cases) {
    it(name, () => {
      torch.manual_seed(seed);
      const tm = mkT();
      const fm = mkF();
      copyWeights(tm, fm);
      check(tm, fm, input);
    });
  }
}

/** Every tensor of a (nested) result, in order. */
export function tensorsOf(x: unknown): torch.Tensor[] {
  if (Array.isArray(x)) return x.flatMap(tensorsOf);
  return x === null || x === undefined ? [] : [x as torch.Tensor];
}

/**
 * Calls both modules on the same inputs, compares outputs, then backpropagates `Σ out²` over
 * every output tensor and compares the gradients of the float inputs and of every parameter.
 */
export function agreeTwins(tm: TMod, fm: FMod, inputs: TwinInput[], extra: unknown[] = []): void {
  const targs: torch.Tensor[] = [];
  const fargs: flow.Tensor[] = [];
  for (const inp of inputs) {
    if ('shape' in inp) {
      const data = torch.randn(...inp.shape).tolist() as number[];
      targs.push(torch.tensor(data, { dtype: torch.float32, requires_grad: true }));
      fargs.push(flow.tensor(data, { dtype: flow.float32, requires_grad: true }));
    } else {
      const grad = inp.grad ?? false;
      targs.push(torch.tensor(inp.data as number[], { dtype: torch[inp.dtype], requires_grad: grad }));
      fargs.push(flow.tensor(inp.data as number[], { dtype: flow[inp.dtype], requires_grad: grad }));
    }
  }
  const ty = tensorsOf((tm as unknown as (...a: unknown[]) => unknown)(...targs, ...extra));
  const fy = tensorsOf((fm as unknown as (...a: unknown[]) => unknown)(...fargs, ...extra));
  expect(fy.length).toBe(ty.length);
  fy.forEach((y, i) => {
    expect(y).toBeInstanceOf(flow.Tensor);
    expect(y.tolist()).toEqual(ty[i]!.tolist());
  });
  const loss = (ys: torch.Tensor[]): torch.Tensor => ys.filter((y) => y.dtype.is_floating_point).map((y) => y.pow(2).sum()).reduce((a, b) => a.add(b));
  loss(ty).backward();
  loss(fy).backward();
  fargs.forEach((x, i) => {
    if (x.requires_grad) expect(x.grad!.tolist()).toEqual(targs[i]!.grad!.tolist());
  });
  const tp = new Map([...tm.named_parameters()].map(([n, p]) => [n, p] as const));
  const fp = [...fm.named_parameters()];
  expect(fp.map(([n]) => n)).toEqual([...tp.keys()]);
  for (const [n, p] of fp) {
    expect(p.grad, n).not.toBeNull();
    expect(p.grad!.tolist(), n).toEqual(tp.get(n)!.grad!.tolist());
  }
}

/** `[name, shape]` of every parameter. */
export function paramShapes(m: FMod): [string, number[]][] {
  return [...m.named_parameters()].map(([n, p]) => [n, [...p.shape]]);
}
