/**
 * `torch.nn.MultiheadAttention` (PyTorch 2.1 signature; the computation of
 * `F.multi_head_attention_forward`'s reference path: packed or separate input projections,
 * bool/float `attn_mask` and `key_padding_mask` merged into one additive mask, scaled
 * `q kᵀ`, softmax, dropout, output projection, optional head-averaged weights).
 */
import { AssertionError, cat, empty, Parameter, RuntimeError, type Tensor, ValueError, where, zeros } from '@nncompat/core';
import * as F from '../../functional/index.js';
import { constant_, xavier_normal_, xavier_uniform_ } from '../../init/index.js';
import { warn } from '../../utils/warn.js';
import { bindArgs, type Factory, factoryOf, type WithKw } from './layers-util/args.js';
import { Linear } from './linear.js';
import { Module } from './module.js';

/** `NonDynamicallyQuantizableLinear`: a Linear under the name MultiheadAttention's repr shows. */
export class NonDynamicallyQuantizableLinear extends Linear {
  static override __module__ = 'torch.nn.modules.linear';
}

/** Keyword arguments of `nn.MultiheadAttention`. */
export interface MultiheadAttentionKw extends Factory {
  dropout?: number;
  bias?: boolean;
  add_bias_kv?: boolean;
  add_zero_attn?: boolean;
  kdim?: number | null;
  vdim?: number | null;
  batch_first?: boolean;
}

/** Keyword arguments of `MultiheadAttention.forward`. */
export interface MultiheadAttentionForwardKw {
  key_padding_mask?: Tensor | null;
  need_weights?: boolean;
  attn_mask?: Tensor | null;
  average_attn_weights?: boolean;
  /** A hint in PyTorch 2.1: `attn_mask` must still be given, and is what gets applied. */
  is_causal?: boolean;
}

type MHAPositional = [dropout: number, bias: boolean, add_bias_kv: boolean, add_zero_attn: boolean, kdim: number | null, vdim: number | null, batch_first: boolean];
type MHAForwardPositional = [key_padding_mask: Tensor | null, need_weights: boolean, attn_mask: Tensor | null, average_attn_weights: boolean, is_causal: boolean];

/** A bool mask as an additive float mask (`-inf` where true), as `_canonical_mask` does. */
function canonicalMask(mask: Tensor | null, name: string, dtype: Tensor['dtype']): Tensor | null {
  if (mask === null) return null;
  if (mask.dtype.name === 'bool') return where(mask, -Infinity, zeros(mask.shape, { dtype, device: mask.device }));
  if (!mask.dtype.is_floating_point) throw new AssertionError(`only bool and floating types of ${name} are supported`);
  return mask;
}

/**
 * `nn.MultiheadAttention(embed_dim, num_heads, dropout=0.0, bias=True, add_bias_kv=False,
 * add_zero_attn=False, kdim=None, vdim=None, batch_first=False, device=None, dtype=None)`.
 * `forward(query, key, value, {key_padding_mask, need_weights, attn_mask,
 * average_attn_weights})` returns `[attn_output, attn_weights | null]`.
 *
 * @example
 * ```ts
 * const mha = new nn.MultiheadAttention(16, 4, { batch_first: true });
 * const [out, w] = mha(x, x, x); // x: [N, L, 16]; w: [N, L, L]
 * ```
 */
export class MultiheadAttention extends Module {
  static override __module__ = 'torch.nn.modules.activation';
  declare embed_dim: number;
  declare kdim: number;
  declare vdim: number;
  declare _qkv_same_embed_dim: boolean;
  declare num_heads: number;
  declare dropout: number;
  declare batch_first: boolean;
  declare head_dim: number;
  declare in_proj_weight: Parameter | null;
  declare q_proj_weight: Parameter | null;
  declare k_proj_weight: Parameter | null;
  declare v_proj_weight: Parameter | null;
  declare in_proj_bias: Parameter | null;
  declare out_proj: NonDynamicallyQuantizableLinear;
  declare bias_k: Parameter | null;
  declare bias_v: Parameter | null;
  declare add_zero_attn: boolean;

