/**
 * The check behind each package's browser-safe test: library sources that import a Node
 * built-in at module load (a bundle for browsers would then need stubs). Type-only imports are
 * erased and allowed; test files, fixtures and `testing/` folders are skipped.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const TEST_ONLY = /(\.test\.ts|\.test-util\.ts|\.testutil\.ts|test-helpers\.ts|\/fixtures\.ts)$/;
const LOAD_TIME_NODE_IMPORT = /^import (?!type )[^;]*from ['"]node:/m;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'testing' ? [] : sources(p);
    return p.endsWith('.ts') && !TEST_ONLY.test(p) ? [p] : [];
  });
}

/**
 * Library sources under `srcDir` (paths relative to it) with a load-time `node:` import.
 *
 * @example
 * expect(loadTimeNodeImports(new URL('.', import.meta.url).pathname)).toEqual([]);
 */
export function loadTimeNodeImports(srcDir: string): string[] {
  const root = srcDir.endsWith('/') ? srcDir : `${srcDir}/`;
  return sources(root).filter((p) => LOAD_TIME_NODE_IMPORT.test(readFileSync(p, 'utf8'))).map((p) => p.slice(root.length));
}
