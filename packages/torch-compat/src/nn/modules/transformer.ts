/**
 * `torch.nn.TransformerEncoderLayer` and `torch.nn.TransformerEncoder` (PyTorch 2.1
 * signatures). The encoder holds `num_layers` deep copies of the layer (`layers.0.…`), as
 * PyTorch's `_get_clones` does, so every layer starts from the same weights.
 */
import type { Tensor } from '@nncompat/core';
import { RuntimeError } from '@nncompat/core';
import * as F from '../../functional/index.js';
import { warn } from '../../utils/warn.js';
import { MultiheadAttention } from './attention.js';
import { ModuleList } from './container/module-list.js';
import { Dropout } from './dropout.js';
import { bindArgs, type Factory, factoryOf, type WithKw } from './layers-util/args.js';
import { deepcopyModule } from './layers-util/deepcopy.js';
import { Linear } from './linear.js';
import { Module } from './module.js';
import { LayerNorm } from './normalization.js';

/** An activation given by name, as a function, or as a module (then registered as a child). */
export type Activation = 'relu' | 'gelu' | ((x: Tensor) => Tensor) | Module;

/** Keyword arguments of `nn.TransformerEncoderLayer`. */
export interface TransformerEncoderLayerKw extends Factory {
  dim_feedforward?: number;
  dropout?: number;
  activation?: Activation;
  layer_norm_eps?: number;
  batch_first?: boolean;
  norm_first?: boolean;
  /** New in PyTorch 2.1. */
  bias?: boolean;
}

/** Keyword arguments of `TransformerEncoderLayer.forward`. */
export interface EncoderLayerForwardKw {
  src_mask?: Tensor | null;
  src_key_padding_mask?: Tensor | null;
  is_causal?: boolean;
}

function activationFn(name: 'relu' | 'gelu'): (x: Tensor) => Tensor {
  if (name === 'relu') return (x) => F.relu(x);
  if (name === 'gelu') return (x) => F.gelu(x);
  throw new RuntimeError(`activation should be relu/gelu, not ${String(name)}`);
}

type EncLayerPositional = [dim_feedforward: number, dropout: number, activation: Activation, layer_norm_eps: number, batch_first: boolean, norm_first: boolean, bias: boolean];

/**
 * `nn.TransformerEncoderLayer(d_model, nhead, dim_feedforward=2048, dropout=0.1,
 * activation=relu, layer_norm_eps=1e-05, batch_first=False, norm_first=False, bias=True,
 * device=None, dtype=None)`: self-attention then a feed-forward block, each with residual and
 * LayerNorm (after, or before with `norm_first`).
 *
 * @example
 * ```ts
 * const layer = new nn.TransformerEncoderLayer(512, 8, { batch_first: true });
 * layer(torch.randn(32, 10, 512)).shape; // [32, 10, 512]
 * ```
 */
export class TransformerEncoderLayer extends Module {
  static override __module__ = 'torch.nn.modules.transformer';
  declare self_attn: MultiheadAttention;
  declare linear1: Linear;
  declare dropout: Dropout;
  declare linear2: Linear;
  declare norm_first: boolean;
  declare norm1: LayerNorm;
  declare norm2: LayerNorm;
  declare dropout1: Dropout;
  declare dropout2: Dropout;
  declare activation_relu_or_gelu: number;
  declare activation: ((x: Tensor) => Tensor) | Module;

  constructor(d_model: number, nhead: number, ...args: WithKw<EncLayerPositional, TransformerEncoderLayerKw>) {
    super();
    const o = bindArgs<TransformerEncoderLayerKw>(
      'TransformerEncoderLayer.__init__',
      ['dim_feedforward', 'dropout', 'activation', 'layer_norm_eps', 'batch_first', 'norm_first', 'bias', 'device', 'dtype'], args,
    );
    const factory = factoryOf(o);
    const dropout = o.dropout ?? 0.1;
    const bias = o.bias ?? true;
    const eps = o.layer_norm_eps ?? 1e-5;
    const ff = o.dim_feedforward ?? 2048;
    this.self_attn = new MultiheadAttention(d_model, nhead, { dropout, bias, batch_first: o.batch_first ?? false, ...factory });
    this.linear1 = new Linear(d_model, ff, { bias, ...factory });
    this.dropout = new Dropout(dropout);
    this.linear2 = new Linear(ff, d_model, { bias, ...factory });
    this.norm_first = o.norm_first ?? false;
    this.norm1 = new LayerNorm(d_model, { eps, bias, ...factory });
    this.norm2 = new LayerNorm(d_model, { eps, bias, ...factory });
    this.dropout1 = new Dropout(dropout);
    this.dropout2 = new Dropout(dropout);
    const act = o.activation ?? 'relu';
    this.activation_relu_or_gelu = act === 'relu' ? 1 : act === 'gelu' ? 2 : 0;
    this.activation = typeof act === 'string' ? activationFn(act) : act;
  }

  override forward(src: Tensor, ...args: WithKw<[src_mask: Tensor | null, src_key_padding_mask: Tensor | null, is_causal: boolean], EncoderLayerForwardKw>): Tensor {
    const o = bindArgs<EncoderLayerForwardKw>('TransformerEncoderLayer.forward', ['src_mask', 'src_key_padding_mask', 'is_causal'], args);
    const mask = o.src_mask ?? null;
    const kpm = o.src_key_padding_mask ?? null;
    let x = src;
    if (this.norm_first) {
      x = x.add(this._sa_block(this.norm1(x), mask, kpm, o.is_causal ?? false));
      x = x.add(this._ff_block(this.norm2(x)));
    } else {
      x = this.norm1(x.add(this._sa_block(x, mask, kpm, o.is_causal ?? false)));
      x = this.norm2(x.add(this._ff_block(x)));
    }
    return x;
  }

