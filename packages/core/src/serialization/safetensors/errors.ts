import { PythonError } from '../../errors.js';

/**
 * The reference reader's failure kinds: the `SafeTensorError` variants of the Rust `safetensors`
 * crate (safetensors/src/tensor.rs), plus the few this library adds:
 * `InvalidHeaderStart` (the crate's former check that the header's first non-blank byte is `{`),
 * `UnsupportedDtype` (a crate dtype nncompat has no tensor type for), `Int64OutOfRange`
 * (an int64 value beyond ±(2^53 − 1), which a JS number cannot hold exactly), `InvalidInput`
 * (bad arguments to a writer) and `IoError`.
 */
export type SafetensorErrorKind =
  | 'HeaderTooSmall'
  | 'HeaderTooLarge'
  | 'InvalidHeaderLength'
  | 'InvalidHeader'
  | 'InvalidHeaderStart'
  | 'InvalidHeaderDeserialization'
  | 'InvalidOffset'
  | 'TensorInvalidInfo'
  | 'TensorNotFound'
  | 'MetadataIncompleteBuffer'
  | 'ValidationOverflow'
  | 'MisalignedSlice'
  | 'UnsupportedDtype'
  | 'Int64OutOfRange'
  | 'InvalidInput'
  | 'IoError';

/**
 * The error every safetensors function throws, as Python's `safetensors.SafetensorError`.
 * `kind` names the crate's error variant and `tensor` the tensor involved, where there is one.
 *
 * @example
 * ```ts
 * try { load(bytes); } catch (e) {
 *   if (e instanceof SafetensorError && e.kind === 'MetadataIncompleteBuffer') console.log('truncated file');
 * }
 * ```
 */
export class SafetensorError extends PythonError {
  constructor(
    readonly kind: SafetensorErrorKind,
    message: string,
    readonly tensor: string | null = null,
  ) {
    super(message);
  }
}
