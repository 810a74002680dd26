/**
 * `oneflow.nn.Parameter`: core's Parameter (so every module machinery treats it as one) with
 * the oneflow Tensor surface mixed in. OneFlow prints a Parameter exactly as a Tensor
 * (`tensor(..., dtype=oneflow.float32, requires_grad=True)`); its class is `oneflow.nn.Parameter`.
 */
import { Parameter as CoreParameter, Tensor as CoreTensor } from '@nncompat/core';
import { globalInfo, setGlobal } from '../tensor/global.js';
import { installFlowMethods, Tensor } from '../tensor/tensor.js';

/**
 * A module parameter (`oneflow.nn.Parameter(data, requires_grad=True)`).
 *
 * @example
 * ```ts
 * const w = new flow.nn.Parameter(flow.randn(5, 10));
 * w.requires_grad; // true
 * ```
 */
export class Parameter extends CoreParameter {
  /** Python class name used in reprs and error texts. */
  static override readonly pythonTypeName: string = 'oneflow.nn.Parameter';
  /** Python module of the class (`type(p).__module__`). */
  static readonly __module__ = 'oneflow.nn';

  constructor(data: CoreTensor, requires_grad = true) {
    if (!(data instanceof CoreTensor)) {
      throw new TypeError(`Parameter(): argument 'data' must be oneflow.Tensor, not ${data === null || data === undefined ? 'NoneType' : typeof data}`);
    }
    super(data, requires_grad);
    const g = globalInfo(data);
    if (g) setGlobal(this, g);
  }
}

// The oneflow Tensor members (global-tensor API, printing), then result-converting wrappers
// of every core Tensor method, as on oneflow.Tensor.
for (const key of Object.getOwnPropertyNames(Tensor.prototype)) {
  if (key === 'constructor') continue;
  Object.defineProperty(Parameter.prototype, key, Object.getOwnPropertyDescriptor(Tensor.prototype, key)!);
}
const INSPECT = Symbol.for('nodejs.util.inspect.custom');
Object.defineProperty(Parameter.prototype, INSPECT, Object.getOwnPropertyDescriptor(Tensor.prototype, INSPECT)!);
installFlowMethods(Parameter.prototype);

/** The oneflow Tensor members a Parameter has. */
export interface Parameter {
  readonly is_global: boolean;
  readonly is_local: boolean;
  readonly placement: Tensor['placement'];
  readonly sbp: Tensor['sbp'];
  to_global: Tensor['to_global'];
  to_local: Tensor['to_local'];
  to_consistent: Tensor['to_consistent'];
}
