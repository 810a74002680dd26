/** `nn.init.calculate_gain` and the fan computations of torch/nn/init.py. */
import { type Tensor, ValueError } from '@nncompat/core';
import { bindArgs, checkArg, type Param, type PyArgs } from '../functional/pyargs.js';

/** Nonlinearities `calculate_gain` knows. */
export type Nonlinearity =
  | 'linear' | 'conv1d' | 'conv2d' | 'conv3d' | 'conv_transpose1d' | 'conv_transpose2d' | 'conv_transpose3d'
  | 'sigmoid' | 'tanh' | 'relu' | 'leaky_relu' | 'selu';

const LINEAR_FNS = ['linear', 'conv1d', 'conv2d', 'conv3d', 'conv_transpose1d', 'conv_transpose2d', 'conv_transpose3d'];

/** `param` takes any value here: PyTorch itself raises ValueError for a non-number slope. */
const PARAM: Param = { name: 'param', type: 'float', ok: () => true };

/**
 * `nn.init.calculate_gain(nonlinearity, param=None)`: the recommended gain for a nonlinearity.
 *
 * @example
 * calculate_gain('leaky_relu', 0.2); // Math.sqrt(2 / 1.04)
 * calculate_gain('leaky_relu', { param: 0.2 });
 */
export function calculate_gain(nonlinearity: Nonlinearity | string, ...args: PyArgs<[param: number | null], { param?: number | null }>): number {
  checkArg('calculate_gain', { name: 'nonlinearity', type: 'str', ok: (v) => typeof v === 'string' }, 1, nonlinearity);
  const param: unknown = bindArgs<{ param?: unknown }>('calculate_gain', 1, [PARAM], args).param ?? null;
  if (LINEAR_FNS.includes(nonlinearity) || nonlinearity === 'sigmoid') return 1;
  if (nonlinearity === 'tanh') return 5.0 / 3;
  if (nonlinearity === 'relu') return Math.sqrt(2.0);
  if (nonlinearity === 'leaky_relu') {
    let slope: number;
    if (param === null) slope = 0.01;
    else if (typeof param === 'number') slope = param;
    else throw new ValueError(`negative_slope ${String(param)} not a valid number`);
    return Math.sqrt(2.0 / (1 + slope ** 2));
  }
  if (nonlinearity === 'selu') return 3.0 / 4;
  throw new ValueError(`Unsupported nonlinearity ${nonlinearity}`);
}

/** `init._calculate_fan_in_and_fan_out(tensor)` → `[fan_in, fan_out]`. */
export function _calculate_fan_in_and_fan_out(tensor: Tensor): [number, number] {
  if (tensor.dim() < 2) throw new ValueError('Fan in and fan out can not be computed for tensor with fewer than 2 dimensions');
  let receptive = 1;
  for (const s of tensor.shape.slice(2)) receptive *= s;
  return [tensor.shape[1]! * receptive, tensor.shape[0]! * receptive];
}

/** `init._calculate_correct_fan(tensor, mode)`. */
export function _calculate_correct_fan(tensor: Tensor, mode: string): number {
  const m = mode.toLowerCase();
  if (m !== 'fan_in' && m !== 'fan_out') throw new ValueError(`Mode ${mode} not supported, please use one of ['fan_in', 'fan_out']`);
  const [fanIn, fanOut] = _calculate_fan_in_and_fan_out(tensor);
  return m === 'fan_in' ? fanIn : fanOut;
}
