/**
 * More losses of `torch.nn.functional` (huber, soft_margin, margin_ranking, hinge_embedding,
 * cosine_embedding, triplet_margin, gaussian_nll, poisson_nll), written as ATen's composite
 * implementations (Loss.cpp) or PyTorch's Python, so autograd gives PyTorch's gradients.
 */
import { RuntimeError, type Tensor, ValueError, where } from '@nncompat/core';
import { pairwise_distance } from './distance-extra.js';
import type { ReductionOptions } from './loss.js';
import { bindArgs, checkArg, type Param, p, type PyArgs } from './pyargs.js';
import { applyReduction, checkReduction, type Reduction, sameShape, sizeStr } from './reduction.js';
import { warnOnce } from './warn.js';

type Legacy = [size_average: boolean | null, reduce: boolean | null];
const SIZE_AVERAGE = p.optBool('size_average');
const REDUCE = p.optBool('reduce');
const REDUCTION = p.str('reduction');

/** Binds the trailing arguments after `first` tensors and resolves `legacy_get_string`. */
function lossArgs<O extends ReductionOptions>(fn: string, first: number, params: readonly Param[], args: readonly unknown[]): O & { red: Reduction } {
  const o = bindArgs<O>(fn, first, params, args);
  const sa = o.size_average ?? null;
  const rd = o.reduce ?? null;
  let red: string = o.reduction ?? 'mean';
  if (sa !== null || rd !== null) {
    red = (sa ?? true) && (rd ?? true) ? 'mean' : (rd ?? true) ? 'sum' : 'none';
    warnOnce(`size_average and reduce args will be deprecated, please use reduction='${red}' instead.`);
  }
  checkReduction(red);
  return { ...o, red };
}

function checkTensors(fn: string, names: readonly string[], ts: readonly unknown[]): void {
  names.forEach((n, i) => checkArg(fn, p.tensor(n), i + 1, ts[i]));
}

/** Options of `huber_loss`. */
export interface HuberOptions {
  reduction?: Reduction;
  delta?: number;
}

/**
 * `F.huber_loss(input, target, reduction='mean', delta=1.0)`: `0.5 d²` where `|d| < delta`,
 * else `delta (|d| - 0.5 delta)`.
 *
 * @example
 * F.huber_loss(pred, y, { delta: 0.5 });
 */
export function huber_loss(input: Tensor, target: Tensor, ...args: PyArgs<[reduction: Reduction, delta: number], HuberOptions>): Tensor {
  checkTensors('huber_loss', ['input', 'target'], [input, target]);
  const o = bindArgs<HuberOptions>('huber_loss', 2, [REDUCTION, p.float('delta')], args);
  const red = o.reduction ?? 'mean';
  const delta = o.delta ?? 1;
  if (!sameShape(input.shape, target.shape)) {
    warnOnce(`Using a target size (${sizeStr(target.shape)}) that is different to the input size (${sizeStr(input.shape)}). This will likely lead to incorrect results due to broadcasting. Please ensure they have the same size.`);
  }
  checkReduction(red);
  if (!(delta > 0)) throw new RuntimeError('huber_loss does not support non-positive values for delta.');
  const z = input.sub(target).abs();
  return applyReduction(where(z.lt(delta), z.mul(z).mul(0.5), z.sub(0.5 * delta).mul(delta)), red);
}

/**
 * `F.soft_margin_loss(input, target, size_average=None, reduce=None, reduction='mean')`:
 * `log(1 + exp(-y x))`.
 *
 * @example
 * F.soft_margin_loss(x, y);
 */
export function soft_margin_loss(input: Tensor, target: Tensor, ...args: PyArgs<[...Legacy, reduction: Reduction], ReductionOptions>): Tensor {
  checkTensors('soft_margin_loss', ['input', 'target'], [input, target]);
  const { red } = lossArgs('soft_margin_loss', 2, [SIZE_AVERAGE, REDUCE, REDUCTION], args);
  return applyReduction(input.mul(target).neg().exp().log1p(), red);
}

/** Options of the margin losses. */
export interface MarginOptions extends ReductionOptions {
  margin?: number;
}

/**
 * `F.margin_ranking_loss(input1, input2, target, margin=0, size_average=None, reduce=None,
 * reduction='mean')`: `max(0, -y (x1 - x2) + margin)`.
 *
 * @example
 * F.margin_ranking_loss(a, b, y, 0.5);
 */
