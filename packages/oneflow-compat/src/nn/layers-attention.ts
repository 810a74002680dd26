/**
 * OneFlow's `MultiheadAttention` (python/oneflow/nn/modules/activation.py as changed by OneFlow
 * PR #10135, "add MultiheadAttention", GitHub's merge ref 1221ce3; the class is in neither
 * OneFlow 1.0 nor OneFlow's master branch). PyTorch 1.x's signature: no `batch_first`, no
 * `device` / `dtype`, `forward(query, key, value, key_padding_mask=None, need_weights=True,
 * attn_mask=None)` with sequence-first tensors and head-averaged weights, `out_proj` a plain
 * `Linear`. The attention is torch-compat's `MultiheadAttention` run on these Parameters (a
 * hidden twin, see {@link torchTwin}); upstream the forward calls
 * `oneflow.nn.functional.multi_head_attention_forward`, which that tree does not define.
 */
import { AssertionError, PythonError, type Tensor as CoreTensor } from '@nncompat/core';
import { init as tinit, MultiheadAttention as TorchMHA } from '@nncompat/torch-compat/nn';
import { asFlow, type Tensor } from '../tensor/tensor.js';
import { Linear } from './layers.js';
import { Module } from './module.js';
import { Parameter } from './parameter.js';
import { torchTwin } from './torch-twin.js';
import { empty } from '@nncompat/core';

/** Python's `ZeroDivisionError` (what `embed_dim // 0` raises in OneFlow's constructor). */
export class ZeroDivisionError extends PythonError {}

/** Keyword options of `MultiheadAttention` after `embed_dim`, `num_heads`. */
export interface MultiheadAttentionOptions {
  dropout?: number;
  bias?: boolean;
  add_bias_kv?: boolean;
  add_zero_attn?: boolean;
  kdim?: number | null;
  vdim?: number | null;
}

/** Keyword options of `MultiheadAttention.forward` after `query`, `key`, `value`. */
export interface MultiheadAttentionForwardOptions {
  key_padding_mask?: Tensor | null;
  need_weights?: boolean;
  attn_mask?: Tensor | null;
}

/** True for a keyword-options object (not a tensor, array or null). */
export function isKw(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && Object.getPrototypeOf(x) === Object.prototype;
}

/**
 * Python's binding of positionals then an optional trailing keyword object to `names`
 * (`TypeError` for an unknown keyword, too many positionals or an argument given twice).
 */
export function bindKw<O extends object>(where: string, names: readonly (keyof O & string)[], args: readonly unknown[]): Partial<O> {
  let pos = args;
  let kw: Record<string, unknown> = {};
  if (args.length > 0 && isKw(args[args.length - 1])) {
    kw = args[args.length - 1] as Record<string, unknown>;
    pos = args.slice(0, -1);
  }
  if (pos.length > names.length) throw new TypeError(`${where}() takes at most ${names.length} optional positional arguments but ${pos.length} were given`);
  const out: Record<string, unknown> = {};
  pos.forEach((v, i) => (out[names[i]!] = v));
  for (const [k, v] of Object.entries(kw)) {
    if (v === undefined) continue;
    if (!(names as readonly string[]).includes(k)) throw new TypeError(`${where}() got an unexpected keyword argument '${k}'`);
    if (k in out) throw new TypeError(`${where}() got multiple values for argument '${k}'`);
    out[k] = v;
  }
  return out as Partial<O>;
}

/** Any prefix of the positional types `P`, optionally followed by the keyword object `O` (Python's call forms). */
export type WithKw<P extends unknown[], O> = P extends [infer H, ...infer T] ? [] | [O] | [H, ...WithKw<T, O>] : [] | [O];

type MHAPositional = [dropout: number, bias: boolean, add_bias_kv: boolean, add_zero_attn: boolean, kdim: number | null, vdim: number | null];
type MHAForwardPositional = [key_padding_mask: Tensor | null, need_weights: boolean, attn_mask: Tensor | null];

/**
 * `oneflow.nn.MultiheadAttention(embed_dim, num_heads, dropout=0.0, bias=True,
 * add_bias_kv=False, add_zero_attn=False, kdim=None, vdim=None)` (module path
 * `oneflow.nn.modules.activation`). Parameters `in_proj_weight` (or `q_proj_weight` /
 * `k_proj_weight` / `v_proj_weight` when `kdim`/`vdim` differ), `in_proj_bias`, `out_proj`
 * (a `Linear`), `bias_k` / `bias_v` with `add_bias_kv`; xavier-uniform projections, zero biases.
 * `forward(query, key, value, key_padding_mask?, need_weights=true, attn_mask?)` takes
 * `(L, N, E)` tensors (or unbatched `(L, E)`) and returns `[attn_output, attn_weights | null]`,
 * the weights averaged over heads.
 *
 * @example
 * ```ts
 * const mha = new flow.nn.MultiheadAttention(16, 4);
 * const x = flow.randn(5, 2, 16);                       // (L, N, E): no batch_first in OneFlow
 * const [out, w] = mha(x, x, x, { need_weights: true }); // out: [5, 2, 16], w: [2, 5, 5]
 * ```
 */
