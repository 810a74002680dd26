import { describe } from 'vitest';
import { minDimConfig } from './MinDim.js';
import { replayGoldens } from './heavy.testutil.js';

describe('MinDim goldens (PyTorch 1.13 CPU)', () => {
  replayGoldens('argreduce', minDimConfig);
});
