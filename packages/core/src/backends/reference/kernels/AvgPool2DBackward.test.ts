import { describe } from 'vitest';
import { avgPool2DBackwardConfig } from './AvgPool2DBackward.js';
import { replayGoldens } from './heavy.testutil.js';

describe('AvgPool2DBackward goldens (PyTorch 1.13 CPU)', () => {
  replayGoldens('pool', avgPool2DBackwardConfig);
});
