import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  external: ['@nncompat/core', '@nncompat/torch-compat', '@nncompat/torch-compat/nn', '@nncompat/torch-compat/nn/functional'],
  // Class names are Python type names here (repr, pickles, the module registry): keep them.
  esbuildOptions(options) {
    options.keepNames = true;
  },
});
