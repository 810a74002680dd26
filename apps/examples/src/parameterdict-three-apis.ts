/**
 * The seeds' ParameterDict example — a module holding two 5x10 parameters, 'left' and
 * 'right', whose forward multiplies the chosen one with the input — written against each
 * framework surface, printing each repr as the framework does.
 *
 * PyTorch 2.1 (seed 001) / OneFlow (seed 000) original:
 *   class MyModule(nn.Module):
 *       def __init__(self):
 *           super().__init__()
 *           self.params = nn.ParameterDict({
 *                   'left': nn.Parameter(torch.randn(5, 10)),
 *                   'right': nn.Parameter(torch.randn(5, 10))
 *           })
 *       def forward(self, x, choice):
 *           x = self.params[choice].mm(x)
 *           return x
 *
 * MXNet Gluon (seed 002) has no ParameterDict-valued attribute: every Block owns one
 * (`block.params`, prefixed with the block's name), so the Gluon port gets its two
 * parameters from `self.params.get(...)`:
 *   class MyModule(gluon.Block):
 *       def __init__(self, **kwargs):
 *           super().__init__(**kwargs)
 *           with self.name_scope():
 *               self.left = self.params.get('left', shape=(5, 10))
 *               self.right = self.params.get('right', shape=(5, 10))
 *       def forward(self, x, choice):
 *           return mx.nd.dot(self.params.get(choice).data(), x)
 *
 * The OneFlow port is seed 000's code as written (`flow.randn`, `nn.ParameterDict`).
 *
 * Run: `npx tsx src/parameterdict-three-apis.ts` (from apps/examples).
 */
import { pathToFileURL } from 'node:url';
import * as mx from '@nncompat/gluon-compat';
import * as flow from '@nncompat/oneflow-compat';
import * as torch from '@nncompat/torch-compat';

const { nn } = torch;

/** What each port reports: its reprs and the forward output for both choices. */
export interface SeedModelReport {
  /** `repr(model)`. */
  modelRepr: string;
  /** `repr(model.params)`. */
  paramsRepr: string;
  /** `model(x, 'left')`, flattened. */
  left: number[];
  /** `model(x, 'right')`, flattened. */
  right: number[];
}

/** The PyTorch module of the seed (a class expression, so both ports are named MyModule). */
const TorchModule = class MyModule extends nn.Module {
  declare params: InstanceType<typeof nn.ParameterDict>;
  constructor() {
    super();
    this.params = new nn.ParameterDict({
      left: new nn.Parameter(torch.randn(5, 10)),
      right: new nn.Parameter(torch.randn(5, 10)),
    });
  }
  override forward(x: torch.Tensor, choice: string): torch.Tensor {
    return (this.params.__getitem__(choice) as torch.Tensor).mm(x);
  }
};

/** The OneFlow module of the seed (its own function scope keeps the class name MyModule). */
const makeFlowModule = () => class MyModule extends flow.nn.Module {
  declare params: flow.nn.ParameterDict;
  constructor() {
    super();
    this.params = new flow.nn.ParameterDict({
      left: new flow.nn.Parameter(flow.randn(5, 10)),
      right: new flow.nn.Parameter(flow.randn(5, 10)),
    });
  }
  override forward(x: flow.Tensor, choice: string): flow.Tensor {
    return this.params.__getitem__(choice).mm(x) as flow.Tensor;
  }
};
const FlowModule = makeFlowModule();

/**
 * The Gluon block of the seed, made in its own function scope: a second class named MyModule
 * at module level would be renamed (MyModule2) by the TypeScript transform, and Gluon prints
 * the class name.
 */
const makeGluonModule = () => class MyModule extends mx.gluon.Block {
  declare left: mx.gluon.Parameter;
  declare right: mx.gluon.Parameter;
  constructor(opts: mx.gluon.BlockOptions = {}) {
    super(opts);
    this.name_scope(() => {
      this.left = this.params.get('left', { shape: [5, 10] });
      this.right = this.params.get('right', { shape: [5, 10] });
    });
  }
  override forward(x: mx.nd.NDArray, choice: string): mx.nd.NDArray {
    return mx.nd.dot(this.params.get(choice).data(), x);
  }
};
const GluonModule = makeGluonModule();

