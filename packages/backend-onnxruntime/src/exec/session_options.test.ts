import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OnnxGraphBuilder } from '../onnx/graph_builder.js';
import { OnnxDataType } from '../onnx/proto.js';
import { OrtSession, type OrtSessionOptions } from '../ort/binding.js';
import { withProductLayout } from './session_options.js';

/** y = Transpose(a) · b as two nodes: the pattern GemmTransposeFusion folds into transA. */
function transposeThenGemm(): Uint8Array {
  const g = new OnnxGraphBuilder();
  g.addInput('a', OnnxDataType.FLOAT, [8, 4]);
  g.addInput('b', OnnxDataType.FLOAT, [8, 3]);
  g.addNode('Transpose', ['a'], ['at'], { perm: { ints: [1, 0] } }, 'the_transpose');
  g.addNode('Gemm', ['at', 'b'], ['y'], {}, 'the_gemm');
  g.addOutput('y', OnnxDataType.FLOAT, [4, 3]);
  return g.toBytes();
}

/** The optimized graph onnxruntime builds under `options`, as bytes (node names are in it as text). */
function optimizedGraph(options: OrtSessionOptions): string {
  const dir = mkdtempSync(join(tmpdir(), 'nncompat-opt-'));
  try {
    const path = join(dir, 'optimized.onnx');
    new OrtSession(transposeThenGemm(), { ...options, graphOptimizationLevel: 'extended', optimizedModelFilePath: path }).dispose();
    return readFileSync(path).toString('latin1');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('withProductLayout', () => {
  it('adds the transpose fusions to disable_specified_optimizers, keeping the caller\'s options and names', () => {
    const o = withProductLayout({ intraOpNumThreads: 1, extra: { session: { intra_op: { allow_spinning: '0' } }, optimization: { disable_specified_optimizers: 'ConstantFolding' } } });
    expect(o.intraOpNumThreads).toBe(1);
    expect(o.extra).toEqual({
      session: { intra_op: { allow_spinning: '0' } },
      optimization: { disable_specified_optimizers: 'ConstantFolding;GemmTransposeFusion;MatmulTransposeFusion' },
    });
    // The dotted form is folded into the nested one; repeated calls add nothing twice; a
    // ','-separated list from the caller is split too.
    const again = withProductLayout(withProductLayout({ extra: { 'optimization.disable_specified_optimizers': 'GemmTransposeFusion,NopElimination' } }));
    expect(again.extra).toEqual({ optimization: { disable_specified_optimizers: 'GemmTransposeFusion;NopElimination;MatmulTransposeFusion' } });
  });

  it('really keeps onnxruntime from folding a Transpose into Gemm (the optimized graph still has it)', () => {
    // Without the option onnxruntime fuses: the Transpose node is gone, the Gemm renamed.
    const fused = optimizedGraph({});
    expect(fused).toContain('GemmTransposeFusion');
    expect(fused).not.toContain('the_transpose');
    const kept = optimizedGraph(withProductLayout({}));
    expect(kept).toContain('the_transpose');
    expect(kept).not.toContain('GemmTransposeFusion');
  });
});
