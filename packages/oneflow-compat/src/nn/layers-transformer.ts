/**
 * OneFlow's transformer layers (python/oneflow/nn/modules/transformer.py of OneFlow PR #10135,
 * GitHub's merge ref 1221ce3: "mostly copy from torch/nn/modules/transformer.py", PyTorch 1.x
 * signatures; in neither OneFlow 1.0 nor OneFlow's master branch): `Transformer`,
 * `TransformerEncoder`, `TransformerDecoder`, `TransformerEncoderLayer`,
 * `TransformerDecoderLayer`. No `batch_first`, `norm_first`, `layer_norm_eps`, `bias`,
 * `device` / `dtype`; the activation is `'relu'` or `'gelu'` only (kept as the function
 * `F.relu` / `F.gelu`); layers are post-norm. Built from this package's `MultiheadAttention`,
 * `Linear`, `Dropout` and `LayerNorm` (so the math is torch-compat's).
 */
import { pickle, RAW, RuntimeError, Parameter as CoreParameter, type Tensor as CoreTensor } from '@nncompat/core';
import { init as tinit } from '@nncompat/torch-compat/nn';
import { functional as F } from '../functional/index.js';
import { asFlow, type Tensor } from '../tensor/tensor.js';
import { ModuleList } from './containers.js';
import { bindKw, MultiheadAttention, type WithKw } from './layers-attention.js';
import { Linear } from './layers.js';
import { Dropout } from './layers-misc.js';
import { LayerNorm } from './layers-norm.js';
import { Module } from './module.js';
import { Parameter } from './parameter.js';
import { tensor as flowTensor } from '../tensor/factories.js';

/** An activation of the feed-forward block: OneFlow's `F.relu` or `F.gelu`. */
export type TransformerActivation = (x: Tensor) => Tensor;

const relu: TransformerActivation = (x) => F.relu(x) as Tensor;
const gelu: TransformerActivation = (x) => F.gelu(x) as Tensor;

/**
 * How the activation functions pickle: OneFlow's `F.relu` is `oneflow._C.relu` and `F.gelu` is
 * `oneflow._C.gelu_with_approximate`, C functions of the `oneflow._oneflow_internal._C`
 * module, which pickle by that module and their name.
 */
export const ACTIVATION_GLOBALS: readonly [TransformerActivation, pickle.PickleGlobal][] = [
  [relu, pickle.defineGlobal('oneflow._oneflow_internal._C', 'relu')],
  [gelu, pickle.defineGlobal('oneflow._oneflow_internal._C', 'gelu_with_approximate')],
];

/** `_get_activation_fn(activation)`. */
export function _get_activation_fn(activation: string): TransformerActivation {
  if (activation === 'relu') return relu;
  if (activation === 'gelu') return gelu;
  throw new RuntimeError(`activation should be relu/gelu, not ${activation}`);
}

/** `copy.deepcopy(module)`: a new instance of the class with independent parameters, buffers and children. */
export function deepcopyModule<M extends Module>(module: M, memo: Map<object, unknown> = new Map()): M {
  const seen = memo.get(module);
  if (seen) return seen as M;
  const copy = Reflect.construct(Module, [], module.constructor) as M;
  memo.set(module, copy);
  const src = module[RAW] as Record<string, unknown>;
  const dst = copy[RAW] as Record<string, unknown>;
  const stores = new Set(['_parameters', '_buffers', '_modules', '_non_persistent_buffers_set']);
  for (const k of Object.keys(src)) {
    if (stores.has(k)) continue;
    const v = src[k];
    dst[k] = v instanceof Map ? new Map(v) : v instanceof Set ? new Set(v) : Array.isArray(v) && !Object.isFrozen(v) ? [...(v as unknown[])] : v;
  }
  const copyTensor = (t: CoreTensor): CoreTensor => {
    const hit = memo.get(t);
    if (hit) return hit as CoreTensor;
    const c = t instanceof CoreParameter ? new Parameter(asFlow(t.detach().clone()), t.requires_grad) : asFlow(t.detach().clone()).requires_grad_(t.requires_grad);
    memo.set(t, c);
    return c;
  };
  for (const [n, p] of module._parameters) copy._parameters.set(n, p === null ? null : (copyTensor(p as CoreTensor) as never));
  for (const [n, b] of module._buffers) copy._buffers.set(n, b === null ? null : (copyTensor(b as CoreTensor) as never));
  for (const n of module._non_persistent_buffers_set) copy._non_persistent_buffers_set.add(n);
  for (const [n, m] of module._modules) copy._modules.set(n, m === null ? null : deepcopyModule(m, memo));
  return copy;
}

