/** Rounds a float64 result to what an operation computed in `dtype` stores (MXNet computes in the array's dtype). */
import { bfloat16ToFloat, floatToBfloat16, floatToHalf, halfToFloat, type DTypeName } from '@nncompat/core';

export function roundToDtype(x: number, dtype: DTypeName): number {
  switch (dtype) {
    case 'float64': return x;
    case 'float32': return Math.fround(x);
    case 'float16': return halfToFloat(floatToHalf(x));
    case 'bfloat16': return bfloat16ToFloat(floatToBfloat16(x));
    case 'bool': return x !== 0 ? 1 : 0;
    default: return Math.trunc(x);
  }
}
