import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conformanceDocument, measureAll, MATRIX_BACKENDS } from './conformance.js';

describe('docs/conformance-matrix.md', () => {
  it('is what `nncompat conformance` generates now (regenerate with npm run conformance -w @nncompat/cli)', async () => {
    const rows = await measureAll();
    const committed = readFileSync(new URL('../../../docs/conformance-matrix.md', import.meta.url), 'utf8');
    expect(conformanceDocument(rows)).toBe(committed);
    // Every backend lists every kernel; failing kernels are named in the summary, never dropped.
    for (const b of MATRIX_BACKENDS) expect(rows[b]!.length).toBe(rows['reference']!.length);
  }, 300_000);
});
