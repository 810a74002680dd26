import { describe, expect, it } from 'vitest';
import { withProductLayout } from './session_options.js';

describe('withProductLayout', () => {
  it('adds the transpose fusions to disable_specified_optimizers, keeping the caller\'s options and names', () => {
    const o = withProductLayout({ intraOpNumThreads: 1, extra: { session: { intra_op: { allow_spinning: '0' } }, optimization: { disable_specified_optimizers: 'ConstantFolding' } } });
    expect(o.intraOpNumThreads).toBe(1);
    expect(o.extra).toEqual({
      session: { intra_op: { allow_spinning: '0' } },
      optimization: { disable_specified_optimizers: 'ConstantFolding,GemmTransposeFusion,MatmulTransposeFusion' },
    });
    // The dotted form is folded into the nested one; repeated calls add nothing twice.
    const again = withProductLayout(withProductLayout({ extra: { 'optimization.disable_specified_optimizers': 'GemmTransposeFusion' } }));
    expect(again.extra).toEqual({ optimization: { disable_specified_optimizers: 'GemmTransposeFusion,MatmulTransposeFusion' } });
  });
});
