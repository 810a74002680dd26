/**
 * Sum, Prod, Max and Min over sorted `axes` (float32). One output cell per kept position; the
 * reduced axes are walked by nested constant-bound loops (row-major, as the reference does).
 * Sum is compensated (Kahan), so float32 accumulation stays close to the reference's float64.
 */
import { float32, kernels as K, numelOf, reducedShape, type HostArray, type TensorInfo } from '@nncompat/core';
import { kernelSource, offsetExpr, splitIndex } from '../codegen.js';
import { outputReason, type GpuKernelDef } from '../kernel.js';
import { windowOf } from '../view.js';

/** Per-element update of the accumulator `s` (and Kahan's `c`) with the element `v`. */
const STEP: Readonly<Record<string, { init: string; step: string }>> = {
  // The compensation is only updated while the sum is finite (inf - inf would poison it).
  [K.Sum]: { init: 'let s = 0.0;\nlet c = 0.0;\n', step: 'const u = v - c;\nconst t = s + u;\nif (t - t === 0.0) { c = (t - s) - u; }\ns = t;\n' },
  [K.Prod]: { init: 'let s = 1.0;\n', step: 's = s * v;\n' },
  [K.Max]: { init: 'let s = x[BASE];\n', step: 'if (v !== v) { s = v; }\nif (v > s) { s = v; }\n' },
  [K.Min]: { init: 'let s = x[BASE];\n', step: 'if (v !== v) { s = v; }\nif (v < s) { s = v; }\n' },
};

/**
 * Source reducing `x` over `axes`: `init` declares the accumulator `s`, `step` folds element
 * `v` into it (both may use BASE, the first element's offset); the kernel returns `finish`.
 */
export function reduceSource(x: TensorInfo, axes: readonly number[], init: string, step: string, finish = 's'): string {
  const kept = x.shape.map((_, i) => i).filter((i) => !axes.includes(i));
  const split = splitIndex('i', kept.map((a) => x.shape[a]!), 'c');
  const base = offsetExpr(split.coords, kept.map((a) => x.strides[a]!));
  let code = `const i = this.thread.x;\n${split.code}const b = ${base};\n${init.replaceAll('BASE', 'b')}`;
  const loops = axes.filter((a) => x.shape[a] !== 1);
  const inner = offsetExpr(loops.map((_, j) => `r${j}`), loops.map((a) => x.strides[a]!), 'b');
  for (let j = 0; j < loops.length; j++) code += `for (let r${j} = 0; r${j} < ${x.shape[loops[j]!]}; r${j}++) {\n`;
  code += `const v = x[${inner}];\n${step}`;
  code += '}\n'.repeat(loops.length);
  return kernelSource(['x'], `${code}return ${finish};`);
}

const def = (name: string): GpuKernelDef => ({
  name,
  run: (k) => {
    const x = k.info('x');
    const axes = k.attrs['axes'] as number[];
    const outShape = reducedShape(x.shape, axes, k.attrs['keepdim'] as boolean);
    const n = numelOf(outShape);
    const why = outputReason(n);
    if (why) return why;
    const { init, step } = STEP[name]!;
    const out = k.backend.kernels.run(reduceSource(x, axes, init, step), n, [windowOf(x as TensorInfo<HostArray>)]);
    return { storage: out, dtype: float32, shape: outShape };
  },
});

/** Reductions run natively on gpujs. */
export const REDUCE_DEFS: readonly GpuKernelDef[] = [K.Sum, K.Prod, K.Max, K.Min].map(def);
