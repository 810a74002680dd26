/**
 * Runs Python onnx's `onnx.checker.check_model(full_check=True)` on model bytes, when
 * /usr/bin/python3 has the `onnx` module (Debian python3-onnx). CI has no Python: callers skip
 * with the printed reason.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PYTHON = '/usr/bin/python3';

/** Why the checker cannot run here, or null when it can. */
export function onnxCheckerUnavailable(): string | null {
  const r = spawnSync(PYTHON, ['-c', 'import onnx; print(onnx.__version__)'], { encoding: 'utf8' });
  if (r.error) return `${PYTHON} not found (${r.error.message})`;
  if (r.status !== 0) return `${PYTHON} has no 'onnx' module (apt-get install python3-onnx)`;
  return null;
}

const SCRIPT = `
import sys, onnx
bad = []
for path in sys.argv[1:]:
    try:
        onnx.checker.check_model(onnx.load(path), full_check=True)
    except Exception as e:
        bad.append(path + ': ' + str(e).splitlines()[0])
print('\\n'.join(bad))
`;

/** Checks every model; returns `name: error` lines for the rejected ones (empty when all pass). */
export function checkModels(models: ReadonlyMap<string, Uint8Array>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'nncompat-onnx-'));
  try {
    const names = new Map<string, string>();
    let i = 0;
    for (const [name, bytes] of models) {
      const p = join(dir, `m${i++}.onnx`);
      writeFileSync(p, bytes);
      names.set(p, name);
    }
    const r = spawnSync(PYTHON, ['-c', SCRIPT, ...names.keys()], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (r.status !== 0) throw new Error(`onnx checker failed to run: ${r.stderr}`);
    return r.stdout.split('\n').filter((l) => l.trim() !== '').map((l) => {
      const [p, ...rest] = l.split(': ');
      return `${names.get(p!) ?? p}: ${rest.join(': ')}`;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
