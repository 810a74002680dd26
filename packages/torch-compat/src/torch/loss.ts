/**
 * `torch.binary_cross_entropy_with_logits` and `torch.kl_div`: ATen's forms, whose `reduction`
 * is an integer (0 none, 1 mean, 2 sum: `torch.nn._reduction`'s enum). When it is omitted
 * PyTorch 1.13's Python binding reduces nothing (the schema's `reduction=Mean` default does not
 * reach Python; checked against real PyTorch in the goldens), so the default here is 0 too.
 */
import { ValueError, type Tensor } from '@nncompat/core';
import * as F from '../functional/index.js';

/** ATen's reduction enum: 0 none, 1 mean (over all elements), 2 sum. */
export type ReductionEnum = 0 | 1 | 2;

function reductionName(r: number): 'none' | 'mean' | 'sum' {
  if (r === 0) return 'none';
  if (r === 1) return 'mean';
  if (r === 2) return 'sum';
  throw new ValueError(`${r} is not a valid value for reduction`);
}

/**
 * `torch.binary_cross_entropy_with_logits(input, target, weight=None, pos_weight=None,
 * reduction=<none when omitted>)`.
 *
 * @example
 * torch.binary_cross_entropy_with_logits(logits, y, null, null, 1); // mean
 */
export function binary_cross_entropy_with_logits(input: Tensor, target: Tensor, weight: Tensor | null = null, pos_weight: Tensor | null = null, reduction: ReductionEnum = 0): Tensor {
  return F.binary_cross_entropy_with_logits(input, target, { weight, pos_weight, reduction: reductionName(reduction) });
}

/** Keyword-only arguments of `torch.kl_div`. */
export interface KlDivOptions {
  log_target?: boolean;
}

/**
 * `torch.kl_div(input, target, reduction=<none when omitted>, *, log_target=False)` with
 * `input` in log space; reduction 1 is the mean over all elements (not F's 'batchmean').
 *
 * @example
 * torch.kl_div(logp, q, 2); // sum
 */
export function kl_div(input: Tensor, target: Tensor, reduction: ReductionEnum | KlDivOptions = 0, opts: KlDivOptions = {}): Tensor {
  const r = typeof reduction === 'number' ? reduction : 0;
  const o = typeof reduction === 'number' ? opts : reduction;
  const loss = F.kl_div(input, target, { reduction: 'none', log_target: o.log_target ?? false });
  const name = reductionName(r);
  return name === 'none' ? loss : name === 'sum' ? loss.sum() : loss.mean();
}
