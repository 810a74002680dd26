/**
 * `@nncompat/cli`: the `nncompat` command's functions, usable from code.
 *
 * @example
 * import { inspectCheckpoint } from '@nncompat/cli';
 * console.log(inspectCheckpoint('model.pt'));
 */
export { measureAll, conformanceDocument, MATRIX_BACKENDS } from './conformance.js';
export { inspectCheckpoint, convertCheckpoint, type CheckpointEntry } from './checkpoints.js';
export { main } from './main.js';
