import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // gpu.js stays external: it loads its optional native `gl` at run time (absent is fine).
  external: ['gpu.js', /^@nncompat\//],
});
