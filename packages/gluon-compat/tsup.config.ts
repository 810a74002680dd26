import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'ndarray-format/index': 'src/ndarray-format/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // Class names are Python-visible (reprs, default prefixes such as 'dense0_'): keep them through bundling.
  keepNames: true,
  external: ['@nncompat/core'],
});
