/** The README's main example: runs on the default backend (NNCOMPAT_BACKEND to change it). */
import { fitLinearRegression } from './linear-regression.js';

const r = fitLinearRegression();
console.log(`backend: ${r.backend}`);
for (const s of [0, 1, 10, 50, 199]) console.log(`step ${String(s).padStart(3)}  loss ${r.losses[s]!.toFixed(6)}`);
console.log(`learned w = ${r.w.toFixed(4)}, b = ${r.b.toFixed(4)} (true: 3, -2)`);
