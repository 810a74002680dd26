import { describe } from 'vitest';
import { avgPool2DConfig } from './AvgPool2D.js';
import { replayGoldens } from './heavy.testutil.js';

describe('AvgPool2D goldens (PyTorch 1.13 CPU)', () => {
  replayGoldens('pool', avgPool2DConfig);
});
