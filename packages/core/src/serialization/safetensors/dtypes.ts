/**
 * The safetensors dtype codes, in the order of the crate's `Dtype` enum (safetensors/src/tensor.rs).
 * That order matters twice: the writer sorts tensors by it (descending), and the reader must know
 * every code's bit width to validate a header exactly as the crate does, even for codes nncompat
 * cannot turn into tensors.
 */
import type { DTypeName } from '../../dtype.js';

/** Every dtype code the reference crate accepts, in its enum order (ascending). */
export const SAFETENSORS_DTYPES = [
  'BOOL', 'F4', 'F6_E2M3', 'F6_E3M2', 'U8', 'I8', 'F8_E5M2', 'F8_E4M3', 'F8_E8M0', 'F8_E4M3FNUZ',
  'F8_E5M2FNUZ', 'I16', 'U16', 'F16', 'BF16', 'I32', 'U32', 'F32', 'C64', 'F64', 'I64', 'U64',
] as const;

/** A safetensors dtype code such as `F32` or `BF16`. */
export type SafetensorsDtype = (typeof SAFETENSORS_DTYPES)[number];

const BITS: Readonly<Record<SafetensorsDtype, number>> = {
  BOOL: 8, F4: 4, F6_E2M3: 6, F6_E3M2: 6, U8: 8, I8: 8, F8_E5M2: 8, F8_E4M3: 8, F8_E8M0: 8,
  F8_E4M3FNUZ: 8, F8_E5M2FNUZ: 8, I16: 16, U16: 16, F16: 16, BF16: 16, I32: 32, U32: 32, F32: 32,
  C64: 64, F64: 64, I64: 64, U64: 64,
};

const RANK = new Map<string, number>(SAFETENSORS_DTYPES.map((d, i) => [d, i]));

/** True when `s` is a dtype code the crate knows. */
export function isSafetensorsDtype(s: string): s is SafetensorsDtype {
  return RANK.has(s);
}

/** Bits per element (`Dtype::bitsize`). */
export function dtypeBits(d: SafetensorsDtype): number {
  return BITS[d];
}

/** Position in the crate's enum, which is what `Ord` on `Dtype` compares. */
export function dtypeRank(d: SafetensorsDtype): number {
  return RANK.get(d)!;
}

const TO_NNCOMPAT: Partial<Record<SafetensorsDtype, DTypeName>> = {
  F64: 'float64', F32: 'float32', F16: 'float16', BF16: 'bfloat16', I64: 'int64',
  I32: 'int32', I16: 'int16', I8: 'int8', U8: 'uint8', BOOL: 'bool',
};

const FROM_NNCOMPAT: Readonly<Record<DTypeName, SafetensorsDtype>> = {
  float64: 'F64', float32: 'F32', float16: 'F16', bfloat16: 'BF16', int64: 'I64',
  int32: 'I32', int16: 'I16', int8: 'I8', uint8: 'U8', bool: 'BOOL',
};

/** The nncompat dtype of a code, or `null` for codes with no nncompat dtype (F8_*, U16, C64, …). */
export function toDTypeName(d: SafetensorsDtype): DTypeName | null {
  return TO_NNCOMPAT[d] ?? null;
}

/** The safetensors code of an nncompat dtype, or `null` when `name` is not one. */
export function fromDTypeName(name: string): SafetensorsDtype | null {
  return Object.prototype.hasOwnProperty.call(FROM_NNCOMPAT, name) ? FROM_NNCOMPAT[name as DTypeName] : null;
}
