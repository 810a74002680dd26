/**
 * PyTorch's tensor printing (`torch/_tensor_str.py`), installed as `Tensor.prototype.toString`
 * and Node's inspect hook, so `String(t)` and `console.log(t)` print what PyTorch prints.
 */
import { Tensor } from '../tensor/tensor.js';
import { Parameter } from '../nn/parameter.js';
import { tensorRepr } from './tensor-str.js';

export { set_printoptions, get_printoptions, PRINT_OPTS, type PrintOptions, type SetPrintOptions } from './options.js';
export { tensorRepr, tensorValuesStr } from './tensor-str.js';
export { formatFixed, formatExp } from './pyformat.js';

const inspect = Symbol.for('nodejs.util.inspect.custom');

Object.defineProperty(Tensor.prototype, 'toString', {
  configurable: true,
  writable: true,
  value(this: Tensor): string {
    return tensorRepr(this);
  },
});
Object.defineProperty(Tensor.prototype, inspect, {
  configurable: true,
  writable: true,
  value(this: Tensor): string {
    return this.toString();
  },
});
Object.defineProperty(Parameter.prototype, 'toString', {
  configurable: true,
  writable: true,
  value(this: Parameter): string {
    return `Parameter containing:\n${tensorRepr(this)}`;
  },
});
