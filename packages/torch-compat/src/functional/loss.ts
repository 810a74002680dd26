/**
 * Loss functions of `torch.nn.functional` with PyTorch's reductions, weights, ignore_index and
 * label smoothing, composed from core ops (so autograd gives PyTorch's gradients).
 */
import { IndexError, RuntimeError, type Tensor, validationRead, ValueError, where } from '@nncompat/core';
import { log_softmax } from './activation.js';
import { bindArgs, type Param, p, type PyArgs } from './pyargs.js';
import { applyReduction, checkReduction, type Reduction, sameShape, sizeStr } from './reduction.js';
import { warnOnce } from './warn.js';

/** `reduction=`, and the deprecated `size_average=` / `reduce=` that still override it. */
export interface ReductionOptions {
  /** Deprecated in PyTorch; when it or `reduce` is set, it decides the reduction (with a warning). */
  size_average?: boolean | null;
  /** Deprecated in PyTorch; see `size_average`. */
  reduce?: boolean | null;
  reduction?: Reduction;
}

type Legacy = [size_average: boolean | null, reduce: boolean | null];
const SIZE_AVERAGE = p.optBool('size_average');
const REDUCE = p.optBool('reduce');
const REDUCTION = p.str('reduction');
const WEIGHT = p.optTensor('weight');

/**
 * Binds a loss's trailing arguments (positions count from 3: input and target come first) and
 * resolves the reduction as `_Reduction.legacy_get_string` does when size_average/reduce are set.
 */
function lossArgs<O extends ReductionOptions>(fn: string, params: readonly Param[], args: readonly unknown[]): O & { reduction: string; legacy: boolean } {
  const o = bindArgs<O>(fn, 2, params, args);
  const sa = o.size_average ?? null;
  const red = o.reduce ?? null;
  if (sa === null && red === null) return { ...o, reduction: o.reduction ?? 'mean', legacy: false };
  const ret = (sa ?? true) && (red ?? true) ? 'mean' : (red ?? true) ? 'sum' : 'none';
  warnOnce(`size_average and reduce args will be deprecated, please use reduction='${ret}' instead.`);
  return { ...o, reduction: ret, legacy: true };
}

function checkSize(input: Tensor, target: Tensor): void {
  if (!sameShape(input.shape, target.shape)) {
    warnOnce(`Using a target size (${sizeStr(target.shape)}) that is different to the input size (${sizeStr(input.shape)}). This will likely lead to incorrect results due to broadcasting. Please ensure they have the same size.`);
  }
}

/**
 * `F.mse_loss(input, target, reduction='mean')`.
 *
 * @example
 * F.mse_loss(pred, y);
 * F.mse_loss(pred, y, null, null, 'sum'); // F.mse_loss(pred, y, { reduction: 'sum' })
 */
export function mse_loss(input: Tensor, target: Tensor, ...args: PyArgs<[...Legacy, reduction: Reduction], ReductionOptions>): Tensor {
  const { reduction } = lossArgs('mse_loss', [SIZE_AVERAGE, REDUCE, REDUCTION], args);
  checkReduction(reduction);
  checkSize(input, target);
  const d = input.sub(target);
  return applyReduction(d.mul(d), reduction);
}

/**
 * `F.l1_loss(input, target, reduction='mean')`.
 *
 * @example
 * F.l1_loss(pred, y, { reduction: 'sum' });
 * F.l1_loss(pred, y, null, null, 'sum');
 */
export function l1_loss(input: Tensor, target: Tensor, ...args: PyArgs<[...Legacy, reduction: Reduction], ReductionOptions>): Tensor {
  const { reduction } = lossArgs('l1_loss', [SIZE_AVERAGE, REDUCE, REDUCTION], args);
  checkReduction(reduction);
  checkSize(input, target);
  return applyReduction(input.sub(target).abs(), reduction);
}

/** Options of `F.smooth_l1_loss`. */
export interface SmoothL1Options extends ReductionOptions {
  beta?: number;
}

/**
 * `F.smooth_l1_loss(input, target, reduction='mean', beta=1.0)`: `0.5 d^2 / beta` where
 * `|d| < beta`, else `|d| - 0.5 beta`.
 *
 * @example
 * F.smooth_l1_loss(pred, y, { beta: 0.5 });
 * F.smooth_l1_loss(pred, y, null, null, 'mean', 0.5);
 */
