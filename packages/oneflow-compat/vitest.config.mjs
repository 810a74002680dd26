import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { sharedConfig } from '../../tooling/vitest-config/vitest.shared.mjs';

// torch-compat's `./nn/functional` and `./nn` subpath exports, resolved to its sources like the package roots.
const here = dirname(fileURLToPath(import.meta.url));
const config = sharedConfig();
config.resolve.alias.unshift({
  find: /^@nncompat\/torch-compat\/nn\/functional$/,
  replacement: resolve(here, '../torch-compat/src/functional/index.ts'),
}, {
  find: /^@nncompat\/torch-compat\/nn$/,
  replacement: resolve(here, '../torch-compat/src/nn/index.ts'),
});
export default config;
