/** Test-only loader for the PyTorch goldens in packages/core/fixtures/rng (written by tooling/goldens/gen_rng.py). */
import { readFileSync } from 'node:fs';

/** Parses one fixture file. */
export function loadFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../fixtures/rng/${name}`, import.meta.url), 'utf8')) as T;
}

/** Decodes a base64 RNG state. */
export function b64(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, 'base64'));
}
