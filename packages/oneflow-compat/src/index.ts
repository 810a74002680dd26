/**
 * `@nncompat/oneflow-compat`: the OneFlow 1.0 surface. `import * as flow from
 * '@nncompat/oneflow-compat'` then `flow.nn.Module`, `flow.randn(…)`, `flow.save(…)`.
 *
 * @example
 * ```ts
 * import * as flow from '@nncompat/oneflow-compat';
 * const { nn } = flow;
 * class MyModule extends nn.Module {
 *   declare params: nn.ParameterDict;
 *   constructor() {
 *     super();
 *     this.params = new nn.ParameterDict({
 *       left: new nn.Parameter(flow.randn(5, 10)),
 *       right: new nn.Parameter(flow.randn(5, 10)),
 *     });
 *   }
 *   override forward(x: flow.Tensor, choice: string) { return this.params.__getitem__(choice).mm(x); }
 * }
 * String(new MyModule().params);
 * // ParameterDict(
 * //     (left): Parameter containing: [<class 'oneflow.nn.Parameter'> of size 5x10]
 * //     (right): Parameter containing: [<class 'oneflow.nn.Parameter'> of size 5x10]
 * // )
 * ```
 */
import '@nncompat/core';
import './serialization/pickling.js';

export { Tensor } from './tensor/tensor.js';
export * from './tensor/factories.js';
export { placement, sbp, SbpParallel, type SbpKind } from './tensor/placement.js';
export { flowTensorRepr } from './tensor/repr.js';
export { flowDType, flowDTypeName, type FlowDTypeInfo } from './dtype.js';
export {
  manual_seed, initial_seed, seed, no_grad, enable_grad, is_grad_enabled, set_grad_enabled, OrderedDict,
  float32, float64, float16, bfloat16, int8, uint8, int16, int32, int64, bool,
  getDefaultDtype as get_default_dtype, setDefaultDtype as set_default_dtype, type DType, type DTypeName,
} from '@nncompat/core';
export { float32 as float, float64 as double, float16 as half, int8 as char, int16 as short, int32 as int, int64 as long } from '@nncompat/core';
export * as nn from './nn/index.js';
export * as optim from './optim/index.js';
export { save, load, register_module_class, type SaveOptions, type LoadOptions, type MapLocation } from './serialization/index.js';
export * as serialization from './serialization/index.js';
export { env } from './env.js';
export { SURFACE } from './surface.js';
