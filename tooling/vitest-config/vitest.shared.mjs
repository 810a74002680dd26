// One vitest config for every package: tests sit next to the code as *.test.ts and import
// workspace packages from their TypeScript sources, so a test run needs no prior build.
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const pkgs = ['core', 'torch-compat', 'oneflow-compat', 'gluon-compat', 'backend-tfjs', 'backend-onnxruntime', 'backend-gpujs', 'cli'];

/** Builds the shared config; `overrides.test` is merged into the shared test options. */
export function sharedConfig(overrides = {}) {
  const alias = [];
  for (const p of pkgs) {
    alias.push({ find: new RegExp(`^@nncompat/${p}/testing$`), replacement: resolve(root, `packages/${p}/src/testing/index.ts`) });
    alias.push({ find: new RegExp(`^@nncompat/${p}$`), replacement: resolve(root, `packages/${p}/src/index.ts`) });
  }
  return {
    resolve: { alias },
    test: {
      include: ['src/**/*.test.ts'],
      // Generous: CI machines have 2 cores and some suites (5,000-step memory runs, Python round trips) are long.
      testTimeout: 180_000,
      pool: 'forks',
      // --expose-gc lets memory tests force collection and watch FinalizationRegistry release.
      poolOptions: { forks: { execArgv: ['--expose-gc'] } },
      ...(overrides.test ?? {}),
    },
  };
}
