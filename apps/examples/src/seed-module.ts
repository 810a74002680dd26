/**
 * The seed's PyTorch example (torch.nn.ParameterDict docs), ported line by line:
 *
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
 */
import * as torch from '@nncompat/torch-compat';

const { nn } = torch;

/** The seed's module. */
export class MyModule extends nn.Module {
  declare params: InstanceType<typeof nn.ParameterDict>;
  constructor() {
    super();
    this.params = new nn.ParameterDict({
      left: new nn.Parameter(torch.randn(5, 10)),
      right: new nn.Parameter(torch.randn(5, 10)),
    });
  }
  override forward(x: torch.Tensor, choice: string): torch.Tensor {
    return this.params[choice]!.mm(x);
  }
}

/** Builds the model after `torch.manual_seed(0)`, runs it, and returns what PyTorch prints. */
export function runSeedModule(): { repr: string; out: torch.Tensor } {
  torch.manual_seed(0);
  const model = new MyModule();
  const out = model(torch.randn(10, 1), 'left');
  return { repr: String(model), out };
}
