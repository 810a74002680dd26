/**
 * Shared test helpers (`@nncompat/core/testing`): fixture loading, tensors from fixture JSON
 * (including non-contiguous views), `assertClose`, and a float64 finite-difference `gradcheck`.
 *
 * @example
 * import { loadOpCases, fromJsonView, assertClose, gradcheck } from '@nncompat/core/testing';
 */
export * from './fixtures.js';
export * from './tensors.js';
export * from './assert.js';
export * from './gradcheck.js';
export * from './kernel-probes.js';
export * from './conformance-matrix.js';
export * from './golden-suite.js';
export * from './agree.js';
export * from './python.js';
export * from './browser-safe.js';
export * from './mlp.js';
export * from './timing.js';
export * from './prng.js';
export * from './device-moves.js';