/** `_get_clones(module, N)`: a ModuleList of N deep copies. */
export function _get_clones(module: Module, N: number): ModuleList {
  return new ModuleList(Array.from({ length: N }, () => deepcopyModule(module)));
}

/** `Module.__getstate__` with the activation function written as its pickle global. */
function stateWithActivation(state: Map<string, unknown>): Map<string, unknown> {
  const act = state.get('activation');
  const g = ACTIVATION_GLOBALS.find(([fn]) => fn === act);
  if (g) state.set('activation', g[1]);
  return state;
}

/** The state a pickle gives, activation global back to its function (`F.relu` when absent, as OneFlow's `__setstate__`). */
function restoreActivation(state: Map<string, unknown>): void {
  const act = state.get('activation');
  if (act === undefined) {
    state.set('activation', relu);
  } else if (pickle.isPickleGlobal(act)) {
    const g = ACTIVATION_GLOBALS.find(([, pg]) => pickle.globalPath(pg) === pickle.globalPath(act));
    if (!g) throw new RuntimeError(`unsupported transformer activation '${pickle.globalPath(act)}'`);
    state.set('activation', g[0]);
  }
}

/** Keyword options of the encoder / decoder layers after `d_model`, `nhead`. */
export interface TransformerLayerOptions {
  dim_feedforward?: number;
  dropout?: number;
  activation?: 'relu' | 'gelu';
}

type LayerPositional = [dim_feedforward: number, dropout: number, activation: 'relu' | 'gelu'];
const LAYER_KW = ['dim_feedforward', 'dropout', 'activation'] as const;

/** Keyword options of `TransformerEncoderLayer.forward`. */
export interface EncoderLayerForwardOptions {
  src_mask?: Tensor | null;
  src_key_padding_mask?: Tensor | null;
}

const call = (m: Module | null, ...a: unknown[]): Tensor => (m as unknown as (...x: unknown[]) => Tensor)(...a);

/**
 * `oneflow.nn.TransformerEncoderLayer(d_model, nhead, dim_feedforward=2048, dropout=0.1,
 * activation="relu")` (module path `oneflow.nn.modules.transformer`): children `self_attn`,
 * `linear1`, `dropout`, `linear2`, `norm1`, `norm2`, `dropout1`, `dropout2`.
 * `forward(src, src_mask?, src_key_padding_mask?)`: `norm1(src + dropout1(self_attn(src)))`,
 * then `norm2(src + dropout2(linear2(dropout(activation(linear1(src))))))`, on `(S, N, E)`.
 *
 * @example
 * ```ts
 * const layer = new flow.nn.TransformerEncoderLayer(16, 4, { dim_feedforward: 32 });
 * layer(flow.rand(10, 2, 16)).shape; // [10, 2, 16]
 * ```
 */
export class TransformerEncoderLayer extends Module {
  static override __module__ = 'oneflow.nn.modules.transformer';
  declare self_attn: MultiheadAttention;
  declare linear1: Linear;
  declare dropout: Dropout;
  declare linear2: Linear;
  declare norm1: LayerNorm;
  declare norm2: LayerNorm;
  declare dropout1: Dropout;
  declare dropout2: Dropout;
  declare activation: TransformerActivation;