export function margin_ranking_loss(
  input1: Tensor, input2: Tensor, target: Tensor, ...args: PyArgs<[margin: number, ...Legacy, reduction: Reduction], MarginOptions>
): Tensor {
  checkTensors('margin_ranking_loss', ['input1', 'input2', 'target'], [input1, input2, target]);
  const o = lossArgs<MarginOptions>('margin_ranking_loss', 3, [p.float('margin'), SIZE_AVERAGE, REDUCE, REDUCTION], args);
  if (input1.dim() !== input2.dim() || input1.dim() !== target.dim()) {
    throw new RuntimeError(
      `margin_ranking_loss : All input tensors should have same dimension but got sizes: input1: ${sizeStr(input1.shape)}, input2: ${sizeStr(input2.shape)}, target: ${sizeStr(target.shape)} `,
    );
  }
  return applyReduction(target.neg().mul(input1.sub(input2)).add(o.margin ?? 0).clamp_min(0), o.red);
}

/**
 * `F.hinge_embedding_loss(input, target, margin=1.0, size_average=None, reduce=None,
 * reduction='mean')`: `x` where `y = 1`, `max(0, margin - x)` where `y = -1` (ATen sums both
 * `where` terms, so other labels count twice, as there).
 *
 * @example
 * F.hinge_embedding_loss(d, y, 2.0);
 */
export function hinge_embedding_loss(input: Tensor, target: Tensor, ...args: PyArgs<[margin: number, ...Legacy, reduction: Reduction], MarginOptions>): Tensor {
  checkTensors('hinge_embedding_loss', ['input', 'target'], [input, target]);
  const o = lossArgs<MarginOptions>('hinge_embedding_loss', 2, [p.float('margin'), SIZE_AVERAGE, REDUCE, REDUCTION], args);
  const zeros = input.mul(0).detach();
  const marginClamp = input.neg().add(o.margin ?? 1).clamp_min(0);
  const out = where(target.ne(1), marginClamp, zeros).add(where(target.ne(-1), input, zeros));
  return applyReduction(out, o.red);
}

/**
 * `F.cosine_embedding_loss(input1, input2, target, margin=0, size_average=None, reduce=None,
 * reduction='mean')`: `1 - cos` where `y = 1`, `max(0, cos - margin)` where `y = -1`, with
 * ATen's `EPSILON = 1e-12` added to both squared magnitudes.
 *
 * @example
 * F.cosine_embedding_loss(a, b, y);
 */
export function cosine_embedding_loss(
  input1: Tensor, input2: Tensor, target: Tensor, ...args: PyArgs<[margin: number, ...Legacy, reduction: Reduction], MarginOptions>
): Tensor {
  checkTensors('cosine_embedding_loss', ['input1', 'input2', 'target'], [input1, input2, target]);
  const o = lossArgs<MarginOptions>('cosine_embedding_loss', 3, [p.float('margin'), SIZE_AVERAGE, REDUCE, REDUCTION], args);
  const td = target.dim();
  if (td !== 0 && td !== 1) throw new RuntimeError('0D or 1D target tensor expected, multi-target not supported');
  const want = td === 1 ? 2 : 1;
  if (input1.dim() !== want || input2.dim() !== want) {
    throw new RuntimeError(
      `${td}D target tensor expects ${want}D input tensors, but found inputs with sizes [${input1.shape.join(', ')}] and [${input2.shape.join(', ')}].`,
    );
  }
  const EPSILON = 1e-12;
  const prod = input1.mul(input2).sum(td);
  const m1 = input1.mul(input1).sum(td).add(EPSILON);
  const m2 = input2.mul(input2).sum(td).add(EPSILON);
  const cos = prod.div(m1.mul(m2).sqrt());
  const zeros = cos.mul(0).detach();
  const pos = cos.rsub(1);
  const neg = cos.sub(o.margin ?? 0).clamp_min(0);
  const out = where(target.eq(1), pos, zeros).add(where(target.eq(-1), neg, zeros));
  return applyReduction(out, o.red);
}

/** Options of `triplet_margin_loss`. */
export interface TripletMarginOptions extends MarginOptions {
  p?: number;
  eps?: number;
  swap?: boolean;
}

/**
 * `F.triplet_margin_loss(anchor, positive, negative, margin=1.0, p=2, eps=1e-06, swap=False,
 * size_average=None, reduce=None, reduction='mean')`: `max(0, margin + d(a, p) - d(a, n))` with
 * `pairwise_distance`.
 *
 * @example
 * F.triplet_margin_loss(a, pos, neg, { margin: 0.5 });
 */
