/** Runs every benchmark and prints its figures (and ratios to PyTorch where it is installed). */
import { printCoreOps } from './core-ops.bench.js';

printCoreOps();
