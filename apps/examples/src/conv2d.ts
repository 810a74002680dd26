/**
 * `nn.Conv2d(in_channels, out_channels, kernel_size, padding=…)` for the CNN example, written
 * with `F.conv2d` and PyTorch's `_ConvNd.reset_parameters` (kaiming_uniform_(a=√5) weight,
 * U(±1/√fan_in) bias), until torch-compat's own `nn.Conv2d` is exported.
 */
import * as torch from '@nncompat/torch-compat';
import * as F from '@nncompat/torch-compat/nn/functional';
import { empty } from '@nncompat/core';

const { nn } = torch;

/** Constructor options of the few Conv2d arguments the example uses. */
export interface Conv2dOptions {
  padding?: number;
}

/**
 * A square-kernel, stride-1 2-D convolution with the layer's parameter names and default init.
 *
 * @example
 * const conv = new Conv2d(1, 8, 3, { padding: 1 });
 */
export class Conv2d extends nn.Module {
  declare weight: torch.nn.Parameter;
  declare bias: torch.nn.Parameter;
  declare padding: number;
  constructor(in_channels: number, out_channels: number, kernel_size: number, opts: Conv2dOptions = {}) {
    super();
    this.weight = new nn.Parameter(empty([out_channels, in_channels, kernel_size, kernel_size]));
    this.bias = new nn.Parameter(empty([out_channels]));
    this.padding = opts.padding ?? 0;
    // _ConvNd.reset_parameters: both draws come from the default generator, weight first.
    // Same float64 arithmetic as torch.nn.init, so the bounds (and the draws) are bit-identical.
    const fanIn = in_channels * kernel_size * kernel_size;
    const a = Math.sqrt(5);
    const gain = Math.sqrt(2.0 / (1 + a ** 2)); // calculate_gain('leaky_relu', a)
    const wBound = Math.sqrt(3.0) * (gain / Math.sqrt(fanIn));
    const bBound = 1 / Math.sqrt(fanIn);
    torch.no_grad(() => {
      this.weight.uniform_(-wBound, wBound);
      this.bias.uniform_(-bBound, bBound);
    });
  }

  override forward(x: torch.Tensor): torch.Tensor {
    return F.conv2d(x, this.weight, this.bias, { padding: this.padding });
  }
}
