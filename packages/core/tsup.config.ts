import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' },
  format: ['esm', 'cjs'],
  // One shared chunk for index and testing in both formats, so both entry points see one Tensor class.
  splitting: true,
  // import.meta.url (fixture paths in testing) needs a shim in the CommonJS build.
  shims: true,
  // Declarations come from `tsc -p tsconfig.build.json` (see package.json): bundling them drops
  // the module augmentations that add op methods to Tensor.
  dts: false,
  sourcemap: true,
  clean: true,
  target: 'es2022',
});