export function triplet_margin_loss(
  anchor: Tensor, positive: Tensor, negative: Tensor,
  ...args: PyArgs<[margin: number, p: number, eps: number, swap: boolean, ...Legacy, reduction: Reduction], TripletMarginOptions>
): Tensor {
  checkTensors('triplet_margin_loss', ['anchor', 'positive', 'negative'], [anchor, positive, negative]);
  const o = lossArgs<TripletMarginOptions>(
    'triplet_margin_loss', 3, [p.float('margin'), p.float('p'), p.float('eps'), p.bool('swap'), SIZE_AVERAGE, REDUCE, REDUCTION], args,
  );
  const [ad, pd, nd] = [anchor.dim(), positive.dim(), negative.dim()];
  if (!(ad === pd && pd === nd)) {
    throw new RuntimeError(
      `The anchor, positive, and negative tensors are expected to have the same number of dimensions, but got: anchor ${ad}D, positive ${pd}D, and negative ${nd}D inputs`,
    );
  }
  const pn = o.p ?? 2;
  const eps = o.eps ?? 1e-6;
  const dPos = pairwise_distance(anchor, positive, pn, eps);
  let dNeg = pairwise_distance(anchor, negative, pn, eps);
  if (o.swap) dNeg = dNeg.minimum(pairwise_distance(positive, negative, pn, eps));
  return applyReduction(dPos.add(o.margin ?? 1).sub(dNeg).clamp_min(0), o.red);
}

/** Options of `gaussian_nll_loss`. */
export interface GaussianNLLOptions {
  full?: boolean;
  eps?: number;
  reduction?: Reduction;
}

/**
 * `F.gaussian_nll_loss(input, target, var, full=False, eps=1e-06, reduction='mean')`:
 * `0.5 (log(var) + (input - target)² / var)` (+ `0.5 log(2π)` when `full`), with `var` clamped
 * to `eps` in value only (PyTorch clamps a clone under no_grad, so the gradient is unclamped).
 *
 * @example
 * F.gaussian_nll_loss(mu, y, sigma2);
 */
export function gaussian_nll_loss(
  input: Tensor, target: Tensor, variance: Tensor, ...args: PyArgs<[full: boolean, eps: number, reduction: Reduction], GaussianNLLOptions>
): Tensor {
  checkTensors('gaussian_nll_loss', ['input', 'target', 'var'], [input, target, variance]);
  const o = bindArgs<GaussianNLLOptions>('gaussian_nll_loss', 3, [p.bool('full'), p.float('eps'), REDUCTION], args);
  let v = variance;
  if (!sameShape(v.shape, input.shape)) {
    if (sameShape(input.shape.slice(0, -1), v.shape)) v = v.unsqueeze(-1);
    else if (!(sameShape(input.shape.slice(0, -1), v.shape.slice(0, -1)) && v.shape[v.dim() - 1] === 1)) {
      throw new ValueError('var is of incorrect size');
    }
  }
  const red = o.reduction ?? 'mean';
  if (red !== 'none' && red !== 'mean' && red !== 'sum') throw new ValueError(`${String(red)} is not valid`);
  if (v.lt(0).any().item()) throw new ValueError('var has negative entry/entries');
  const vd = v.detach();
  // (v - vd) is exactly 0: the value is the clamped variance, the gradient v's own.
  v = v.sub(vd).add(vd.clamp(o.eps ?? 1e-6, null));
  let loss = v.log().add(input.sub(target).pow(2).div(v)).mul(0.5);
  if (o.full) loss = loss.add(0.5 * Math.log(2 * Math.PI));
  return applyReduction(loss, red);
}

/** Options of `poisson_nll_loss`. */
export interface PoissonNLLOptions extends ReductionOptions {
  log_input?: boolean;
  full?: boolean;
  eps?: number;
}

/**
 * `F.poisson_nll_loss(input, target, log_input=True, full=False, size_average=None, eps=1e-08,
 * reduce=None, reduction='mean')`: `exp(x) - y x` (or `x - y log(x + eps)`), plus Stirling's
 * term where `y > 1` when `full`.
 *
 * @example
 * F.poisson_nll_loss(logRate, counts);
 */
export function poisson_nll_loss(
  input: Tensor, target: Tensor,
  ...args: PyArgs<[log_input: boolean, full: boolean, size_average: boolean | null, eps: number, reduce: boolean | null, reduction: Reduction], PoissonNLLOptions>
): Tensor {
  checkTensors('poisson_nll_loss', ['input', 'target'], [input, target]);
  const o = lossArgs<PoissonNLLOptions>(
    'poisson_nll_loss', 2, [p.bool('log_input'), p.bool('full'), SIZE_AVERAGE, p.float('eps'), REDUCE, REDUCTION], args,
  );
  let loss = (o.log_input ?? true) ? input.exp().sub(target.mul(input)) : input.sub(target.mul(input.add(o.eps ?? 1e-8).log()));
  if (o.full) {
    const stirling = target.mul(target.log()).sub(target).add(target.mul(2 * Math.PI).log().mul(0.5));
    loss = loss.add(stirling.masked_fill(target.le(1), 0));
  }
  return applyReduction(loss, o.red);
}
