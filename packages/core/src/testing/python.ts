/** Whether real PyTorch is here for round-trip tests (Debian's python3-torch at /usr/bin/python3). */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The interpreter the goldens are generated with. */
export const TORCH_PYTHON = '/usr/bin/python3';

let cached: boolean | undefined;

/** True when `TORCH_PYTHON` exists and can `import torch` (checked once per process). */
export function hasTorchPython(): boolean {
  if (cached !== undefined) return cached;
  cached = false;
  if (existsSync(TORCH_PYTHON)) {
    try {
      execFileSync(TORCH_PYTHON, ['-c', 'import torch'], { stdio: 'ignore', timeout: 60_000 });
      cached = true;
    } catch {
      // No torch there: callers skip and say so.
    }
  }
  return cached;
}
