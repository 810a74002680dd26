import { describe, expect, it } from 'vitest';
import { loadTimeNodeImports } from '@nncompat/core/testing';

// Bundling @nncompat/gluon-compat for a browser must need no stubs: path-based mx.nd.save and
// mx.nd.load (which Block and ParameterDict save/load use) reach node:fs at call time (core's
// nodeFs), never at module load.
describe('gluon-compat library sources', () => {
  it('import no Node built-in at load time', () => {
    expect(loadTimeNodeImports(new URL('.', import.meta.url).pathname)).toEqual([]);
  });
});
