/**
 * OneFlow's MultiheadAttention and transformer layers (OneFlow PR #10135) against torch-compat
 * with the same weights (moved through torch.save → oneflow.load → load_state_dict, so the
 * state-dict keys are checked identical): identical outputs, input gradients and parameter
 * gradients. The decoder side has no torch-compat twin: it is checked against the same
 * computation assembled from torch-compat's MultiheadAttention, Linear, LayerNorm and Dropout.
 * Also reprs, defaults, OneFlow's checks, and whole-module pickles through flow.save/flow.load.
 */
import { describe, expect, it } from 'vitest';
import * as torch from '@nncompat/torch-compat';
import { pickle, type Tensor as CoreTensor } from '@nncompat/core';
import * as flow from '../index.js';
import { agreeTwins, copyWeights, paramShapes } from './twins.test-util.js';
import { ZeroDivisionError } from './layers-attention.js';

const { nn } = flow;
const T = torch.nn;
type TFn = (...a: unknown[]) => torch.Tensor;

/** PyTorch's post-norm decoder layer with OneFlow's child names, from torch-compat's layers. */
class RefDecoderLayer extends T.Module {
  declare self_attn: torch.nn.MultiheadAttention;
  declare multihead_attn: torch.nn.MultiheadAttention;
  declare linear1: torch.nn.Linear;
  declare dropout: torch.nn.Dropout;
  declare linear2: torch.nn.Linear;
  declare norm1: torch.nn.LayerNorm;
  declare norm2: torch.nn.LayerNorm;
  declare norm3: torch.nn.LayerNorm;
  declare dropout1: torch.nn.Dropout;
  declare dropout2: torch.nn.Dropout;
  declare dropout3: torch.nn.Dropout;
  constructor(d: number, h: number, ff: number, p: number) {
    super();
    this.self_attn = new T.MultiheadAttention(d, h, { dropout: p });
    this.multihead_attn = new T.MultiheadAttention(d, h, { dropout: p });
    this.linear1 = new T.Linear(d, ff);
    this.dropout = new T.Dropout(p);
    this.linear2 = new T.Linear(ff, d);
    this.norm1 = new T.LayerNorm(d);
    this.norm2 = new T.LayerNorm(d);
    this.norm3 = new T.LayerNorm(d);
    this.dropout1 = new T.Dropout(p);
    this.dropout2 = new T.Dropout(p);
    this.dropout3 = new T.Dropout(p);
  }
  override forward(tgt: torch.Tensor, memory: torch.Tensor, o: { tgt_mask?: torch.Tensor; memory_key_padding_mask?: torch.Tensor } = {}): torch.Tensor {
    let x = tgt;
    x = this.norm1(x.add(this.dropout1(this.self_attn(x, x, x, { attn_mask: o.tgt_mask ?? null })[0])));
    x = this.norm2(x.add(this.dropout2(this.multihead_attn(x, memory, memory, { key_padding_mask: o.memory_key_padding_mask ?? null })[0])));
    return this.norm3(x.add(this.dropout3(this.linear2(this.dropout(torch.nn.functional.relu(this.linear1(x)))))));
  }
}

/** A stack of reference decoder layers plus a final LayerNorm (OneFlow's TransformerDecoder). */
class RefDecoder extends T.Module {
  declare layers: torch.nn.ModuleList;
  declare norm: torch.nn.LayerNorm;
  constructor(d: number, h: number, ff: number, n: number) {
    super();
    this.layers = new T.ModuleList(Array.from({ length: n }, () => new RefDecoderLayer(d, h, ff, 0.1)));
    this.norm = new T.LayerNorm(d);
  }
  override forward(tgt: torch.Tensor, memory: torch.Tensor, o: { tgt_mask?: torch.Tensor; memory_key_padding_mask?: torch.Tensor } = {}): torch.Tensor {
    let x = tgt;
    for (const l of this.layers) x = (l as unknown as TFn)(x, memory, o);
    return this.norm(x);
  }
}

