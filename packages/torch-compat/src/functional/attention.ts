/** `F.scaled_dot_product_attention` (PyTorch 2.0+), written from the reference formula of the 2.1 docs. */
import { full, ones, type Tensor, where } from '@nncompat/core';
import { dropout } from './dropout.js';
import { bindArgs, p, type PyArgs } from './pyargs.js';

/** Options of `F.scaled_dot_product_attention`. */
export interface SDPAOptions {
  attn_mask?: Tensor | null;
  dropout_p?: number;
  is_causal?: boolean;
  scale?: number | null;
}

const SDPA_PARAMS = [p.optTensor('attn_mask'), p.float('dropout_p'), p.bool('is_causal')];
const SDPA_KW = [p.optFloat('scale')];

/**
 * `F.scaled_dot_product_attention(query, key, value, attn_mask=None, dropout_p=0.0,
 * is_causal=False, *, scale=None)` (`scale` is keyword-only, as in 2.1's schema): `softmax(q k^T * scale + bias) v`, where a boolean mask marks
 * the positions that take part, a float mask is added, and `is_causal` masks the upper
 * triangle.
 *
 * @example
 * F.scaled_dot_product_attention(q, k, v, null, 0, true);
 * F.scaled_dot_product_attention(q, k, v, { is_causal: true, scale: 0.5 });
 */
export function scaled_dot_product_attention(
  query: Tensor, key: Tensor, value: Tensor,
  ...args: PyArgs<[attn_mask: Tensor | null, dropout_p: number, is_causal: boolean], SDPAOptions>
): Tensor {
  const opts = bindArgs<SDPAOptions>('scaled_dot_product_attention', 3, SDPA_PARAMS, args, SDPA_KW);
  const L = query.shape[query.dim() - 2]!;
  const S = key.shape[key.dim() - 2]!;
  const scale = opts.scale ?? 1 / Math.sqrt(query.shape[query.dim() - 1]!);
  let bias = full([L, S], 0, { dtype: query.dtype, device: query.device });
  if (opts.is_causal) {
    const keep = ones(L, S, { dtype: 'bool', device: query.device }).tril(0);
    bias = bias.masked_fill(keep.logical_not(), -Infinity);
  }
  const mask = opts.attn_mask ?? null;
  if (mask) {
    // where (not masked_fill) so that a mask with batch dims broadcasts against [L, S].
    bias = mask.dtype.name === 'bool' ? where(mask, bias, -Infinity) : bias.add(mask);
  }
  let w = query.matmul(key.transpose(-2, -1)).mul(scale).add(bias).softmax(-1);
  if ((opts.dropout_p ?? 0) > 0) w = dropout(w, { p: opts.dropout_p, training: true });
  return w.matmul(value);
}
