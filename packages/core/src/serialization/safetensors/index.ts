/**
 * safetensors for nncompat, named as Python's `safetensors` / `safetensors.torch`.
 *
 * - Tensor layer: `load`, `save` (browser-safe), `load_file`, `save_file`, `safe_open` (node:fs).
 * - Records layer (`{ dtype, shape, data }`, no Tensor): `serializeRecords`, `deserializeRecords`,
 *   `readHeader` (browser-safe), `openRecords`, `readRecordsFile`, `writeRecordsFile` (node:fs).
 * Every failure is a `SafetensorError` whose `kind` names the reference crate's error variant.
 */
export { SafetensorError, type SafetensorErrorKind } from './errors.js';
export { SAFETENSORS_DTYPES, type SafetensorsDtype } from './dtypes.js';
export { MAX_HEADER_SIZE, readHeader, type SafetensorsHeader, type TensorInfo } from './header.js';
export type { TensorRecord } from './codec.js';
export { deserializeRecords, serializeRecords, type DeserializedRecords, type SafetensorsMetadata } from './bytes.js';
export { openRecords, readRecordsFile, SafeOpenRecords, writeRecordsFile } from './file-io.js';
export { load, save, type TensorDict } from './torch.js';
export { load_file, safe_open, save_file, SafeOpen, type SafeOpenFramework } from './torch-file.js';