  constructor(d_model: number, nhead: number, ...args: WithKw<LayerPositional, TransformerLayerOptions>) {
    super();
    const o = bindKw<TransformerLayerOptions>('__init__', LAYER_KW, args);
    const dropout = o.dropout ?? 0.1;
    const ff = o.dim_feedforward ?? 2048;
    this.self_attn = new MultiheadAttention(d_model, nhead, { dropout });
    this.linear1 = new Linear(d_model, ff);
    this.dropout = new Dropout(dropout);
    this.linear2 = new Linear(ff, d_model);
    this.norm1 = new LayerNorm(d_model);
    this.norm2 = new LayerNorm(d_model);
    this.dropout1 = new Dropout(dropout);
    this.dropout2 = new Dropout(dropout);
    this.activation = _get_activation_fn(o.activation ?? 'relu');
  }

  override __getstate__(): Map<string, unknown> {
    return stateWithActivation(super.__getstate__());
  }

  override __setstate__(state: Map<string, unknown>): void {
    restoreActivation(state);
    super.__setstate__(state);
  }

  override forward(src: Tensor, ...args: WithKw<[src_mask: Tensor | null, src_key_padding_mask: Tensor | null], EncoderLayerForwardOptions>): Tensor {
    const o = bindKw<EncoderLayerForwardOptions>('forward', ['src_mask', 'src_key_padding_mask'], args);
    let x = src;
    let y = this.self_attn(x, x, x, { attn_mask: o.src_mask ?? null, key_padding_mask: o.src_key_padding_mask ?? null })[0];
    x = this.norm1(x.add(this.dropout1(y)) as Tensor);
    y = this.linear2(this.dropout(this.activation(this.linear1(x))));
    x = this.norm2(x.add(this.dropout2(y)) as Tensor);
    return x;
  }
}

/** Keyword options of `TransformerDecoderLayer.forward` / `TransformerDecoder.forward` after `tgt`, `memory`. */
export interface DecoderForwardOptions {
  tgt_mask?: Tensor | null;
  memory_mask?: Tensor | null;
  tgt_key_padding_mask?: Tensor | null;
  memory_key_padding_mask?: Tensor | null;
}

type DecoderPositional = [tgt_mask: Tensor | null, memory_mask: Tensor | null, tgt_key_padding_mask: Tensor | null, memory_key_padding_mask: Tensor | null];
const DECODER_KW = ['tgt_mask', 'memory_mask', 'tgt_key_padding_mask', 'memory_key_padding_mask'] as const;

/**
 * `oneflow.nn.TransformerDecoderLayer(d_model, nhead, dim_feedforward=2048, dropout=0.1,
 * activation="relu")`: children `self_attn`, `multihead_attn`, `linear1`, `dropout`, `linear2`,
 * `norm1`…`norm3`, `dropout1`…`dropout3`. `forward(tgt, memory, tgt_mask?, memory_mask?,
 * tgt_key_padding_mask?, memory_key_padding_mask?)`: self-attention, attention over `memory`,
 * feed-forward, each followed by residual and LayerNorm.
 *
 * @example
 * ```ts
 * const layer = new flow.nn.TransformerDecoderLayer(16, 4, { dim_feedforward: 32 });
 * layer(flow.rand(7, 2, 16), flow.rand(10, 2, 16)).shape; // [7, 2, 16]
 * ```
 */
export class TransformerDecoderLayer extends Module {
  static override __module__ = 'oneflow.nn.modules.transformer';
  declare self_attn: MultiheadAttention;
  declare multihead_attn: MultiheadAttention;
  declare linear1: Linear;
  declare dropout: Dropout;
  declare linear2: Linear;
  declare norm1: LayerNorm;
  declare norm2: LayerNorm;
  declare norm3: LayerNorm;
  declare dropout1: Dropout;
  declare dropout2: Dropout;
  declare dropout3: Dropout;
  declare activation: TransformerActivation;

