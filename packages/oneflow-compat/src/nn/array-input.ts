/**
 * What `load_state_dict` accepts besides tensors: OneFlow copies with `param.copy_(x)`, which
 * takes numpy arrays too. Here the numpy stand-ins are {@link NumpyArray}s (what `oneflow.load`
 * returns for pickled ndarrays), plain nested arrays and flat typed arrays.
 */
import { AttributeError, tensor, type DType, type Tensor, Tensor as CoreTensor, ValueError } from '@nncompat/core';
import { NumpyArray } from '../serialization/numpy.js';
import { pyTypeName } from '../python.js';

/** An array value with a shape, before conversion. */
export interface ArrayInput {
  readonly shape: readonly number[];
  /** numpy's `str(arr.shape)` (`(2, 3)`), or the tensor's `oneflow.Size([2, 3])`. */
  readonly shapeRepr: string;
  toTensor(dtype: DType): Tensor;
}

function nestedShape(x: unknown): number[] {
  const shape: number[] = [];
  let cur: unknown = x;
  while (Array.isArray(cur) || ArrayBuffer.isView(cur)) {
    const n = (cur as ArrayLike<unknown>).length;
    shape.push(n);
    if (n === 0 || !Array.isArray(cur)) break;
    cur = cur[0];
  }
  return shape;
}

/** The numbers of a nested array / typed array, in C order. */
function flatten(x: unknown): number[] {
  if (typeof x === 'number') return [x];
  if (typeof x === 'boolean') return [Number(x)];
  if (typeof x === 'bigint') return [Number(x)];
  if (Array.isArray(x)) return x.flatMap(flatten);
  if (ArrayBuffer.isView(x) && !(x instanceof DataView)) return Array.from(x as unknown as ArrayLike<number>, Number);
  throw new TypeError(`can't convert ${pyTypeName(x)} to a tensor element`);
}

function tupleRepr(shape: readonly number[]): string {
  return `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;
}

/**
 * The array view of a state-dict value, or an AttributeError as Python raises for
 * `value.shape` on a value without one.
 */
export function arrayInput(x: unknown): ArrayInput | CoreTensor {
  if (x instanceof CoreTensor) return x;
  if (x instanceof NumpyArray) {
    return { shape: x.shape, shapeRepr: tupleRepr(x.shape), toTensor: (d) => x.toTensor().to(d) };
  }
  if (Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView))) {
    const shape = nestedShape(x);
    return {
      shape,
      shapeRepr: tupleRepr(shape),
      toTensor: (d) => {
        const flat = flatten(x);
        if (flat.length !== shape.reduce((a, b) => a * b, 1)) throw new ValueError(`ragged nested sequence of shape ${tupleRepr(shape)}`);
        return tensor(flat, { dtype: d }).reshape(shape);
      },
    };
  }
  throw new AttributeError(`'${pyTypeName(x)}' object has no attribute 'shape'`);
}
