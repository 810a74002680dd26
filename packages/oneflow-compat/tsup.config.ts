import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  external: ['@nncompat/core', '@nncompat/torch-compat', '@nncompat/torch-compat/nn/functional'],
});
