/** Runs every benchmark and prints its figures (and ratios to PyTorch where it is installed). */
import { printBackends } from './backends.bench.js';
import { printCheckpointLoad } from './checkpoint-load.bench.js';
import { printCoreOps } from './core-ops.bench.js';
import { printModuleOverhead } from './module-overhead.bench.js';
import { printOnnxInference } from './onnx-inference.bench.js';
import { printOnnxTraining } from './onnx-training.bench.js';
import { printTraining } from './training.bench.js';

printCoreOps();
printCheckpointLoad();
printTraining();
printModuleOverhead();
await printBackends();
printOnnxInference();
printOnnxTraining();
