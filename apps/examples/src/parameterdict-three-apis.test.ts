import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gluonSeedModel, oneflowSeedModel, torchSeedModel } from './parameterdict-three-apis.js';

// Written by tooling/goldens/gen_parameterdict_example.py running the seed's code in PyTorch 1.13.
const golden = JSON.parse(readFileSync(new URL('../fixtures/parameterdict_three_apis.json', import.meta.url), 'utf8')) as {
  model_repr: string;
  params_repr: string;
  x: number[];
  left: number[];
  right: number[];
};

const close = (a: readonly number[], b: readonly number[], tol: number) => a.length === b.length && a.every((v, i) => Math.abs(v - b[i]!) <= tol);

describe('the seeds\' ParameterDict model in three APIs', () => {
  const t = torchSeedModel();

  it('PyTorch: prints the reprs PyTorch prints and computes its outputs', () => {
    expect(t.modelRepr).toBe(golden.model_repr);
    expect(t.paramsRepr).toBe(golden.params_repr);
    expect(close([...t.x], golden.x, 0)).toBe(true);
    expect(close(t.left, golden.left, 1e-5)).toBe(true);
    expect(close(t.right, golden.right, 1e-5)).toBe(true);
  });

  it('OneFlow: prints the repr lines of the seed page and agrees with the PyTorch outputs', () => {
    const f = oneflowSeedModel(t.weights, t.x);
    // Seed 000 (oneflow.nn.ParameterDict reference page), the doctest output of `model.params`.
    const seedLines = [
      "    (left): Parameter containing: [<class 'oneflow.nn.Parameter'> of size 5x10]",
      "    (right): Parameter containing: [<class 'oneflow.nn.Parameter'> of size 5x10]",
    ];
    expect(f.paramsRepr.split('\n').slice(1, 3)).toEqual(seedLines);
    expect(f.paramsRepr).toBe(`ParameterDict(\n${seedLines.join('\n')}\n)`);
    // Module.__repr__ indents the child's repr by two more spaces, as PyTorch's does.
    expect(f.modelRepr).toBe(`MyModule(\n  (params): ParameterDict(\n${seedLines.map((l) => `  ${l}`).join('\n')}\n  )\n)`);
    expect(close(f.left, golden.left, 1e-5)).toBe(true);
    expect(close(f.right, golden.right, 1e-5)).toBe(true);
  });

  it('MXNet Gluon: prints the reprs of block.py / parameter.py and agrees with the PyTorch outputs', () => {
    const g = gluonSeedModel(t.weights, t.x);
    // MXNet 1.9 cannot be installed here: these are its __repr__ format rules applied by hand.
    // Block.__repr__ is '{name}(\n{modstr}\n)' over attributes holding Blocks (none here);
    // ParameterDict.__repr__ is '{prefix} (\n' + '  ' + each Parameter's repr + '\n)', and
    // Parameter.__repr__ is 'Parameter {name} (shape={shape}, dtype={dtype})' with the default
    // dtype mx_real_t = numpy.float32 printing as "<class 'numpy.float32'>".
    expect(g.modelRepr).toBe('MyModule(\n\n)');
    expect(g.paramsRepr).toBe(
      'mymodule0_ (\n' +
        "  Parameter mymodule0_left (shape=(5, 10), dtype=<class 'numpy.float32'>)\n" +
        "  Parameter mymodule0_right (shape=(5, 10), dtype=<class 'numpy.float32'>)\n" +
        ')',
    );
    expect(close(g.left, golden.left, 1e-5)).toBe(true);
    expect(close(g.right, golden.right, 1e-5)).toBe(true);
  });
});
