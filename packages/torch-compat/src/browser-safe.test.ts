import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('.', import.meta.url).pathname;
const TEST_ONLY = /(\.test\.ts|\.test-util\.ts|\.test-helpers\.ts|\.testutil\.ts|\/fixtures\.ts)$/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'testing' ? [] : sources(p);
    return p.endsWith('.ts') && !TEST_ONLY.test(p) ? [p] : [];
  });
}

// Bundling @nncompat/torch-compat for a browser must need no stubs: path-based torch.save,
// torch.load and torch.onnx.export reach node:fs at call time (utils/node-fs.ts), never at module
// load. Type-only imports are erased. testing/ holds the golden readers for tests only.
describe('torch-compat library sources', () => {
  it('import no Node built-in at load time', () => {
    const offenders = sources(SRC).filter((p) => /^import (?!type )[^;]*from ['"]node:/m.test(readFileSync(p, 'utf8')));
    expect(offenders.map((p) => p.slice(SRC.length))).toEqual([]);
  });
});
