/** Runs every benchmark and prints its figures (and ratios to PyTorch where it is installed). */
import { printCheckpointLoad } from './checkpoint-load.bench.js';
import { printCoreOps } from './core-ops.bench.js';

printCoreOps();
printCheckpointLoad();
