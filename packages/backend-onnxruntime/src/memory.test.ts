import { expect, it } from 'vitest';
import { randn, type Tensor } from '@nncompat/core';
import './index.js';

const gc = (globalThis as { gc?: () => void }).gc;

// Results are adopted from onnxruntime's output buffers: they must be reclaimed like any typed
// array once unreachable (2,000 results of 1 MiB would be 2 GiB if they were not).
it.skipIf(!gc)('releases kernel results across thousands of ops', () => {
  const a = randn(512, 512).to('onnxruntime');
  const b = randn(512, 512).to('onnxruntime');
  let last: Tensor = a;
  for (let i = 0; i < 200; i++) last = a.add(b);
  gc!();
  const before = process.memoryUsage().rss;
  for (let i = 0; i < 2000; i++) {
    last = a.add(b);
    if (i % 250 === 0) gc!();
  }
  gc!();
  const grown = process.memoryUsage().rss - before;
  expect(last.shape).toEqual([512, 512]);
  expect(grown).toBeLessThan(256 * 1024 * 1024);
});