/**
 * Builds the PyTorch port after `torch.manual_seed(seed)` and runs it on `randn(10, 1)`.
 * Returns the report and the drawn weights and input, so the other ports can use the same.
 */
export function torchSeedModel(seed = 0): SeedModelReport & { weights: { left: Float32Array; right: Float32Array }; x: Float32Array } {
  torch.manual_seed(seed);
  const model = new TorchModule();
  const x = torch.randn(10, 1);
  const run = (choice: string) => [...(torch.no_grad(() => model(x, choice)).dataSync() as Float32Array)];
  return {
    modelRepr: String(model),
    paramsRepr: String(model.params),
    left: run('left'),
    right: run('right'),
    weights: {
      left: (model.params.__getitem__('left') as torch.Tensor).dataSync() as Float32Array,
      right: (model.params.__getitem__('right') as torch.Tensor).dataSync() as Float32Array,
    },
    x: x.dataSync() as Float32Array,
  };
}

/**
 * Builds the OneFlow port as the seed does (`flow.randn` weights), then copies the given
 * weights in and runs it on `x` (10x1).
 */
export function oneflowSeedModel(weights: { left: ArrayLike<number>; right: ArrayLike<number> }, x: ArrayLike<number>): SeedModelReport {
  const model = new FlowModule();
  flow.no_grad(() => {
    model.params.__getitem__('left').copy_(flow.tensor(Array.from(weights.left)).reshape(5, 10));
    model.params.__getitem__('right').copy_(flow.tensor(Array.from(weights.right)).reshape(5, 10));
  });
  const input = flow.tensor(Array.from(x)).reshape(10, 1) as flow.Tensor;
  const run = (choice: string) => [...(flow.no_grad(() => model(input, choice)).dataSync() as Float32Array)];
  return { modelRepr: String(model), paramsRepr: String(model.params), left: run('left'), right: run('right') };
}

/**
 * Builds the Gluon port (a fresh naming scope, so its prefix is `mymodule0_`), initialises it,
 * sets the given weights and runs it on `x` (10x1).
 */
export function gluonSeedModel(weights: { left: ArrayLike<number>; right: ArrayLike<number> }, x: ArrayLike<number>): SeedModelReport {
  const model = new mx.name.NameManager().with(() => new GluonModule());
  model.initialize();
  model.left.set_data(mx.nd.array(Array.from(weights.left)).reshape([5, 10]));
  model.right.set_data(mx.nd.array(Array.from(weights.right)).reshape([5, 10]));
  const input = mx.nd.array(Array.from(x)).reshape([10, 1]);
  return {
    modelRepr: String(model),
    paramsRepr: String(model.params),
    left: [...(model(input, 'left').asnumpy() as Float32Array)],
    right: [...(model(input, 'right').asnumpy() as Float32Array)],
  };
}

/** Prints each port's reprs and checks the outputs agree. */
export function main(): void {
  const t = torchSeedModel();
  const f = oneflowSeedModel(t.weights, t.x);
  const g = gluonSeedModel(t.weights, t.x);
  console.log('--- PyTorch (torch-compat) ---');
  console.log(t.modelRepr);
  console.log(t.paramsRepr);
  console.log("model(x, 'left') =", t.left.map((v) => v.toFixed(4)).join(' '));
  console.log('--- OneFlow (oneflow-compat) ---');
  console.log(f.modelRepr);
  console.log(f.paramsRepr);
  console.log("model(x, 'left') =", f.left.map((v) => v.toFixed(4)).join(' '));
  console.log('--- MXNet Gluon (gluon-compat) ---');
  console.log(g.modelRepr);
  console.log(g.paramsRepr);
  console.log("model(x, 'left') =", g.left.map((v) => v.toFixed(4)).join(' '));
  const diffs = [f, g].flatMap((r) => [...t.left.map((v, i) => Math.abs(v - r.left[i]!)), ...t.right.map((v, i) => Math.abs(v - r.right[i]!))]);
  const maxDiff = Math.max(...diffs);
  console.log(`largest difference between the ports' outputs: ${maxDiff.toExponential(2)}`);
}

if (typeof process !== 'undefined' && process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
