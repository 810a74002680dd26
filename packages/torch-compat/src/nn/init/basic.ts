/**
 * The `torch.nn.init` pieces `Linear.reset_parameters` needs, with PyTorch's arithmetic (so the
 * bounds, and hence the drawn values, are bit-identical).
 */
import { no_grad, type Tensor, ValueError } from '@nncompat/core';
import { warn } from '../../utils/warn.js';

/** `init._calculate_fan_in_and_fan_out(tensor)`. */
export function calculateFanInAndFanOut(t: Tensor): [number, number] {
  const dims = t.size();
  if (dims.length < 2) throw new ValueError('Fan in and fan out can not be computed for tensor with fewer than 2 dimensions');
  let receptive = 1;
  for (const s of dims.slice(2)) receptive *= s;
  return [dims[1]! * receptive, dims[0]! * receptive];
}

/** `init.calculate_gain('leaky_relu', a)`. */
function leakyReluGain(a: number): number {
  return Math.sqrt(2.0 / (1 + a ** 2));
}

/** `init.kaiming_uniform_(tensor, a, mode='fan_in', nonlinearity='leaky_relu')`. */
export function kaimingUniform(t: Tensor, a = 0): Tensor {
  if (t.size().includes(0)) {
    warn('Initializing zero-element tensors is a no-op');
    return t;
  }
  const [fanIn] = calculateFanInAndFanOut(t);
  const std = leakyReluGain(a) / Math.sqrt(fanIn);
  const bound = Math.sqrt(3.0) * std;
  return no_grad(() => t.uniform_(-bound, bound));
}

/** `init.uniform_(tensor, a, b)`. */
export function uniform(t: Tensor, a = 0, b = 1): Tensor {
  return no_grad(() => t.uniform_(a, b));
}
