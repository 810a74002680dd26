/**
 * `mx.gluon.Constant(name, value)`: a parameter with `grad_req='null'` whose initializer copies
 * `value` (registered under `Constant_<name>_<id>`, as MXNet registers it).
 */
import { Initializer } from '../initializer/initializer.js';
import { alias } from '../initializer/registry.js';
import { array, type NestedNumbers } from '../ndarray/creation.js';
import { NDArray } from '../ndarray/ndarray.js';
import type { HostArray } from '@nncompat/core';
import { pyTuple } from '../util/pyfmt.js';
import { formatDtype } from '../ndarray/dtype.js';
import { warn } from '../util/warnings.js';
import { Parameter, type GradReq } from './parameter.js';

let nextId = 1;

/**
 * A constant parameter: ignored by autograd and trainers, still settable with `set_data`.
 *
 * @example
 * ```ts
 * const c = new mx.gluon.Constant('const', [[1, 2], [3, 4]]);
 * c.initialize();
 * c.data().asnumpy(); // Float32Array [1, 2, 3, 4]
 * ```
 */
export class Constant extends Parameter {
  /** Python module shown in `<class '…'>` texts. */
  static override __module__ = 'mxnet.gluon.parameter';
  /** The constant's value. */
  value!: NDArray;

  constructor(name: string, value: NDArray | HostArray | NestedNumbers) {
    const v = value instanceof NDArray ? value : array(value);
    class Init extends Initializer {
      override _init_weight(_: unknown, arr: NDArray): void {
        v.copyto(arr);
      }
    }
    // MXNet names the alias with id(self); a counter gives the same uniqueness.
    const init_name = `Constant_${name}_${nextId++}`;
    alias(init_name)(Init);
    super(name, { grad_req: 'null', shape: v.shape, dtype: v.dtype, init: init_name });
    this.value = v;
  }

  /** `Constant {name} (shape={shape}, dtype={dtype})`. */
  override toString(): string {
    return `Constant ${this.name} (shape=${pyTuple(this.shape)}, dtype=${formatDtype(this.dtype)})`;
  }

  /** Always `'null'`; setting anything else warns and is ignored. */
  override get grad_req(): GradReq {
    return 'null';
  }
  override set grad_req(req: GradReq) {
    if (req !== 'null') {
      warn(`Constant parameter "${this.name}" does not support grad_req other than "null", and new value "${req}" is ignored.`);
    }
  }
}
