import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'nn/index': 'src/nn/index.ts', 'nn/functional/index': 'src/functional/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  external: ['@nncompat/core'],
});