export function smooth_l1_loss(input: Tensor, target: Tensor, ...args: PyArgs<[...Legacy, reduction: Reduction, beta: number], SmoothL1Options>): Tensor {
  const o = lossArgs<SmoothL1Options>('smooth_l1_loss', [SIZE_AVERAGE, REDUCE, REDUCTION, p.float('beta')], args);
  const reduction = o.reduction;
  const beta = o.beta ?? 1;
  checkReduction(reduction);
  checkSize(input, target);
  if (beta < 0) throw new RuntimeError('smooth_l1_loss does not support negative values for beta.');
  const z = input.sub(target).abs();
  if (beta === 0) return applyReduction(z, reduction);
  const loss = where(z.lt(beta), z.mul(z).mul(0.5 / beta), z.sub(0.5 * beta));
  return applyReduction(loss, reduction);
}

/** Options of `F.binary_cross_entropy`. */
export interface BCEOptions extends ReductionOptions {
  weight?: Tensor | null;
}

/**
 * `F.binary_cross_entropy(input, target, weight=None, reduction='mean')` with the logs clamped
 * at -100, as PyTorch does.
 *
 * @example
 * F.binary_cross_entropy(torch.sigmoid(logits), y);
 * F.binary_cross_entropy(p, y, w);          // F.binary_cross_entropy(p, y, { weight: w })
 */
export function binary_cross_entropy(input: Tensor, target: Tensor, ...args: PyArgs<[weight: Tensor | null, ...Legacy, reduction: Reduction], BCEOptions>): Tensor {
  const opts = lossArgs<BCEOptions>('binary_cross_entropy', [WEIGHT, SIZE_AVERAGE, REDUCE, REDUCTION], args);
  const reduction = opts.reduction;
  checkReduction(reduction);
  if (!sameShape(input.shape, target.shape)) {
    throw new ValueError(`Using a target size (${sizeStr(target.shape)}) that is different to the input size (${sizeStr(input.shape)}) is deprecated. Please ensure they have the same size.`);
  }
  let loss = target.mul(input.log().clamp(-100, null)).add(target.rsub(1).mul(input.rsub(1).log().clamp(-100, null))).neg();
  if (opts.weight) loss = loss.mul(opts.weight);
  return applyReduction(loss, reduction);
}

/** Options of `F.binary_cross_entropy_with_logits`. */
export interface BCEWithLogitsOptions extends BCEOptions {
  pos_weight?: Tensor | null;
}

/**
 * `F.binary_cross_entropy_with_logits(input, target, weight=None, reduction='mean',
 * pos_weight=None)` in ATen's stable form `(1 - t) x + lw (log1p(exp(-|x|)) + max(-x, 0))`.
 *
 * @example
 * F.binary_cross_entropy_with_logits(logits, y, { pos_weight: pw });
 * F.binary_cross_entropy_with_logits(logits, y, null, null, null, 'mean', pw);
 */
export function binary_cross_entropy_with_logits(
  input: Tensor, target: Tensor,
  ...args: PyArgs<[weight: Tensor | null, ...Legacy, reduction: Reduction, pos_weight: Tensor | null], BCEWithLogitsOptions>
): Tensor {
  const opts = lossArgs<BCEWithLogitsOptions>('binary_cross_entropy_with_logits', [WEIGHT, SIZE_AVERAGE, REDUCE, REDUCTION, p.optTensor('pos_weight')], args);
  const reduction = opts.reduction;
  checkReduction(reduction);
  if (!sameShape(input.shape, target.shape)) {
    throw new ValueError(`Target size (${sizeStr(target.shape)}) must be the same as input size (${sizeStr(input.shape)})`);
  }
  const softTerm = input.abs().neg().exp().log1p().add(input.neg().clamp(0, null));
  let loss: Tensor;
  if (opts.pos_weight) {
    const lw = opts.pos_weight.sub(1).mul(target).add(1);
    loss = target.rsub(1).mul(input).add(lw.mul(softTerm));
  } else {
    loss = target.rsub(1).mul(input).add(softTerm);
  }
  if (opts.weight) loss = loss.mul(opts.weight);
  return applyReduction(loss, reduction);
}

/** Options of `F.kl_div`. */
export interface KLDivOptions extends Omit<ReductionOptions, 'reduction'> {
  reduction?: Reduction | 'batchmean';
  log_target?: boolean;
}

