/**
 * Bundles src/page/main.ts for the browser with esbuild. Workspace packages are aliased to their
 * TypeScript sources (as the vitest config does for tests), so no prior `npm run build` is needed.
 */
import { build, type Plugin } from 'esbuild';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');

/**
 * Core's file helpers (safetensors/zip `*File` functions) and tfjs's Node code paths import Node
 * built-ins. Browsers never reach those paths, so each built-in becomes a CommonJS stub whose
 * every member throws a clear error if it is ever called.
 */
const nodeBuiltinStub: Plugin = {
  name: 'node-builtin-stub',
  setup(b) {
    const builtins = /^(node:.*|fs|path|os|crypto|util|worker_threads|perf_hooks|url|module)$/;
    b.onResolve({ filter: builtins }, (a) => ({ path: a.path, namespace: 'node-stub' }));
    b.onLoad({ filter: /.*/, namespace: 'node-stub' }, (a) => ({
      loader: 'js',
      contents: `module.exports = new Proxy({}, { get: (_, k) => k === '__esModule' ? false : () => { throw new Error(${JSON.stringify(`'${a.path}' is not available in a browser`)} + ': ' + String(k)); } });`,
    }));
  },
};

/** Returns the page script as one ES2020 IIFE string. */
export async function bundlePage(): Promise<string> {
  const r = await build({
    entryPoints: [resolve(here, 'page/main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    logLevel: 'silent',
    alias: {
      '@nncompat/core': resolve(root, 'packages/core/src/index.ts'),
      '@nncompat/backend-tfjs': resolve(root, 'packages/backend-tfjs/src/index.ts'),
      '@nncompat/backend-gpujs': resolve(root, 'packages/backend-gpujs/src/index.ts'),
    },
    plugins: [nodeBuiltinStub],
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const file = r.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output for src/page/main.ts');
  return file.text;
}
