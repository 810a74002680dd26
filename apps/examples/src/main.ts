/**
 * The README's main example, on the default backend (NNCOMPAT_BACKEND picks another):
 * the seed's PyTorch ParameterDict module, then a small autograd training loop.
 */
import { getDefaultBackendName } from '@nncompat/core';
import { fitLinearRegression } from './linear-regression.js';
import { runSeedModule } from './seed-module.js';

console.log(`backend: ${getDefaultBackendName()}`);
const { repr, out } = runSeedModule();
console.log(repr);
console.log(String(out));

const r = fitLinearRegression();
for (const s of [0, 1, 10, 50, 199]) console.log(`step ${String(s).padStart(3)}  loss ${r.losses[s]!.toFixed(6)}`);
console.log(`learned w = ${r.w.toFixed(4)}, b = ${r.b.toFixed(4)} (true: 3, -2)`);