/**
 * `F.kl_div(input, target, reduction='mean', log_target=False)` with `input` in log space.
 *
 * @example
 * F.kl_div(logp, q, { reduction: 'batchmean' });
 * F.kl_div(logp, q, null, null, 'batchmean', true);
 */
export function kl_div(
  input: Tensor, target: Tensor,
  ...args: PyArgs<[...Legacy, reduction: Reduction | 'batchmean', log_target: boolean], KLDivOptions>
): Tensor {
  // Typed as ReductionOptions for lossArgs; the string may be 'batchmean' (KLDivOptions).
  const opts = lossArgs<ReductionOptions & { log_target?: boolean }>('kl_div', [SIZE_AVERAGE, REDUCE, REDUCTION, p.bool('log_target')], args);
  const reduction: string = opts.reduction;
  let loss: Tensor;
  if (opts.log_target) loss = target.exp().mul(target.sub(input));
  else {
    // xlogy(t, t): 0 where t == 0.
    const tlogt = where(target.eq(0), target.mul(0), target.mul(target.log()));
    loss = tlogt.sub(target.mul(input));
  }
  if (reduction === 'batchmean') {
    return input.dim() === 0 ? loss.sum() : loss.sum().div(input.shape[0]!);
  }
  if (reduction === 'mean' && !opts.legacy) {
    warnOnce("reduction: 'mean' divides the total loss by both the batch size and the support size.'batchmean' divides only by the batch size, and aligns with the KL div math definition.'mean' will be changed to behave the same as 'batchmean' in the next major release.");
  }
  return applyReduction(loss, reduction);
}

/** Options of `F.nll_loss`. */
export interface NLLLossOptions extends ReductionOptions {
  weight?: Tensor | null;
  ignore_index?: number;
}

/** Moves the class dim (1, or 0 for unbatched) of `[N, C, d...]` last: `[N, d..., C]`. */
function classLast(x: Tensor): Tensor {
  if (x.dim() <= 2) return x;
  const perm = [0, ...x.shape.slice(2).map((_, i) => i + 2), 1];
  return x.permute(perm);
}

/** Per-element NLL and its weights, on `[N, d...]`; ignored targets have weight 0. */
function nllParts(input: Tensor, target: Tensor, weight: Tensor | null, ignore_index: number): { loss: Tensor; w: Tensor } {
  const C = input.dim() === 1 ? input.shape[0]! : input.shape[1]!;
  if (input.dim() >= 2 && input.shape[0] !== target.shape[0]) {
    throw new ValueError(`Expected input batch_size (${input.shape[0]}) to match target batch_size (${target.shape[0]}).`);
  }
  if (input.dim() < 1) throw new ValueError(`Expected 1 or more dimensions (got ${input.dim()})`);
  if (input.dim() === 1 && target.dim() !== 0) throw new RuntimeError(`0D or 1D target tensor expected, multi-target not supported`);
  if (weight && (weight.dim() !== 1 || weight.numel() !== C)) {
    throw new RuntimeError(`weight tensor should be defined either for all ${C} classes or no classes but got weight tensor of shape: [${weight.shape.join(', ')}]`);
  }
  const keep = target.ne(ignore_index);
  const safe = where(keep, target, 0);
  validationRead(() => {
    for (const t of safe.dataSync()) if (Number(t) < 0 || Number(t) >= C) throw new IndexError(`Target ${Number(t)} is out of bounds.`);
  });
  const x = classLast(input);
  const picked = x.gather(x.dim() - 1, safe.unsqueeze(-1)).squeeze(-1);
  let w = keep.to(input.dtype);
  if (weight) w = w.mul(weight.index_select(0, safe.reshape(-1)).reshape(safe.shape));
  // where(), not a bare product: ignored entries must get an exact 0 gradient even when the
  // 'mean' denominator is 0 (all ignored), as ATen's backward only touches kept entries.
  return { loss: where(keep, picked.neg().mul(w), 0), w };
}

/**
 * `F.nll_loss(input, target, weight=None, ignore_index=-100, reduction='mean')` on log
 * probabilities `[N, C]`, `[N, C, d...]` or `[C]`; 'mean' divides by the summed weights.
 *
 * @example
 * F.nll_loss(F.log_softmax(logits, 1), labels);
 * F.nll_loss(logp, labels, w, null, 0); // F.nll_loss(logp, labels, { weight: w, ignore_index: 0 })
 */
