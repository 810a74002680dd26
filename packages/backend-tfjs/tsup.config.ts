import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // tfjs stays an external dependency: its wasm binaries are located relative to its package.
  external: [/^@tensorflow\//, /^@nncompat\//],
});