  constructor(embed_dim: number, num_heads: number, ...args: WithKw<MHAPositional, MultiheadAttentionKw>) {
    super();
    const o = bindArgs<MultiheadAttentionKw>(
      'MultiheadAttention.__init__', ['dropout', 'bias', 'add_bias_kv', 'add_zero_attn', 'kdim', 'vdim', 'batch_first', 'device', 'dtype'], args,
    );
    if (embed_dim <= 0 || num_heads <= 0) {
      throw new ValueError(`embed_dim and num_heads must be greater than 0, got embed_dim=${embed_dim} and num_heads=${num_heads} instead`);
    }
    const factory = factoryOf(o);
    const bias = o.bias ?? true;
    this.embed_dim = embed_dim;
    this.kdim = o.kdim ?? embed_dim;
    this.vdim = o.vdim ?? embed_dim;
    this._qkv_same_embed_dim = this.kdim === embed_dim && this.vdim === embed_dim;
    this.num_heads = num_heads;
    this.dropout = o.dropout ?? 0;
    this.batch_first = o.batch_first ?? false;
    this.head_dim = Math.floor(embed_dim / num_heads);
    if (this.head_dim * num_heads !== embed_dim) throw new AssertionError('embed_dim must be divisible by num_heads');
    if (!this._qkv_same_embed_dim) {
      this.q_proj_weight = new Parameter(empty([embed_dim, embed_dim], factory));
      this.k_proj_weight = new Parameter(empty([embed_dim, this.kdim], factory));
      this.v_proj_weight = new Parameter(empty([embed_dim, this.vdim], factory));
      this.register_parameter('in_proj_weight', null);
    } else {
      this.in_proj_weight = new Parameter(empty([3 * embed_dim, embed_dim], factory));
      this.register_parameter('q_proj_weight', null);
      this.register_parameter('k_proj_weight', null);
      this.register_parameter('v_proj_weight', null);
    }
    if (bias) this.in_proj_bias = new Parameter(empty([3 * embed_dim], factory));
    else this.register_parameter('in_proj_bias', null);
    this.out_proj = new NonDynamicallyQuantizableLinear(embed_dim, embed_dim, { bias, ...factory });
    if (o.add_bias_kv ?? false) {
      this.bias_k = new Parameter(empty([1, 1, embed_dim], factory));
      this.bias_v = new Parameter(empty([1, 1, embed_dim], factory));
    } else {
      this.bias_k = null;
      this.bias_v = null;
    }
    this.add_zero_attn = o.add_zero_attn ?? false;
    this._reset_parameters();
  }

  /** `_reset_parameters()`: xavier_uniform_ projections, zero biases, xavier_normal_ bias_k/v. */
  _reset_parameters(): void {
    if (this._qkv_same_embed_dim) {
      xavier_uniform_(this.in_proj_weight!);
    } else {
      xavier_uniform_(this.q_proj_weight!);
      xavier_uniform_(this.k_proj_weight!);
      xavier_uniform_(this.v_proj_weight!);
    }
    if (this.in_proj_bias !== null) {
      constant_(this.in_proj_bias, 0);
      constant_(this.out_proj.bias!, 0);
    }
    if (this.bias_k !== null) xavier_normal_(this.bias_k);
    if (this.bias_v !== null) xavier_normal_(this.bias_v);
  }

  override forward(query: Tensor, key: Tensor, value: Tensor, ...args: WithKw<MHAForwardPositional, MultiheadAttentionForwardKw>): [Tensor, Tensor | null] {
    const o = bindArgs<MultiheadAttentionForwardKw>(
      'MultiheadAttention.forward', ['key_padding_mask', 'need_weights', 'attn_mask', 'average_attn_weights', 'is_causal'], args,
    );
    const needWeights = o.need_weights ?? true;
    if ((o.is_causal ?? false) && (o.attn_mask ?? null) === null) {
      throw new RuntimeError('Need attn_mask if specifying the is_causal hint. You may use the Transformer module method `generate_square_subsequent_mask` to create this mask.');
    }
    const isBatched = query.dim() === 3;
    let q = query;
    let k = key;
    let v = value;
    if (this.batch_first && isBatched) {
      q = q.transpose(1, 0);
      k = k.transpose(1, 0);
      v = v.transpose(1, 0);
    }
    const [out, w] = this.attend(q, k, v, isBatched, o.key_padding_mask ?? null, o.attn_mask ?? null, needWeights, o.average_attn_weights ?? true);
    return [this.batch_first && isBatched ? out.transpose(1, 0) : out, w];
  }

