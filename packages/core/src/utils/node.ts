/**
 * Node built-ins reached at call time through `process.getBuiltinModule` (Node ≥ 20.16), not
 * through static imports, so bundling @nncompat/core for a browser needs no stubs: only the
 * file-based functions (load_file, save_file, safe_open, readZipFile) need Node, and they say so.
 */
import type * as Fs from 'node:fs';
import type * as Path from 'node:path';
import { RuntimeError } from '../errors.js';

function builtin<T>(id: string): T {
  const p = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const m = p?.getBuiltinModule?.(id) as T | undefined;
  if (!m) {
    throw new RuntimeError(`${id} is not available here: file paths need Node.js >= 20.16; in a browser pass the file's bytes (Uint8Array) instead`);
  }
  return m;
}

/**
 * `node:fs`, reached at call time, or a RuntimeError saying that file paths need Node (in a
 * browser, pass bytes instead). For packages that must bundle for browsers.
 *
 * @example
 * const bytes = nodeFs().readFileSync('model.pt');
 */
export function nodeFs(): typeof Fs {
  return builtin<typeof Fs>('node:fs');
}

/**
 * `node:path`, reached at call time (see {@link nodeFs}).
 *
 * @example
 * const file = nodePath().join(dir, 'data.pkl');
 */
export function nodePath(): typeof Path {
  return builtin<typeof Path>('node:path');
}