export class MultiheadAttention extends Module {
  static override __module__ = 'oneflow.nn.modules.activation';
  declare embed_dim: number;
  declare kdim: number;
  declare vdim: number;
  declare _qkv_same_embed_dim: boolean;
  declare num_heads: number;
  declare dropout: number;
  declare head_dim: number;
  declare in_proj_weight: Parameter | null;
  declare q_proj_weight: Parameter | null;
  declare k_proj_weight: Parameter | null;
  declare v_proj_weight: Parameter | null;
  declare in_proj_bias: Parameter | null;
  declare out_proj: Linear;
  declare bias_k: Parameter | null;
  declare bias_v: Parameter | null;
  declare add_zero_attn: boolean;

  constructor(embed_dim: number, num_heads: number, ...args: WithKw<MHAPositional, MultiheadAttentionOptions>) {
    super();
    const o = bindKw<MultiheadAttentionOptions>('__init__', ['dropout', 'bias', 'add_bias_kv', 'add_zero_attn', 'kdim', 'vdim'], args);
    this.embed_dim = embed_dim;
    this.kdim = o.kdim ?? embed_dim;
    this.vdim = o.vdim ?? embed_dim;
    this._qkv_same_embed_dim = this.kdim === embed_dim && this.vdim === embed_dim;
    this.num_heads = num_heads;
    this.dropout = o.dropout ?? 0;
    if (num_heads === 0) throw new ZeroDivisionError('integer division or modulo by zero');
    this.head_dim = Math.floor(embed_dim / num_heads);
    if (this.head_dim * num_heads !== embed_dim) throw new AssertionError('embed_dim must be divisible by num_heads');
    const param = (shape: number[]): Parameter => new Parameter(asFlow(empty(shape)));
    if (!this._qkv_same_embed_dim) {
      this.q_proj_weight = param([embed_dim, embed_dim]);
      this.k_proj_weight = param([embed_dim, this.kdim]);
      this.v_proj_weight = param([embed_dim, this.vdim]);
      this.register_parameter('in_proj_weight', null);
    } else {
      this.in_proj_weight = param([3 * embed_dim, embed_dim]);
      this.register_parameter('q_proj_weight', null);
      this.register_parameter('k_proj_weight', null);
      this.register_parameter('v_proj_weight', null);
    }
    const bias = o.bias ?? true;
    if (bias) this.in_proj_bias = param([3 * embed_dim]);
    else this.register_parameter('in_proj_bias', null);
    this.out_proj = new Linear(embed_dim, embed_dim, bias);
    if (o.add_bias_kv ?? false) {
      this.bias_k = param([1, 1, embed_dim]);
      this.bias_v = param([1, 1, embed_dim]);
    } else {
      this.bias_k = null;
      this.bias_v = null;
    }
    this.add_zero_attn = o.add_zero_attn ?? false;
    this._reset_parameters();
  }

  /** `_reset_parameters()`: xavier_uniform_ projections, zero `in_proj_bias` / `out_proj.bias`, xavier_normal_ `bias_k` / `bias_v`. */
  _reset_parameters(): void {
    if (this._qkv_same_embed_dim) {
      tinit.xavier_uniform_(this.in_proj_weight!);
    } else {
      tinit.xavier_uniform_(this.q_proj_weight!);
      tinit.xavier_uniform_(this.k_proj_weight!);
      tinit.xavier_uniform_(this.v_proj_weight!);
    }
    if (this.in_proj_bias !== null) {
      tinit.constant_(this.in_proj_bias, 0);
      tinit.constant_(this.out_proj.bias!, 0);
    }
    if (this.bias_k !== null) tinit.xavier_normal_(this.bias_k);
    if (this.bias_v !== null) tinit.xavier_normal_(this.bias_v);
  }

  /** `__setstate__`: as OneFlow's, a state without `_qkv_same_embed_dim` (old checkpoints) gets True. */
  override __setstate__(state: Map<string, unknown>): void {
    if (!state.has('_qkv_same_embed_dim')) state.set('_qkv_same_embed_dim', true);
    super.__setstate__(state);
  }

  override forward(query: Tensor, key: Tensor, value: Tensor, ...args: WithKw<MHAForwardPositional, MultiheadAttentionForwardOptions>): [Tensor, Tensor | null] {
    const o = bindKw<MultiheadAttentionForwardOptions>('forward', ['key_padding_mask', 'need_weights', 'attn_mask'], args);
    const bias = this.in_proj_bias !== null;
    const key_ = `${this.embed_dim}:${this.num_heads}:${bias}:${this.bias_k !== null}:${this.add_zero_attn}:${this.kdim}:${this.vdim}`;
    const twin = torchTwin(this, key_, () => new TorchMHA(this.embed_dim, this.num_heads, {
      bias, add_bias_kv: this.bias_k !== null, add_zero_attn: this.add_zero_attn, kdim: this.kdim, vdim: this.vdim,
    }));
    // out_proj is a child: point the twin's child at this module's Linear parameters too.
    twin.out_proj._parameters.set('weight', this.out_proj.weight);
    twin.out_proj._parameters.set('bias', this.out_proj.bias);
    // bias_k / bias_v are parameters only with add_bias_kv (otherwise plain None attributes).
    if (this.bias_k !== null) twin._parameters.set('bias_k', this.bias_k);
    if (this.bias_v !== null) twin._parameters.set('bias_v', this.bias_v);
    twin.dropout = this.dropout;
    const [out, w] = twin(query as CoreTensor, key as CoreTensor, value as CoreTensor, {
      key_padding_mask: o.key_padding_mask ?? null, need_weights: o.need_weights ?? true, attn_mask: o.attn_mask ?? null,
    });
    return [out as Tensor, w as Tensor | null];
  }
}
