import { describe, expect, it } from 'vitest';
import { loadTimeNodeImports } from '@nncompat/core/testing';

// Bundling @nncompat/oneflow-compat for a browser must need no stubs: path-based oneflow.save
// and oneflow.load reach node:fs / node:path at call time (core's nodeFs / nodePath), never at
// module load.
describe('oneflow-compat library sources', () => {
  it('import no Node built-in at load time', () => {
    expect(loadTimeNodeImports(new URL('.', import.meta.url).pathname)).toEqual([]);
  });
});