  constructor(d_model: number, nhead: number, ...args: WithKw<LayerPositional, TransformerLayerOptions>) {
    super();
    const o = bindKw<TransformerLayerOptions>('__init__', LAYER_KW, args);
    const dropout = o.dropout ?? 0.1;
    const ff = o.dim_feedforward ?? 2048;
    this.self_attn = new MultiheadAttention(d_model, nhead, { dropout });
    this.multihead_attn = new MultiheadAttention(d_model, nhead, { dropout });
    this.linear1 = new Linear(d_model, ff);
    this.dropout = new Dropout(dropout);
    this.linear2 = new Linear(ff, d_model);
    this.norm1 = new LayerNorm(d_model);
    this.norm2 = new LayerNorm(d_model);
    this.norm3 = new LayerNorm(d_model);
    this.dropout1 = new Dropout(dropout);
    this.dropout2 = new Dropout(dropout);
    this.dropout3 = new Dropout(dropout);
    this.activation = _get_activation_fn(o.activation ?? 'relu');
  }

  override __getstate__(): Map<string, unknown> {
    return stateWithActivation(super.__getstate__());
  }

  override __setstate__(state: Map<string, unknown>): void {
    restoreActivation(state);
    super.__setstate__(state);
  }

  override forward(tgt: Tensor, memory: Tensor, ...args: WithKw<DecoderPositional, DecoderForwardOptions>): Tensor {
    const o = bindKw<DecoderForwardOptions>('forward', DECODER_KW, args);
    let x = tgt;
    let y = this.self_attn(x, x, x, { attn_mask: o.tgt_mask ?? null, key_padding_mask: o.tgt_key_padding_mask ?? null })[0];
    x = this.norm1(x.add(this.dropout1(y)) as Tensor);
    y = this.multihead_attn(x, memory, memory, { attn_mask: o.memory_mask ?? null, key_padding_mask: o.memory_key_padding_mask ?? null })[0];
    x = this.norm2(x.add(this.dropout2(y)) as Tensor);
    y = this.linear2(this.dropout(this.activation(this.linear1(x))));
    x = this.norm3(x.add(this.dropout3(y)) as Tensor);
    return x;
  }
}

/** Keyword options of `TransformerEncoder.forward`. */
export interface EncoderForwardOptions {
  mask?: Tensor | null;
  src_key_padding_mask?: Tensor | null;
}

/**
 * `oneflow.nn.TransformerEncoder(encoder_layer, num_layers, norm=None)`: `layers` (a
 * ModuleList of `num_layers` deep copies of `encoder_layer`), `num_layers`, `norm`.
 * `forward(src, mask?, src_key_padding_mask?)` runs the layers in turn, then `norm`.
 *
 * @example
 * ```ts
 * const enc = new flow.nn.TransformerEncoder(new flow.nn.TransformerEncoderLayer(16, 4), 2);
 * enc(flow.rand(10, 2, 16)).shape; // [10, 2, 16]
 * ```
 */
export class TransformerEncoder extends Module {
  static override __module__ = 'oneflow.nn.modules.transformer';
  static __constants__ = ['norm'];
  declare layers: ModuleList;
  declare num_layers: number;
  declare norm: Module | null;

  constructor(encoder_layer: Module, num_layers: number, norm: Module | null | { norm?: Module | null } = null) {
    super();
    this.layers = _get_clones(encoder_layer, num_layers);
    this.num_layers = num_layers;
    this.norm = norm instanceof Module || norm === null ? norm : bindKw<{ norm: Module | null }>('__init__', ['norm'], [norm]).norm ?? null;
  }

  override forward(src: Tensor, ...args: WithKw<[mask: Tensor | null, src_key_padding_mask: Tensor | null], EncoderForwardOptions>): Tensor {
    const o = bindKw<EncoderForwardOptions>('forward', ['mask', 'src_key_padding_mask'], args);
    let output = src;
    for (const mod of this.layers) {
      output = call(mod, output, { src_mask: o.mask ?? null, src_key_padding_mask: o.src_key_padding_mask ?? null });
    }
    if (this.norm !== null) output = call(this.norm, output);
    return output;
  }
}