  /** `F.multi_head_attention_forward` on sequence-first tensors. */
  private attend(
    query: Tensor, key: Tensor, value: Tensor, isBatched: boolean, keyPaddingMask: Tensor | null, attnMask: Tensor | null, needWeights: boolean, average: boolean,
  ): [Tensor, Tensor | null] {
    if (query.dim() !== 3 && query.dim() !== 2) {
      throw new AssertionError(`query should be unbatched 2D or batched 3D tensor but received ${query.dim()}-D query tensor`);
    }
    let kpm = keyPaddingMask;
    if (!isBatched) {
      query = query.unsqueeze(1);
      key = key.unsqueeze(1);
      value = value.unsqueeze(1);
      if (kpm !== null) kpm = kpm.unsqueeze(0);
    }
    const [tgtLen, bsz, embedDim] = query.shape as [number, number, number];
    if (embedDim !== this.embed_dim) throw new AssertionError(`was expecting embedding dimension of ${this.embed_dim}, but got ${embedDim}`);
    const E = this.embed_dim;
    const H = this.num_heads;
    const hd = this.head_dim;
    const b = this.in_proj_bias;
    let q: Tensor;
    let k: Tensor;
    let v: Tensor;
    if (this._qkv_same_embed_dim) {
      const [wq, wk, wv] = this.in_proj_weight!.chunk(3) as [Tensor, Tensor, Tensor];
      const [bq, bk, bv] = b === null ? [null, null, null] : (b.chunk(3) as [Tensor, Tensor, Tensor]);
      q = F.linear(query, wq, bq);
      k = F.linear(key, wk, bk);
      v = F.linear(value, wv, bv);
    } else {
      const [bq, bk, bv] = b === null ? [null, null, null] : (b.chunk(3) as [Tensor, Tensor, Tensor]);
      q = F.linear(query, this.q_proj_weight!, bq);
      k = F.linear(key, this.k_proj_weight!, bk);
      v = F.linear(value, this.v_proj_weight!, bv);
    }
    let mask = attnMask;
    if (mask !== null) {
      if (mask.dtype.name === 'uint8') {
        warn('Byte tensor for attn_mask in nn.MultiheadAttention is deprecated. Use bool tensor instead.');
        mask = mask.bool();
      }
      mask = canonicalMask(mask, 'attn_mask', q.dtype)!;
      const srcLen0 = key.shape[0]!;
      if (mask.dim() === 2) {
        if (mask.shape[0] !== tgtLen || mask.shape[1] !== srcLen0) {
          throw new RuntimeError(`The shape of the 2D attn_mask is torch.Size([${mask.shape.join(', ')}]), but should be (${tgtLen}, ${srcLen0}).`);
        }
        mask = mask.unsqueeze(0);
      } else if (mask.dim() === 3) {
        if (mask.shape[0] !== bsz * H || mask.shape[1] !== tgtLen || mask.shape[2] !== srcLen0) {
          throw new RuntimeError(`The shape of the 3D attn_mask is torch.Size([${mask.shape.join(', ')}]), but should be (${bsz * H}, ${tgtLen}, ${srcLen0}).`);
        }
      } else {
        throw new RuntimeError(`attn_mask's dimension ${mask.dim()} is not supported`);
      }
    }
    let pad = canonicalMask(kpm, 'key_padding_mask', q.dtype);
    if (this.bias_k !== null && this.bias_v !== null) {
      k = cat([k, this.bias_k.expand(1, bsz, E)]);
      v = cat([v, this.bias_v.expand(1, bsz, E)]);
      if (mask !== null) mask = F.pad(mask, [0, 1]);
      if (pad !== null) pad = F.pad(pad, [0, 1]);
    }
    q = q.contiguous().view(tgtLen, bsz * H, hd).transpose(0, 1);
    k = k.contiguous().view(k.shape[0]!, bsz * H, hd).transpose(0, 1);
    v = v.contiguous().view(v.shape[0]!, bsz * H, hd).transpose(0, 1);
    if (this.add_zero_attn) {
      const z = zeros([bsz * H, 1, hd], { dtype: k.dtype, device: k.device });
      k = cat([k, z], 1);
      v = cat([v, z], 1);
      if (mask !== null) mask = F.pad(mask, [0, 1]);
      if (pad !== null) pad = F.pad(pad, [0, 1]);
    }
    const srcLen = k.shape[1]!;
    if (pad !== null) {
      if (pad.dim() !== 2 || pad.shape[0] !== bsz || pad.shape[1] !== srcLen) {
        throw new AssertionError(`expecting key_padding_mask shape of (${bsz}, ${srcLen}), but got torch.Size([${pad.shape.join(', ')}])`);
      }
      const p = pad.view(bsz, 1, 1, srcLen).expand(-1, H, -1, -1).reshape(bsz * H, 1, srcLen);
      mask = mask === null ? p : mask.add(p);
    }
    const dropoutP = this.training ? this.dropout : 0;
    let w = q.div(Math.sqrt(hd)).bmm(k.transpose(-2, -1));
    if (mask !== null) w = w.add(mask);
    w = w.softmax(-1);
    if (dropoutP > 0) w = F.dropout(w, { p: dropoutP });
    let out = w.bmm(v);
    out = out.transpose(0, 1).contiguous().view(tgtLen * bsz, E);
    out = F.linear(out, this.out_proj.weight, this.out_proj.bias).view(tgtLen, bsz, out.shape[1]!);
    if (!needWeights) return [isBatched ? out : out.squeeze(1), null];
    let weights = w.view(bsz, H, tgtLen, srcLen);
    if (average) weights = weights.sum(1).div(H);
    if (!isBatched) return [out.squeeze(1), weights.squeeze(0)];
    return [out, weights];
  }
}