/** The reference transformer: torch-compat's TransformerEncoder (+ LayerNorm) and RefDecoder. */
class RefTransformer extends T.Module {
  declare encoder: torch.nn.TransformerEncoder;
  declare decoder: RefDecoder;
  constructor(d: number, h: number, ff: number, n: number) {
    super();
    this.encoder = new T.TransformerEncoder(new T.TransformerEncoderLayer(d, h, { dim_feedforward: ff }), n, { norm: new T.LayerNorm(d), enable_nested_tensor: false });
    this.decoder = new RefDecoder(d, h, ff, n);
  }
  override forward(src: torch.Tensor, tgt: torch.Tensor, o: { tgt_mask?: torch.Tensor } = {}): torch.Tensor {
    const memory = this.encoder(src);
    return this.decoder(tgt, memory, o);
  }
}

const boolMask = (rows: number[][]): torch.Tensor => torch.tensor(rows).bool();

describe('MultiheadAttention agrees with torch-compat', () => {
  const cases: [string, () => torch.nn.Module, () => flow.nn.Module, number[][], unknown[]][] = [
    ['defaults, self-attention', () => new T.MultiheadAttention(8, 2), () => new nn.MultiheadAttention(8, 2), [[5, 3, 8], [5, 3, 8], [5, 3, 8]], []],
    ['cross-attention with both masks', () => new T.MultiheadAttention(8, 4), () => new nn.MultiheadAttention(8, 4), [[4, 2, 8], [6, 2, 8], [6, 2, 8]],
      [{ key_padding_mask: boolMask([[0, 0, 0, 0, 1, 1], [0, 0, 0, 0, 0, 1]]), attn_mask: boolMask([[0, 1, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0, 0, 1, 0, 0, 0], [0, 0, 0, 0, 0, 0]]) }]],
    ['no bias, add_bias_kv, add_zero_attn', () => new T.MultiheadAttention(6, 3, { bias: false, add_bias_kv: true, add_zero_attn: true }),
      () => new nn.MultiheadAttention(6, 3, { bias: false, add_bias_kv: true, add_zero_attn: true }), [[3, 2, 6], [4, 2, 6], [4, 2, 6]], []],
    ['kdim / vdim (separate projections)', () => new T.MultiheadAttention(8, 2, { kdim: 5, vdim: 3 }), () => new nn.MultiheadAttention(8, 2, { kdim: 5, vdim: 3 }),
      [[4, 2, 8], [6, 2, 5], [6, 2, 3]], []],
    ['need_weights=False and a float mask', () => new T.MultiheadAttention(4, 2), () => new nn.MultiheadAttention(4, 2), [[3, 2, 4], [3, 2, 4], [3, 2, 4]],
      [{ need_weights: false, attn_mask: torch.tensor([[0, -1, 0.5], [0, 0, 0], [2, 0, -3]]) }]],
    ['unbatched', () => new T.MultiheadAttention(4, 2), () => new nn.MultiheadAttention(4, 2), [[3, 4], [5, 4], [5, 4]], []],
  ];
  for (const [name, mkT, mkF, shapes, extra] of cases) {
    it(name, () => {
      torch.manual_seed(11);
      const tm = mkT();
      const fm = mkF();
      copyWeights(tm, fm);
      agreeTwins(tm, fm, shapes.map((shape) => ({ shape })), extra);
    });
  }

  it('positional forward arguments bind as in Python (key_padding_mask, need_weights, attn_mask)', () => {
    const m = new nn.MultiheadAttention(4, 2);
    const x = flow.randn(3, 2, 4);
    const kpm = flow.tensor([[false, false, true], [false, false, false]]);
    const [a, wa] = m(x, x, x, kpm, true, null);
    const [b, wb] = m(x, x, x, { key_padding_mask: kpm });
    expect(a.tolist()).toEqual(b.tolist());
    expect(wa!.tolist()).toEqual(wb!.tolist());
    expect(m(x, x, x, null, false)[1]).toBeNull();
    expect(() => (m as unknown as TFn)(x, x, x, { average_attn_weights: false })).toThrow("forward() got an unexpected keyword argument 'average_attn_weights'");
  });

  it('training-mode attention dropout draws the same mask under the same seed', () => {
    torch.manual_seed(3);
    const tm = new T.MultiheadAttention(8, 2, { dropout: 0.5 });
    const fm = new nn.MultiheadAttention(8, 2, { dropout: 0.5 });
    copyWeights(tm, fm);
    const x = torch.randn(4, 2, 8);
    torch.manual_seed(9);
    const [ty, tw] = tm(x, x, x);
    torch.manual_seed(9);
    const [fy, fw] = fm(x as flow.Tensor, x as flow.Tensor, x as flow.Tensor);
    expect(fy.tolist()).toEqual(ty.tolist());
    expect(fw!.tolist()).toEqual(tw!.tolist());
  });
});