/**
 * `oneflow.nn.TransformerDecoder(decoder_layer, num_layers, norm=None)`: `layers` (deep
 * copies of `decoder_layer`), `num_layers`, `norm`. `forward(tgt, memory, tgt_mask?,
 * memory_mask?, tgt_key_padding_mask?, memory_key_padding_mask?)`.
 *
 * @example
 * ```ts
 * const dec = new flow.nn.TransformerDecoder(new flow.nn.TransformerDecoderLayer(16, 4), 2);
 * dec(flow.rand(7, 2, 16), flow.rand(10, 2, 16)).shape; // [7, 2, 16]
 * ```
 */
export class TransformerDecoder extends Module {
  static override __module__ = 'oneflow.nn.modules.transformer';
  static __constants__ = ['norm'];
  declare layers: ModuleList;
  declare num_layers: number;
  declare norm: Module | null;

  constructor(decoder_layer: Module, num_layers: number, norm: Module | null | { norm?: Module | null } = null) {
    super();
    this.layers = _get_clones(decoder_layer, num_layers);
    this.num_layers = num_layers;
    this.norm = norm instanceof Module || norm === null ? norm : bindKw<{ norm: Module | null }>('__init__', ['norm'], [norm]).norm ?? null;
  }

  override forward(tgt: Tensor, memory: Tensor, ...args: WithKw<DecoderPositional, DecoderForwardOptions>): Tensor {
    const o = bindKw<DecoderForwardOptions>('forward', DECODER_KW, args);
    let output = tgt;
    for (const mod of this.layers) {
      output = call(mod, output, memory, {
        tgt_mask: o.tgt_mask ?? null, memory_mask: o.memory_mask ?? null,
        tgt_key_padding_mask: o.tgt_key_padding_mask ?? null, memory_key_padding_mask: o.memory_key_padding_mask ?? null,
      });
    }
    if (this.norm !== null) output = call(this.norm, output);
    return output;
  }
}

/** Keyword options of `Transformer` (all of OneFlow's arguments, all optional). */
export interface TransformerOptions {
  d_model?: number;
  nhead?: number;
  num_encoder_layers?: number;
  num_decoder_layers?: number;
  dim_feedforward?: number;
  dropout?: number;
  activation?: 'relu' | 'gelu';
  custom_encoder?: Module | null;
  custom_decoder?: Module | null;
}

/** Keyword options of `Transformer.forward` after `src`, `tgt`. */
export interface TransformerForwardOptions extends DecoderForwardOptions {
  src_mask?: Tensor | null;
  src_key_padding_mask?: Tensor | null;
}

type TransformerPositional = [d_model: number, nhead: number, num_encoder_layers: number, num_decoder_layers: number, dim_feedforward: number, dropout: number, activation: 'relu' | 'gelu', custom_encoder: Module | null, custom_decoder: Module | null];
type TransformerForwardPositional = [src_mask: Tensor | null, tgt_mask: Tensor | null, memory_mask: Tensor | null, src_key_padding_mask: Tensor | null, tgt_key_padding_mask: Tensor | null, memory_key_padding_mask: Tensor | null];

/**
 * `oneflow.nn.Transformer(d_model=512, nhead=8, num_encoder_layers=6, num_decoder_layers=6,
 * dim_feedforward=2048, dropout=0.1, activation="relu", custom_encoder=None,
 * custom_decoder=None)`: `encoder` (a TransformerEncoder with a final LayerNorm, or
 * `custom_encoder`), `decoder` (likewise), then every parameter of more than one dimension
 * re-drawn with xavier_uniform_; attributes `d_model`, `nhead`. `forward(src, tgt, src_mask?,
 * tgt_mask?, memory_mask?, src_key_padding_mask?, tgt_key_padding_mask?,
 * memory_key_padding_mask?)` on `(S, N, E)` / `(T, N, E)`.
 *
 * @example
 * ```ts
 * const model = new flow.nn.Transformer({ d_model: 16, nhead: 4, num_encoder_layers: 2, num_decoder_layers: 2, dim_feedforward: 32 });
 * const tgt_mask = model.generate_square_subsequent_mask(7);
 * model(flow.rand(10, 2, 16), flow.rand(7, 2, 16), { tgt_mask }).shape; // [7, 2, 16]
 * ```
 */
