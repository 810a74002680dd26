import { fileURLToPath } from 'node:url';
import { sharedConfig } from '../../tooling/vitest-config/vitest.shared.mjs';

const config = sharedConfig();
// The shared aliases map package roots to sources; the examples also import the
// `nn/functional` subpath export, which must resolve to sources too (no build before tests).
config.resolve.alias.unshift({
  find: /^@nncompat\/torch-compat\/nn\/functional$/,
  replacement: fileURLToPath(new URL('../../packages/torch-compat/src/functional/index.ts', import.meta.url)),
});
export default config;