export function nll_loss(
  input: Tensor, target: Tensor,
  ...args: PyArgs<[weight: Tensor | null, size_average: boolean | null, ignore_index: number, reduce: boolean | null, reduction: Reduction], NLLLossOptions>
): Tensor {
  const opts = lossArgs<NLLLossOptions>('nll_loss', [WEIGHT, SIZE_AVERAGE, p.int('ignore_index'), REDUCE, REDUCTION], args);
  const reduction = opts.reduction;
  checkReduction(reduction);
  const { loss, w } = nllParts(input, target, opts.weight ?? null, opts.ignore_index ?? -100);
  if (reduction === 'none') return loss;
  if (reduction === 'sum') return loss.sum();
  // 0/0 gives NaN as in PyTorch, but through a constant: dividing by a safe denominator keeps
  // the gradient 0 (not NaN) when every target is ignored, as ATen's backward.
  const total = w.sum();
  const empty = total.eq(0);
  return loss.sum().div(where(empty, 1, total).to(total.dtype)).add(where(empty, NaN, 0).to(total.dtype));
}

/** Options of `F.cross_entropy`. */
export interface CrossEntropyOptions extends NLLLossOptions {
  label_smoothing?: number;
}

/**
 * `F.cross_entropy(input, target, weight=None, ignore_index=-100, reduction='mean',
 * label_smoothing=0.0)`: class-index targets (int64) or class probabilities (float, same shape
 * as input), following ATen's cross_entropy_loss (2.1), label smoothing included.
 *
 * @example
 * F.cross_entropy(logits, labels, { label_smoothing: 0.1 });
 * F.cross_entropy(logits, labels, null, null, -100, null, 'mean', 0.1);
 */
export function cross_entropy(
  input: Tensor, target: Tensor,
  ...args: PyArgs<[weight: Tensor | null, size_average: boolean | null, ignore_index: number, reduce: boolean | null, reduction: Reduction, label_smoothing: number], CrossEntropyOptions>
): Tensor {
  const opts = lossArgs<CrossEntropyOptions>('cross_entropy', [WEIGHT, SIZE_AVERAGE, p.int('ignore_index'), REDUCE, REDUCTION, p.float('label_smoothing')], args);
  const reduction = opts.reduction;
  checkReduction(reduction);
  const ls = opts.label_smoothing ?? 0;
  const weight = opts.weight ?? null;
  const ignore = opts.ignore_index ?? -100;
  if (ls < 0 || ls > 1) throw new RuntimeError(`label_smoothing must be between 0.0 and 1.0. Got: ${pyFloat(ls)}`);
  const classDim = input.dim() === 1 ? 0 : 1;
  const C = input.shape[classDim]!;
  const logp = log_softmax(input, classDim);
  const wView = weight ? weight.reshape(input.shape.map((_, i) => (i === classDim ? C : 1))) : null;
  if (target.dtype.is_floating_point) {
    if (!sameShape(input.shape, target.shape)) {
      throw new RuntimeError(`Expected target size ${sizeStr(input.shape).replace('torch.Size(', '').replace(')', '')}, got ${sizeStr(target.shape).replace('torch.Size(', '').replace(')', '')}`);
    }
    const t = ls > 0 ? target.mul(1 - ls).add(ls / C) : target;
    let prod = logp.mul(t);
    if (wView) prod = prod.mul(wView);
    if (reduction === 'none') return prod.sum(classDim).neg();
    if (reduction === 'sum') return prod.sum().neg();
    return prod.sum().neg().div(input.numel() / C);
  }
  const nll = nll_loss(logp, target, { weight, ignore_index: ignore, reduction });
  if (ls === 0) return nll;
  const ignoreMask = target.eq(ignore);
  let smooth = (wView ? logp.mul(wView) : logp).sum(classDim).neg();
  smooth = smooth.masked_fill(ignoreMask, 0);
  let ret: Tensor;
  if (reduction === 'mean') {
    if (weight) {
      const kept = where(ignoreMask, 0, target).reshape(-1);
      const ws = weight.index_select(0, kept).mul(ignoreMask.logical_not().reshape(-1).to(weight.dtype)).sum();
      ret = smooth.sum().div(ws);
    } else {
      ret = smooth.sum().div(ignoreMask.logical_not().sum());
    }
  } else ret = reduction === 'sum' ? smooth.sum() : smooth;
  return nll.mul(1 - ls).add(ret.mul(ls / C));
}

function pyFloat(v: number): string {
  return Number.isInteger(v) ? v.toFixed(1) : String(v);
}
