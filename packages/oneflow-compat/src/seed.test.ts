import { describe, expect, it } from 'vitest';
import * as flow from './index.js';

const { nn } = flow;

class MyModule extends nn.Module {
  declare params: flow.nn.ParameterDict;
  constructor() {
    super();
    this.params = new nn.ParameterDict({
      left: new nn.Parameter(flow.randn(5, 10)),
      right: new nn.Parameter(flow.randn(5, 10)),
    });
  }
  override forward(x: flow.Tensor, choice: string): flow.Tensor {
    return this.params.__getitem__(choice).mm(x) as flow.Tensor;
  }
}

describe('the seed example (oneflow.nn.ParameterDict docs)', () => {
  it('prints the seed repr', () => {
    const model = new MyModule();
    // The seed's doctest output, as OneFlow's extra_repr builds it (two spaces from
    // extra_repr, two more from Module.__repr__).
    expect(String(model.params)).toBe(
      'ParameterDict(\n' +
        "    (left): Parameter containing: [<class 'oneflow.nn.Parameter'> of size 5x10]\n" +
        "    (right): Parameter containing: [<class 'oneflow.nn.Parameter'> of size 5x10]\n" +
        ')',
    );
  });
  it('runs forward with either choice', () => {
    const model = new MyModule();
    const x = flow.randn(10, 3);
    const y = model(x, 'left');
    expect(y.shape).toEqual([5, 3]);
    expect(String(y)).toContain('dtype=oneflow.float32');
    expect(String(y)).toContain('grad_fn=<');
    expect([...model.named_parameters()].map(([n]) => n)).toEqual(['params.left', 'params.right']);
    expect(() => (model.params as unknown as (x: unknown) => unknown)(x)).toThrow('ParameterDict should not be called.');
  });
});
