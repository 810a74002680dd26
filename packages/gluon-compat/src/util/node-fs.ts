/**
 * `node:fs` reached at call time through `process.getBuiltinModule` (Node ≥ 20.16), as core does
 * (core's own helper, utils/node.ts, is not exported), so bundling gluon-compat for a browser
 * needs no stubs: only path-based mx.nd.save / mx.nd.load need Node.
 */
import type * as Fs from 'node:fs';

/** `node:fs`, or an Error saying that file paths need Node (pass bytes in a browser). */
export function nodeFs(): typeof Fs {
  const p = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const fs = p?.getBuiltinModule?.('node:fs') as typeof Fs | undefined;
  if (!fs) {
    throw new Error('node:fs is not available here: file paths need Node.js >= 20.16; in a browser pass the file\'s bytes (Uint8Array) instead');
  }
  return fs;
}
