import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // src/ort/binding.ts needs import.meta.url in ESM and require in CJS.
  shims: true,
  // The native addon is loaded at runtime from node_modules, never bundled.
  external: ['onnxruntime-node', '@nncompat/core'],
});
