import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectClose, fromJson, type TensorJson } from '../../functional/golden.test-helpers.js';
import { parameters_to_vector, vector_to_parameters } from './index.js';

/** PyTorch 1.13 values from tooling/goldens/gen_optim_extra.py (2.1's functions are the same). */
const { utils } = JSON.parse(readFileSync(new URL('../../../fixtures/optim_extra.json', import.meta.url), 'utf8')) as {
  utils: { params: TensorJson[]; vector: TensorJson; new_vector: TensorJson; errors: { fn: string; type: string; message: string }[] };
};

describe('nn.utils.parameters_to_vector / vector_to_parameters (PyTorch values)', () => {
  it('flattens and concatenates in order', () => {
    const ps = utils.params.map((t) => fromJson(t));
    // The fixture's params were overwritten by new_vector; rebuild the originals from `vector`.
    const orig = fromJson(utils.vector);
    vector_to_parameters(orig, ps);
    const vec = parameters_to_vector(ps);
    expect([...vec.shape]).toEqual(utils.vector.shape);
    expectClose(vec.dataSync(), utils.vector.data, 0, 0, 'vector');
  });
  it('writes slices back into the params\' shapes, sharing the vector', () => {
    const ps = utils.params.map((t) => fromJson(t));
    const newv = fromJson(utils.new_vector);
    vector_to_parameters(newv, ps);
    ps.forEach((p, i) => {
      expect([...p.shape]).toEqual(utils.params[i]!.shape);
      expectClose(p.dataSync(), utils.params[i]!.data, 0, 0, `param ${i}`);
    });
    newv.zero_();
    expect(Array.from(ps[0]!.dataSync()).every((x) => x === 0), 'param 0 views the vector').toBe(true);
  });
  it('keeps autograd history through parameters_to_vector', () => {
    const ps = utils.params.map((t) => fromJson(t).requires_grad_(true));
    parameters_to_vector(ps).sum().backward();
    expect(Array.from(ps[1]!.grad!.dataSync())).toEqual([1, 1, 1, 1]);
  });
  it('rejects a non-tensor vector with PyTorch\'s message', () => {
    const e = utils.errors.find((x) => x.fn === 'vector_to_parameters')!;
    expect(e.type).toBe('TypeError');
    const ps = utils.params.map((t) => fromJson(t));
    expect(() => vector_to_parameters([1.0] as never, ps)).toThrow(new TypeError(e.message));
  });
});