export class Transformer extends Module {
  static override __module__ = 'oneflow.nn.modules.transformer';
  declare encoder: Module;
  declare decoder: Module;
  declare d_model: number;
  declare nhead: number;

  constructor(...args: WithKw<TransformerPositional, TransformerOptions>) {
    super();
    const o = bindKw<TransformerOptions>('__init__', [
      'd_model', 'nhead', 'num_encoder_layers', 'num_decoder_layers', 'dim_feedforward', 'dropout', 'activation', 'custom_encoder', 'custom_decoder',
    ], args);
    const d_model = o.d_model ?? 512;
    const nhead = o.nhead ?? 8;
    const ff = o.dim_feedforward ?? 2048;
    const dropout = o.dropout ?? 0.1;
    const activation = o.activation ?? 'relu';
    if ((o.custom_encoder ?? null) !== null) {
      this.encoder = o.custom_encoder!;
    } else {
      const layer = new TransformerEncoderLayer(d_model, nhead, ff, dropout, activation);
      this.encoder = new TransformerEncoder(layer, o.num_encoder_layers ?? 6, new LayerNorm(d_model));
    }
    if ((o.custom_decoder ?? null) !== null) {
      this.decoder = o.custom_decoder!;
    } else {
      const layer = new TransformerDecoderLayer(d_model, nhead, ff, dropout, activation);
      this.decoder = new TransformerDecoder(layer, o.num_decoder_layers ?? 6, new LayerNorm(d_model));
    }
    this._reset_parameters();
    this.d_model = d_model;
    this.nhead = nhead;
  }

  override forward(src: Tensor, tgt: Tensor, ...args: WithKw<TransformerForwardPositional, TransformerForwardOptions>): Tensor {
    const o = bindKw<TransformerForwardOptions>('forward', [
      'src_mask', 'tgt_mask', 'memory_mask', 'src_key_padding_mask', 'tgt_key_padding_mask', 'memory_key_padding_mask',
    ], args);
    if (src.size(1) !== tgt.size(1)) throw new RuntimeError('the batch number of src and tgt must be equal');
    if (src.size(2) !== this.d_model || tgt.size(2) !== this.d_model) throw new RuntimeError('the feature number of src and tgt must be equal to d_model');
    const memory = call(this.encoder, src, { mask: o.src_mask ?? null, src_key_padding_mask: o.src_key_padding_mask ?? null });
    return call(this.decoder, tgt, memory, {
      tgt_mask: o.tgt_mask ?? null, memory_mask: o.memory_mask ?? null,
      tgt_key_padding_mask: o.tgt_key_padding_mask ?? null, memory_key_padding_mask: o.memory_key_padding_mask ?? null,
    });
  }

  /**
   * `generate_square_subsequent_mask(sz)` (an instance method in OneFlow): a float `(sz, sz)`
   * mask, `-inf` above the diagonal and `0` on and below it.
   */
  generate_square_subsequent_mask(sz: number): Tensor {
    const rows = Array.from({ length: sz }, (_, i) => Array.from({ length: sz }, (_, j) => (j <= i ? 0 : -Infinity)));
    return flowTensor(rows);
  }

  /** `_reset_parameters()`: xavier_uniform_ on every parameter with more than one dimension. */
  _reset_parameters(): void {
    for (const p of this.parameters()) if (p.dim() > 1) tinit.xavier_uniform_(p);
  }
}
