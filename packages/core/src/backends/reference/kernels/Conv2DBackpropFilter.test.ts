import { describe } from 'vitest';
import { conv2DBackpropFilterConfig } from './Conv2DBackpropFilter.js';
import { replayGoldens } from './heavy.testutil.js';

describe('Conv2DBackpropFilter goldens (PyTorch 1.13 CPU)', () => {
  // float32: each weight gradient sums N·OH·OW products (84 here) of O(1) terms; PyTorch
  // accumulates them in float32 (error ~ K·eps·|terms|), this kernel in float64, so entries
  // that cancel to near zero need an absolute bound of 1e-5 instead of 1e-6.
  replayGoldens('conv', conv2DBackpropFilterConfig, { float32: { rtol: 1e-5, atol: 1e-5 } });
});
