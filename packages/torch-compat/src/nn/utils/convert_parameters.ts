/** `torch.nn.utils.parameters_to_vector` / `vector_to_parameters` (PyTorch 2.1). */
import { cat, type Tensor, Tensor as TensorClass } from '@nncompat/core';

/**
 * PyTorch's `_check_param_device`: every parameter must sit on the first one's device (PyTorch
 * compares CUDA ordinals and CPU; here devices are backend names, compared as they are).
 */
function checkParamDevice(param: Tensor, oldDevice: string | null): string {
  const device = String(param.device);
  if (oldDevice !== null && device !== oldDevice) {
    throw new TypeError('Found two parameters on different devices, this is currently not supported.');
  }
  return device;
}

/** Python's `torch.typename(o)` for the non-tensor values a caller might pass. */
function typename(o: unknown): string {
  if (o === null || o === undefined) return 'NoneType';
  if (Array.isArray(o)) return 'list';
  if (typeof o === 'number') return Number.isInteger(o) ? 'int' : 'float';
  if (typeof o === 'string') return 'str';
  if (typeof o === 'boolean') return 'bool';
  return typeof o === 'object' ? (o as object).constructor.name : typeof o;
}

/**
 * `torch.nn.utils.parameters_to_vector(parameters)`: the parameters flattened and
 * concatenated into one 1-D tensor (a new tensor; it carries autograd history).
 *
 * @example
 * const vec = nn.utils.parameters_to_vector(model.parameters());
 * vec.shape; // [total number of parameter elements]
 */
export function parameters_to_vector(parameters: Iterable<Tensor>): Tensor {
  let device: string | null = null;
  const vec: Tensor[] = [];
  for (const param of parameters) {
    device = checkParamDevice(param, device);
    vec.push(param.view(-1));
  }
  return cat(vec);
}

/**
 * `torch.nn.utils.vector_to_parameters(vec, parameters)`: slices `vec` in order into the
 * parameters' shapes and makes each slice the parameter's `.data` (it shares `vec`'s storage,
 * as in PyTorch).
 *
 * @example
 * nn.utils.vector_to_parameters(vec.mul(0.5), model.parameters());
 */
export function vector_to_parameters(vec: Tensor, parameters: Iterable<Tensor>): void {
  if (!(vec instanceof TensorClass)) throw new TypeError(`expected torch.Tensor, but got: ${typename(vec)}`);
  let device: string | null = null;
  let pointer = 0;
  for (const param of parameters) {
    device = checkParamDevice(param, device);
    const n = param.numel();
    param.data = vec.narrow(0, pointer, n).view(...param.shape).data;
    pointer += n;
  }
}
