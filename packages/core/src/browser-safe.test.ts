import { describe, expect, it } from 'vitest';
import { loadTimeNodeImports } from './testing/browser-safe.js';

// Bundling @nncompat/core for a browser must need no stubs: Node built-ins are reached at call
// time (utils/node.ts), never imported at module load.
describe('core library sources', () => {
  it('import no Node built-in at load time', () => {
    expect(loadTimeNodeImports(new URL('.', import.meta.url).pathname)).toEqual([]);
  });
});
