import { describe } from 'vitest';
import { conv2DBackpropFilterConfig } from './Conv2DBackpropFilter.js';
import { replayGoldens } from './heavy.testutil.js';

describe('Conv2DBackpropFilter goldens (PyTorch 1.13 CPU)', () => {
  replayGoldens('conv', conv2DBackpropFilterConfig);
});
