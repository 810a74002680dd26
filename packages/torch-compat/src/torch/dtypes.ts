/**
 * Type-promotion queries: `torch.result_type`, `torch.promote_types`, `torch.can_cast`, on core's
 * promotion table (the one every op uses).
 */
import { bool, type DType, type DTypeName, float64, int64, resultType, promoteTypes, Tensor, toDType } from '@nncompat/core';

type Operand = Tensor | number | boolean;

function operand(v: Operand): { dtype: DType; kind: 'tensor' | 'zerodim' | 'scalar' } {
  if (v instanceof Tensor) return { dtype: v.dtype, kind: v.dim() === 0 ? 'zerodim' : 'tensor' };
  // A JavaScript number is an int when integral: `2.0` cannot be told from `2` here (use 2.5 or a tensor).
  return { dtype: typeof v === 'boolean' ? bool : Number.isInteger(v) ? int64 : float64, kind: 'scalar' };
}

/**
 * `torch.result_type(tensor1, tensor2)`: the dtype an arithmetic op on the two operands gives
 * (dimensioned tensors over 0-dim tensors over numbers, unless a lower-priority operand is of a
 * higher category: bool < integer < floating).
 *
 * @example
 * torch.result_type(torch.tensor([1, 2], { dtype: torch.int32 }), 2.5); // torch.float32
 */
export function result_type(tensor1: Operand, tensor2: Operand): DType {
  return resultType([operand(tensor1), operand(tensor2)]);
}

/**
 * `torch.promote_types(type1, type2)`: the smallest dtype both can be cast to without losing category.
 *
 * @example
 * torch.promote_types(torch.int32, torch.float32); // torch.float32
 */
export function promote_types(type1: DType | DTypeName, type2: DType | DTypeName): DType {
  return promoteTypes(toDType(type1), toDType(type2));
}

/**
 * `torch.can_cast(from_, to)`: whether PyTorch's casting rules allow an in-place op to write
 * `from_` into `to` (no complex → real, floating → integer, or non-bool → bool).
 *
 * @example
 * torch.can_cast(torch.float64, torch.float32); // true
 * torch.can_cast(torch.float32, torch.int32);   // false
 */
export function can_cast(from_: DType | DTypeName, to: DType | DTypeName): boolean {
  const f = toDType(from_);
  const t = toDType(to);
  if (f.is_complex && !t.is_complex) return false;
  if (f.is_floating_point && !t.is_floating_point && !t.is_complex) return false;
  if (f !== bool && t === bool) return false;
  return true;
}
