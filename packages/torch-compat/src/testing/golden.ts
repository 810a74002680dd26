/** Test helpers: fixture loading and Python-style error capture. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures');

/** Reads `fixtures/<name>` as JSON. */
export function loadFixture<T>(name: string): T {
  return JSON.parse(readFileSync(resolve(FIXTURES, name), 'utf8')) as T;
}

/** An error as the goldens record it: Python class name and `str(e)`. */
export interface PyErr {
  type: string;
  msg: string;
}

/** Runs `fn` and returns its error's name and message; fails when nothing is thrown. */
export function err(fn: () => unknown): PyErr {
  try {
    fn();
  } catch (e) {
    const x = e as Error;
    return { type: x.name, msg: x.message };
  }
  throw new Error('expected an error');
}
