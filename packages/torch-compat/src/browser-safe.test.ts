import { describe, expect, it } from 'vitest';
import { loadTimeNodeImports } from '@nncompat/core/testing';

// Bundling @nncompat/torch-compat for a browser must need no stubs: path-based torch.save,
// torch.load and torch.onnx.export reach node:fs at call time (core's nodeFs), never at load.
describe('torch-compat library sources', () => {
  it('import no Node built-in at load time', () => {
    expect(loadTimeNodeImports(new URL('.', import.meta.url).pathname)).toEqual([]);
  });
});