describe("OneFlow's MultiheadAttention attributes", () => {
  it('parameters, defaults, init and repr', () => {
    const m = new nn.MultiheadAttention(8, 2);
    expect([m.embed_dim, m.kdim, m.vdim, m._qkv_same_embed_dim, m.num_heads, m.dropout, m.head_dim, m.add_zero_attn, m.bias_k, m.bias_v])
      .toEqual([8, 8, 8, true, 2, 0, 4, false, null, null]);
    expect('batch_first' in m).toBe(false);
    expect(paramShapes(m)).toEqual([['in_proj_weight', [24, 8]], ['in_proj_bias', [24]], ['out_proj.weight', [8, 8]], ['out_proj.bias', [8]]]);
    expect([...m._parameters.keys()]).toEqual(['in_proj_weight', 'q_proj_weight', 'k_proj_weight', 'v_proj_weight', 'in_proj_bias']);
    expect(m.in_proj_bias!.abs().sum().item()).toBe(0);
    expect(m.out_proj.bias!.abs().sum().item()).toBe(0);
    const bound = Math.sqrt(6 / (24 + 8));
    expect(m.in_proj_weight!.abs().max().item()).toBeLessThanOrEqual(bound);
    expect(m.out_proj).toBeInstanceOf(nn.Linear);
    expect(String(m)).toBe('MultiheadAttention(\n  (out_proj): Linear(in_features=8, out_features=8, bias=True)\n)');
    const sep = new nn.MultiheadAttention(8, 2, 0.1, false, true, false, 5, 3);
    expect(paramShapes(sep)).toEqual([['q_proj_weight', [8, 8]], ['k_proj_weight', [8, 5]], ['v_proj_weight', [8, 3]], ['bias_k', [1, 1, 8]], ['bias_v', [1, 1, 8]], ['out_proj.weight', [8, 8]]]);
    expect([sep.dropout, sep.in_proj_weight, sep.in_proj_bias]).toEqual([0.1, null, null]);
  });

  it("OneFlow's constructor checks", () => {
    expect(() => new nn.MultiheadAttention(5, 2)).toThrow('embed_dim must be divisible by num_heads');
    expect(() => new nn.MultiheadAttention(4, 0)).toThrow(ZeroDivisionError);
    expect(() => new nn.MultiheadAttention(4, 2, { batch_first: true } as never)).toThrow("__init__() got an unexpected keyword argument 'batch_first'");
  });
});

