import { describe } from 'vitest';
import { maxDimConfig } from './MaxDim.js';
import { replayGoldens } from './heavy.testutil.js';

describe('MaxDim goldens (PyTorch 1.13 CPU)', () => {
  replayGoldens('argreduce', maxDimConfig);
});
