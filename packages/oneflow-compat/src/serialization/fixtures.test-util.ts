/** Paths of the committed fixtures and their expected contents (tooling/goldens/gen_oneflow_fixtures.py). */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Tensor, DTYPES, type DTypeName } from '@nncompat/core';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures');

export function fixture(name: string): string {
  return join(FIXTURES, name);
}

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fixture(name)));
}

export interface ExpectedTensor {
  dtype: DTypeName;
  shape: number[];
  values: number[];
}

export const EXPECTED = JSON.parse(readFileSync(fixture('expected.json'), 'utf8')) as Record<string, Record<string, ExpectedTensor>> & {
  meta: Record<string, { shape: number[]; dtype: DTypeName; text: string }>;
  order: { nested: string[] };
};

/** The values of `t` as the generator wrote them (float16 as bits, bool as 0/1). */
export function describeTensor(t: Tensor): ExpectedTensor {
  const host = t.contiguous().dataSync();
  return { dtype: t.dtype.name, shape: [...t.shape], values: Array.from(host as ArrayLike<number>) };
}

export { DTYPES };
