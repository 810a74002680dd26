/**
 * Layer behaviour beyond the numeric goldens: the exceptions and warnings PyTorch raises
 * (fixtures/layers/errors.json, from real PyTorch), keyword binding, `Embedding.from_pretrained`,
 * deep copies in TransformerEncoder, and the BatchNorm version-1 state-dict upgrade.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { manual_seed, Parameter, tensor, type Tensor, zeros } from '@nncompat/core';
import { captureWarnings } from '../../utils/warn.js';
import * as nn from '../index.js';
import { build, type CtorJson, decode } from './layers.test-helpers.js';
import type { Module } from './module.js';

interface ErrorCase {
  name: string;
  ctor: CtorJson;
  call?: { args: unknown[]; kwargs: Record<string, unknown> };
  error: { type: string; message: string } | null;
  v2_1?: { type: string; message: string };
  warnings: string[];
}

const ERRORS = (JSON.parse(readFileSync(new URL('../../../fixtures/layers/errors.json', import.meta.url), 'utf8')) as { cases: ErrorCase[] }).cases;

/** Python prints sets in hash order; compare their members sorted. */
function normalizeSets(s: string): string {
  return s.replace(/\{([^{}]*)\}/g, (_, inner: string) => `{${inner.split(', ').sort().join(', ')}}`);
}

describe('layer errors and warnings match PyTorch', () => {
  for (const c of ERRORS) {
    it(c.name, () => {
      const expected = c.v2_1 ?? c.error;
      let caught: Error | null = null;
      const [, warnings] = captureWarnings(() => {
        try {
          const m = build(c.ctor);
          if (c.call) {
            const leaves = new Map<string, Tensor>();
            const args = c.call.args.map((a) => decode(a, leaves));
            if (Object.keys(c.call.kwargs).length > 0) args.push(Object.fromEntries(Object.entries(c.call.kwargs).map(([k, v]) => [k, decode(v, leaves)])));
            (m as unknown as (...a: unknown[]) => unknown)(...args);
          }
        } catch (e) {
          caught = e as Error;
        }
      });
      if (expected === null) {
        expect(caught).toBeNull();
      } else {
        expect(caught, 'an exception').not.toBeNull();
        const err = caught as unknown as Error;
        expect(err.name).toBe(expected.type);
        expect(normalizeSets(err.message)).toBe(normalizeSets(expected.message));
      }
      expect(warnings).toStrictEqual(c.warnings);
    });
  }
});

describe('constructor keyword binding', () => {
  it('positional arguments then a trailing options object bind like Python', () => {
    const conv = new nn.Conv2d(4, 8, 3, 2, { padding: 1, bias: false });
    expect(String(conv)).toBe('Conv2d(4, 8, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), bias=False)');
  });
  it('an argument given twice or an unknown keyword raises TypeError', () => {
    expect(() => new nn.Conv2d(4, 8, 3, 2, { stride: 1 } as never)).toThrow("Conv2d.__init__() got multiple values for argument 'stride'");
    expect(() => new nn.Conv2d(4, 8, 3, { strides: 1 } as never)).toThrow("Conv2d.__init__() got an unexpected keyword argument 'strides'");
  });
});

describe('Embedding.from_pretrained', () => {
  it('wraps the tensor, frozen by default, and looks rows up', () => {
    const w = tensor([[1, 2.3, 3], [4, 5.1, 6.3]]);
    const emb = nn.Embedding.from_pretrained(w);
    expect(emb.weight.requires_grad).toBe(false);
    expect(emb(tensor([1])).tolist()).toStrictEqual([[4, 5.099999904632568, 6.300000190734863]]);
    expect(String(emb)).toBe('Embedding(2, 3)');
    expect(nn.Embedding.from_pretrained(w, { freeze: false, padding_idx: 0 }).weight.requires_grad).toBe(true);
    expect(() => nn.Embedding.from_pretrained(zeros(3))).toThrow('Embeddings parameter is expected to be 2-dimensional');
  });
});

describe('TransformerEncoder deep copies', () => {
  it('layers start equal but are independent tensors', () => {
    manual_seed(0);
    const layer = new nn.TransformerEncoderLayer(8, 2, { dim_feedforward: 16 });
    const enc = new nn.TransformerEncoder(layer, 2);
    const l0 = (enc.layers[0] as nn.TransformerEncoderLayer).linear1.weight;
    const l1 = (enc.layers[1] as nn.TransformerEncoderLayer).linear1.weight;
    expect(l0).not.toBe(l1);
    expect(l0).toBeInstanceOf(Parameter);
    expect(l0.tolist()).toStrictEqual(l1.tolist());
    expect(l0.tolist()).toStrictEqual(layer.linear1.weight.tolist());
    l0.data.fill_(1);
    expect(l1.tolist()).not.toStrictEqual(l0.tolist());
    expect(enc.layers[0]).not.toBe(layer);
  });
});

describe('BatchNorm state dicts', () => {
  it('a version-1 state dict (no num_batches_tracked) loads and keeps the counter of the module (2.1; 1.13 reset it to 0)', () => {
    const bn = new nn.BatchNorm1d(3);
    bn.num_batches_tracked!.fill_(5);
    const sd = bn.state_dict();
    sd.delete('num_batches_tracked');
    sd._metadata!.set('', new Map([['version', 1]]));
    const fresh = new nn.BatchNorm1d(3);
    fresh.num_batches_tracked!.fill_(7);
    fresh.load_state_dict(sd);
    expect(fresh.num_batches_tracked!.item()).toBe(7);
    const strict = new nn.BatchNorm1d(3);
    const sd2 = bn.state_dict();
    sd2.delete('num_batches_tracked');
    expect(() => strict.load_state_dict(sd2)).toThrow('Missing key(s) in state_dict: "num_batches_tracked"');
  });
});