describe('TransformerEncoderLayer / TransformerEncoder agree with torch-compat (post-norm, sequence-first)', () => {
  it('encoder layer: outputs and gradients in eval mode, with masks', () => {
    torch.manual_seed(1);
    const tm = new T.TransformerEncoderLayer(8, 2, { dim_feedforward: 16 });
    const fm = new nn.TransformerEncoderLayer(8, 2, { dim_feedforward: 16 });
    copyWeights(tm, fm);
    tm.eval();
    fm.eval();
    agreeTwins(tm, fm, [{ shape: [5, 3, 8] }], [{ src_mask: torch.tensor([[0, 0, 0, 0, 0], [0, 0, -1, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [1, 0, 0, 0, 0]], { dtype: torch.float32 }),
      src_key_padding_mask: boolMask([[0, 0, 0, 0, 1], [0, 0, 0, 0, 0], [0, 0, 0, 1, 1]]) }]);
  });

  it('encoder layer with gelu, in training: dropouts draw in the same order', () => {
    torch.manual_seed(2);
    const tm = new T.TransformerEncoderLayer(8, 2, { dim_feedforward: 16, activation: 'gelu', dropout: 0.3 });
    const fm = new nn.TransformerEncoderLayer(8, 2, 16, 0.3, 'gelu');
    copyWeights(tm, fm);
    const x = torch.randn(4, 2, 8);
    torch.manual_seed(7);
    const ty = tm(x);
    torch.manual_seed(7);
    const fy = fm(x as flow.Tensor);
    expect(fy.tolist()).toEqual(ty.tolist());
  });

  it('encoder of two layers with a final norm', () => {
    torch.manual_seed(4);
    const tm = new T.TransformerEncoder(new T.TransformerEncoderLayer(8, 4, { dim_feedforward: 12 }), 2, { norm: new T.LayerNorm(8), enable_nested_tensor: false });
    const fm = new nn.TransformerEncoder(new nn.TransformerEncoderLayer(8, 4, { dim_feedforward: 12 }), 2, new nn.LayerNorm(8));
    copyWeights(tm, fm);
    tm.eval();
    fm.eval();
    agreeTwins(tm, fm, [{ shape: [6, 2, 8] }], [{ src_key_padding_mask: boolMask([[0, 0, 0, 0, 0, 1], [0, 0, 0, 0, 0, 0]]) }]);
  });
});

describe('TransformerDecoderLayer / TransformerDecoder / Transformer agree with the same computation from torch-compat layers', () => {
  it('decoder layer', () => {
    torch.manual_seed(5);
    const tm = new RefDecoderLayer(8, 2, 16, 0.1);
    const fm = new nn.TransformerDecoderLayer(8, 2, 16);
    copyWeights(tm, fm);
    tm.eval();
    fm.eval();
    const mask = new nn.Transformer({ d_model: 8, nhead: 2, num_encoder_layers: 1, num_decoder_layers: 1, dim_feedforward: 4 }).generate_square_subsequent_mask(4);
    agreeTwins(tm, fm, [{ shape: [4, 2, 8] }, { shape: [6, 2, 8] }], [{ tgt_mask: mask, memory_key_padding_mask: boolMask([[0, 0, 0, 0, 1, 1], [0, 0, 0, 0, 0, 0]]) }]);
  });

  it('decoder layer in training: dropouts draw in the same order', () => {
    torch.manual_seed(6);
    const tm = new RefDecoderLayer(8, 2, 16, 0.1);
    const fm = new nn.TransformerDecoderLayer(8, 2, { dim_feedforward: 16 });
    copyWeights(tm, fm);
    const [t, m] = [torch.randn(3, 2, 8), torch.randn(5, 2, 8)];
    torch.manual_seed(8);
    const ty = tm(t, m);
    torch.manual_seed(8);
    const fy = fm(t as flow.Tensor, m as flow.Tensor);
    expect(fy.tolist()).toEqual(ty.tolist());
  });

  it('Transformer: encoder, decoder and masks', () => {
    torch.manual_seed(7);
    const tm = new RefTransformer(8, 2, 12, 2);
    const fm = new nn.Transformer(8, 2, 2, 2, 12);
    copyWeights(tm, fm);
    tm.eval();
    fm.eval();
    agreeTwins(tm, fm, [{ shape: [5, 3, 8] }, { shape: [4, 3, 8] }], [{ tgt_mask: fm.generate_square_subsequent_mask(4) }]);
  });
});

describe("OneFlow's transformer layers: structure, defaults, reprs, checks", () => {
  it('encoder layer defaults, children order and repr', () => {
    const l = new nn.TransformerEncoderLayer(4, 2);
    expect([...l._modules.keys()]).toEqual(['self_attn', 'linear1', 'dropout', 'linear2', 'norm1', 'norm2', 'dropout1', 'dropout2']);
    expect([l.linear1.out_features, l.dropout.p, l.self_attn.dropout, l.norm1.eps]).toEqual([2048, 0.1, 0.1, 1e-5]);
    expect(typeof l.activation).toBe('function');
    for (const k of ['batch_first', 'norm_first', 'activation_relu_or_gelu']) expect(k in l).toBe(false);
    const small = new nn.TransformerEncoderLayer(4, 2, { dim_feedforward: 8 });
    expect(String(small)).toBe([
      'TransformerEncoderLayer(',
      '  (self_attn): MultiheadAttention(',
      '    (out_proj): Linear(in_features=4, out_features=4, bias=True)',
      '  )',
      '  (linear1): Linear(in_features=4, out_features=8, bias=True)',
      '  (dropout): Dropout(p=0.1, inplace=False)',
      '  (linear2): Linear(in_features=8, out_features=4, bias=True)',
      '  (norm1): LayerNorm((4,), eps=1e-05, elementwise_affine=True)',
      '  (norm2): LayerNorm((4,), eps=1e-05, elementwise_affine=True)',
      '  (dropout1): Dropout(p=0.1, inplace=False)',
      '  (dropout2): Dropout(p=0.1, inplace=False)',
      ')',
    ].join('\n'));
  });

  it('decoder layer children order', () => {
    const l = new nn.TransformerDecoderLayer(4, 2, 8);
    expect([...l._modules.keys()]).toEqual(['self_attn', 'multihead_attn', 'linear1', 'dropout', 'linear2', 'norm1', 'norm2', 'norm3', 'dropout1', 'dropout2', 'dropout3']);
  });

  it('encoder / decoder: deep copies of the layer, num_layers, norm', () => {
    const layer = new nn.TransformerEncoderLayer(4, 2, 8);
    const enc = new nn.TransformerEncoder(layer, 3);
    expect([enc.num_layers, enc.norm, [...enc.layers].length]).toEqual([3, null, 3]);
    const l0 = enc.layers.__getitem__(0) as flow.nn.TransformerEncoderLayer;
    const l1 = enc.layers.__getitem__(1) as flow.nn.TransformerEncoderLayer;
    expect(l0).not.toBe(layer);
    expect(l0.linear1.weight).not.toBe(l1.linear1.weight);
    expect(l0.linear1.weight.tolist()).toEqual(layer.linear1.weight.tolist());
    expect(l0.linear1.weight.tolist()).toEqual(l1.linear1.weight.tolist());
    expect(l0.activation).toBe(layer.activation);
    expect([...enc.state_dict().keys()].slice(0, 2)).toEqual(['layers.0.self_attn.in_proj_weight', 'layers.0.self_attn.in_proj_bias']);
    const dec = new nn.TransformerDecoder(new nn.TransformerDecoderLayer(4, 2, 8), 2, { norm: new nn.LayerNorm(4) });
    expect(dec.norm).toBeInstanceOf(nn.LayerNorm);
    expect(String(dec).split('\n').slice(-3)).toEqual(['  )', '  (norm): LayerNorm((4,), eps=1e-05, elementwise_affine=True)', ')']);
  });

  it('Transformer: defaults, xavier re-init of matrices, attributes, custom parts', () => {
    const t = new nn.Transformer({ d_model: 8, nhead: 2, dim_feedforward: 16 });
    expect([t.d_model, t.nhead]).toEqual([8, 2]);
    const enc = t.encoder as flow.nn.TransformerEncoder;
    const dec = t.decoder as flow.nn.TransformerDecoder;
    expect([enc.num_layers, dec.num_layers]).toEqual([6, 6]);
    expect(enc.norm).toBeInstanceOf(nn.LayerNorm);
    // every matrix was re-drawn independently: the clones no longer share values
    const w0 = (enc.layers.__getitem__(0) as flow.nn.TransformerEncoderLayer).linear1.weight;
    const w1 = (enc.layers.__getitem__(1) as flow.nn.TransformerEncoderLayer).linear1.weight;
    expect(w0.tolist()).not.toEqual(w1.tolist());
    expect(w0.abs().max().item()).toBeLessThanOrEqual(Math.sqrt(6 / (8 + 16)));
    const customEnc = new nn.Identity();
    const custom = new nn.Transformer({ d_model: 8, nhead: 2, num_decoder_layers: 1, dim_feedforward: 4, custom_encoder: customEnc });
    expect(custom.encoder).toBe(customEnc);
    expect([...custom._modules.keys()]).toEqual(['encoder', 'decoder']);
  });

  it('generate_square_subsequent_mask (an instance method in OneFlow)', () => {
    const t = new nn.Transformer({ d_model: 4, nhead: 2, num_encoder_layers: 1, num_decoder_layers: 1, dim_feedforward: 4 });
    const m = t.generate_square_subsequent_mask(3);
    expect(m).toBeInstanceOf(flow.Tensor);
    expect(m.dtype).toBe(flow.float32);
    expect(m.tolist()).toEqual([[0, -Infinity, -Infinity], [0, 0, -Infinity], [0, 0, 0]]);
  });

  it("OneFlow's checks and texts", () => {
    expect(() => new nn.TransformerEncoderLayer(4, 2, 8, 0.1, 'tanh' as 'relu')).toThrow('activation should be relu/gelu, not tanh');
    expect(() => new nn.TransformerEncoderLayer(4, 2, { batch_first: true } as never)).toThrow("__init__() got an unexpected keyword argument 'batch_first'");
    expect(() => new nn.TransformerDecoderLayer(4, 2, { norm_first: true } as never)).toThrow("__init__() got an unexpected keyword argument 'norm_first'");
    const t = new nn.Transformer({ d_model: 4, nhead: 2, num_encoder_layers: 1, num_decoder_layers: 1, dim_feedforward: 4 });
    expect(() => t(flow.randn(3, 2, 4), flow.randn(3, 1, 4))).toThrow('the batch number of src and tgt must be equal');
    expect(() => t(flow.randn(3, 2, 4), flow.randn(3, 2, 5))).toThrow('the feature number of src and tgt must be equal to d_model');
  });
});

/** Every `module.name` global a pickle refers to (read inertly: nothing is called). */
function globalsIn(bytes: Uint8Array): Set<string> {
  const names = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (v instanceof pickle.PickledObject) {
      names.add(`${v.module}.${v.name}`);
      [...v.args, v.state, v.listItems, v.dictItems].forEach(walk);
    } else if (pickle.isPickleGlobal(v)) {
      names.add(pickle.globalPath(v));
    } else if (v instanceof Map) {
      for (const [k, x] of v) {
        walk(k);
        walk(x);
      }
    } else if (Array.isArray(v)) v.forEach(walk);
  };
  walk(pickle.loads(bytes, { weightsOnly: false }));
  return names;
}

