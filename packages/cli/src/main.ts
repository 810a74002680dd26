/** The `nncompat` command: argument parsing and output. */
import { writeFileSync } from 'node:fs';
import { conformanceDocument, measureAll } from './conformance.js';
import { convertCheckpoint, inspectCheckpoint } from './checkpoints.js';

const USAGE = `usage: nncompat <command>
  inspect <checkpoint>              list tensors (name, dtype, shape) of a .pt/.safetensors/.params file
  convert <from> <to>               convert between .pt and .safetensors (or from .params)
  conformance [--write <file.md>]   measure every kernel on every backend against the reference backend`;

/** Runs the command line `argv` (without node and script); returns the exit code. */
export async function main(argv: readonly string[], out: (s: string) => void = console.log): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === 'inspect' && rest.length === 1) {
    for (const e of inspectCheckpoint(rest[0]!)) out(`${e.name}\t${e.dtype}\t[${e.shape.join(', ')}]`);
    return 0;
  }
  if (cmd === 'convert' && rest.length === 2) {
    out(`wrote ${convertCheckpoint(rest[0]!, rest[1]!)} tensors to ${rest[1]}`);
    return 0;
  }
  if (cmd === 'conformance') {
    const doc = conformanceDocument(await measureAll());
    const i = rest.indexOf('--write');
    if (i >= 0 && rest[i + 1]) {
      writeFileSync(rest[i + 1]!, doc);
      out(`wrote ${rest[i + 1]}`);
    } else out(doc);
    return 0;
  }
  out(USAGE);
  return cmd === undefined || cmd === '--help' || cmd === 'help' ? 0 : 2;
}
