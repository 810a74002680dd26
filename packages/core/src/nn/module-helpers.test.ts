import { describe, expect, it } from 'vitest';
import { zeros } from '../ops/creation.js';
import '../index.js';
import { ModuleBase } from './module-base.js';
import { addIndent, moduleRepr } from './module-repr.js';
import { Parameter } from './parameter.js';
import { registerRnnWeights } from './rnn-weights.js';
import { checkEmbeddingWeight, embeddingExtraRepr, embeddingPaddingIdx } from './embedding.js';
import { collectUnexpectedKeys, localMetadataFor, persistentMembers, raiseLoadErrors, stateDictCopy } from './state-dict.js';

class Leaf extends ModuleBase {
  constructor() {
    super();
    this._parameters.set('w', new Parameter(zeros(2)));
    this._parameters.set('none', null);
    this._buffers.set('b', zeros(1));
    this._buffers.set('tmp', zeros(1));
    this._non_persistent_buffers_set.add('tmp');
  }
}

describe('module helpers', () => {
  it('moduleRepr puts one extra line inline and indents children', () => {
    expect(addIndent('a\nb', 2)).toBe('a\n  b');
    expect(moduleRepr('L', 'x=1', [])).toBe('L(x=1)');
    expect(moduleRepr('N', '', [['fc', { __repr__: () => 'A(\n  y\n)' }], ['gone', null]])).toBe('N(\n  (fc): A(\n    y\n  )\n  (gone): None\n)');
  });
  it('persistentMembers and collectUnexpectedKeys follow PyTorch', () => {
    const m = new Leaf();
    const local = persistentMembers(m);
    expect([...local.keys()]).toEqual(['w', 'b']);
    const unexpected: string[] = [];
    const sd = new Map<string, unknown>([['p.w', 1], ['p.x', 2], ['p._extra_state', 3], ['q.x', 4]]);
    collectUnexpectedKeys(m, sd, 'p.', local, unexpected, 'p._extra_state');
    expect(unexpected).toEqual(['p.x']);
  });
  it('stateDictCopy keeps _metadata and localMetadataFor reads it per prefix', () => {
    const { sd, metadata } = stateDictCopy({ a: 1 });
    expect([...sd.keys()]).toEqual(['a']);
    expect(metadata).toBeNull();
    const meta = new Map<string, unknown>([['fc', { version: 2 }]]);
    expect(localMetadataFor(meta, 'fc.').get('version')).toBe(2);
    expect(localMetadataFor(null, '').size).toBe(0);
  });
  it('raiseLoadErrors lists missing, then unexpected keys', () => {
    expect(() => raiseLoadErrors('Net', true, ['a'], ['b'], [])).toThrow(
      'Error(s) in loading state_dict for Net:\n\tMissing key(s) in state_dict: "a". \n\tUnexpected key(s) in state_dict: "b". ',
    );
    expect(() => raiseLoadErrors('Net', false, ['a'], ['b'], [])).not.toThrow();
  });
  it('embedding helpers wrap padding_idx, check _weight and print non-defaults', () => {
    expect(embeddingPaddingIdx(-1, 10)).toBe(9);
    expect(embeddingPaddingIdx(0, 10)).toBe(0);
    expect(embeddingPaddingIdx(null, 10)).toBeNull();
    expect(() => embeddingPaddingIdx(10, 10)).toThrow('Padding_idx must be within num_embeddings');
    expect(() => embeddingPaddingIdx(-11, 10)).toThrow('Padding_idx must be within num_embeddings');
    expect(() => checkEmbeddingWeight(zeros(3, 2), 3, 3)).toThrow('Shape of weight does not match num_embeddings and embedding_dim');
    const m = { num_embeddings: 10, embedding_dim: 3, padding_idx: 0, max_norm: 1, norm_type: 2, scale_grad_by_freq: false, sparse: true };
    expect(embeddingExtraRepr(m, (v) => `${v}.0`)).toBe('10, 3, padding_idx=0, max_norm=1.0, sparse=True');
  });
  it('registerRnnWeights registers PyTorch\'s names and shapes in order', () => {
    class R extends ModuleBase {
      declare _flat_weights_names: string[];
      declare _all_weights: string[][];
      register_parameter(name: string, p: Parameter): void {
        this._parameters.set(name, p);
      }
    }
    const r = new R();
    registerRnnWeights(r, { input_size: 2, hidden_size: 3, gate_size: 12, num_layers: 2, bidirectional: true, bias: false }, (s) => new Parameter(zeros(...s)));
    expect(r._all_weights).toEqual([
      ['weight_ih_l0', 'weight_hh_l0'], ['weight_ih_l0_reverse', 'weight_hh_l0_reverse'],
      ['weight_ih_l1', 'weight_hh_l1'], ['weight_ih_l1_reverse', 'weight_hh_l1_reverse'],
    ]);
    expect([...r._parameters].map(([k, p]) => `${k}:${p!.shape.join('x')}`)).toEqual([
      'weight_ih_l0:12x2', 'weight_hh_l0:12x3', 'weight_ih_l0_reverse:12x2', 'weight_hh_l0_reverse:12x3',
      'weight_ih_l1:12x6', 'weight_hh_l1:12x3', 'weight_ih_l1_reverse:12x6', 'weight_hh_l1_reverse:12x3',
    ]);
    expect(r._flat_weights_names).toHaveLength(8);
  });
});