  /** Self-attention block (weights not needed) and its dropout. */
  _sa_block(x: Tensor, attn_mask: Tensor | null, key_padding_mask: Tensor | null, is_causal = false): Tensor {
    const [y] = this.self_attn(x, x, x, { attn_mask, key_padding_mask, need_weights: false, is_causal });
    return this.dropout1(y);
  }

  /** Feed-forward block: linear2(dropout(activation(linear1(x)))), then dropout2. */
  _ff_block(x: Tensor): Tensor {
    const act = this.activation;
    const h = act instanceof Module ? (act as unknown as (t: Tensor) => Tensor)(this.linear1(x)) : act(this.linear1(x));
    return this.dropout2(this.linear2(this.dropout(h)));
  }
}

/** Keyword arguments of `nn.TransformerEncoder`. */
export interface TransformerEncoderKw {
  norm?: Module | null;
  enable_nested_tensor?: boolean;
  mask_check?: boolean;
}

/** Keyword arguments of `TransformerEncoder.forward`. */
export interface EncoderForwardKw {
  mask?: Tensor | null;
  src_key_padding_mask?: Tensor | null;
  is_causal?: boolean | null;
}

/** Why PyTorch 2.1 turns the nested-tensor fast path off for this layer ('' when it would not). */
function whyNotSparsityFastPath(layer: Module): string {
  const enc = 'encoder_layer';
  if (!(layer instanceof TransformerEncoderLayer)) return `${enc} was not TransformerEncoderLayer`;
  if (layer.norm_first) return `${enc}.norm_first was True`;
  if (!layer.self_attn.batch_first) return `${enc}.self_attn.batch_first was not True(use batch_first for better inference performance)`;
  if (!layer.self_attn._qkv_same_embed_dim) return `${enc}.self_attn._qkv_same_embed_dim was not True`;
  if (!layer.activation_relu_or_gelu) return `${enc}.activation_relu_or_gelu was not True`;
  if (layer.norm1.eps !== layer.norm2.eps) return `${enc}.norm1.eps was not equal to ${enc}.norm2.eps`;
  if (layer.self_attn.num_heads % 2 === 1) return `${enc}.self_attn.num_heads is odd`;
  return '';
}

/**
 * `nn.TransformerEncoder(encoder_layer, num_layers, norm=None, enable_nested_tensor=True,
 * mask_check=True)`: `num_layers` deep copies of `encoder_layer` applied in turn, then `norm`.
 * Nested tensors do not exist here: `use_nested_tensor` is recorded (and warned about as in
 * 2.1) but padded positions are computed like any other (PyTorch's eval fast path zeroes them).
 *
 * @example
 * ```ts
 * const layer = new nn.TransformerEncoderLayer(512, 8);
 * const enc = new nn.TransformerEncoder(layer, 6);
 * enc(torch.rand(10, 32, 512)).shape; // [10, 32, 512]
 * ```
 */
export class TransformerEncoder extends Module {
  static override __module__ = 'torch.nn.modules.transformer';
  declare layers: ModuleList;
  declare num_layers: number;
  declare norm: Module | null;
  declare enable_nested_tensor: boolean;
  declare use_nested_tensor: boolean;
  declare mask_check: boolean;

  constructor(encoder_layer: Module, num_layers: number, ...args: WithKw<[norm: Module | null, enable_nested_tensor: boolean, mask_check: boolean], TransformerEncoderKw>) {
    super();
    const o = bindArgs<TransformerEncoderKw>('TransformerEncoder.__init__', ['norm', 'enable_nested_tensor', 'mask_check'], args);
    this.layers = new ModuleList(Array.from({ length: num_layers }, () => deepcopyModule(encoder_layer)));
    this.num_layers = num_layers;
    this.norm = o.norm ?? null;
    this.enable_nested_tensor = o.enable_nested_tensor ?? true;
    this.use_nested_tensor = this.enable_nested_tensor;
    this.mask_check = o.mask_check ?? true;
    const why = whyNotSparsityFastPath(encoder_layer);
    if (this.enable_nested_tensor && why) {
      warn(`enable_nested_tensor is True, but self.use_nested_tensor is False because ${why}`);
      this.use_nested_tensor = false;
    }
  }

  override forward(src: Tensor, ...args: WithKw<[mask: Tensor | null, src_key_padding_mask: Tensor | null, is_causal: boolean | null], EncoderForwardKw>): Tensor {
    const o = bindArgs<EncoderForwardKw>('TransformerEncoder.forward', ['mask', 'src_key_padding_mask', 'is_causal'], args);
    let output = src;
    for (const mod of this.layers) {
      output = (mod as TransformerEncoderLayer)(output, {
        src_mask: o.mask ?? null, src_key_padding_mask: o.src_key_padding_mask ?? null, is_causal: o.is_causal ?? false,
      });
    }
    if (this.norm !== null) output = (this.norm as unknown as (t: Tensor) => Tensor)(output);
    return output;
  }
}