describe('whole pickled modules round-trip through flow.save / flow.load', () => {
  it('TransformerEncoder (gelu layers, final norm)', () => {
    const enc = new nn.TransformerEncoder(new nn.TransformerEncoderLayer(8, 2, 16, 0.1, 'gelu'), 2, new nn.LayerNorm(8));
    enc.eval();
    const bytes = flow.save(enc, null);
    const names = globalsIn(bytes);
    for (const n of ['oneflow.nn.modules.transformer.TransformerEncoder', 'oneflow.nn.modules.transformer.TransformerEncoderLayer',
      'oneflow.nn.modules.activation.MultiheadAttention', 'oneflow.nn.modules.linear.Linear', 'oneflow.nn.modules.normalization.LayerNorm',
      'oneflow.nn.modules.dropout.Dropout', 'oneflow.nn.modules.container.ModuleList', 'oneflow._oneflow_internal._C.gelu_with_approximate']) {
      expect(names).toContain(n);
    }
    const back = flow.load(bytes) as flow.nn.TransformerEncoder;
    expect(back).toBeInstanceOf(nn.TransformerEncoder);
    expect(back.training).toBe(false);
    expect(String(back)).toBe(String(enc));
    expect([...back.state_dict().keys()]).toEqual([...enc.state_dict().keys()]);
    const l0 = back.layers.__getitem__(0) as flow.nn.TransformerEncoderLayer;
    expect(l0.activation).toBe((enc.layers.__getitem__(0) as flow.nn.TransformerEncoderLayer).activation);
    const x = flow.randn(5, 2, 8, { requires_grad: true });
    const y = enc(x);
    const yb = back(x);
    expect(yb.tolist()).toEqual(y.tolist());
    (y as CoreTensor).pow(2).sum().backward();
    const g = x.grad!.tolist();
    x.grad = null;
    (yb as CoreTensor).pow(2).sum().backward();
    expect(x.grad!.tolist()).toEqual(g);
  });

  it('a layer pickled without `activation` gets F.relu (OneFlow __setstate__)', () => {
    const layer = new nn.TransformerEncoderLayer(4, 2, 8);
    const state = layer.__getstate__();
    state.delete('activation');
    const copy = Reflect.construct(flow.nn.Module, [], nn.TransformerEncoderLayer) as flow.nn.TransformerEncoderLayer;
    copy.__setstate__(state);
    const relu = new nn.TransformerEncoderLayer(4, 2, 8, 0.1, 'relu').activation;
    expect(copy.activation).toBe(relu);
  });

  it('MultiheadAttention (separate projections, bias_k / bias_v)', () => {
    const m = new nn.MultiheadAttention(6, 2, { add_bias_kv: true, kdim: 4, vdim: 5 });
    const back = flow.load(flow.save(m, null)) as flow.nn.MultiheadAttention;
    expect(back).toBeInstanceOf(nn.MultiheadAttention);
    expect([back.kdim, back.vdim, back._qkv_same_embed_dim, back.head_dim]).toEqual([4, 5, false, 3]);
    expect([...back.state_dict().keys()]).toEqual([...m.state_dict().keys()]);
    const [q, k, v] = [flow.randn(3, 2, 6), flow.randn(4, 2, 4), flow.randn(4, 2, 5)];
    const [a, wa] = m(q, k, v);
    const [b, wb] = back(q, k, v);
    expect(b.tolist()).toEqual(a.tolist());
    expect(wb!.tolist()).toEqual(wa!.tolist());
  });

  it('Transformer and TransformerDecoder', () => {
    const t = new nn.Transformer({ d_model: 4, nhead: 2, num_encoder_layers: 1, num_decoder_layers: 2, dim_feedforward: 8 });
    t.eval();
    const back = flow.load(flow.save(t, null)) as flow.nn.Transformer;
    expect(back).toBeInstanceOf(nn.Transformer);
    expect(back.decoder).toBeInstanceOf(nn.TransformerDecoder);
    expect([back.d_model, back.nhead]).toEqual([4, 2]);
    const [s, g] = [flow.randn(3, 2, 4), flow.randn(2, 2, 4)];
    expect(back(s, g).tolist()).toEqual(t(s, g).tolist());
  });
});
