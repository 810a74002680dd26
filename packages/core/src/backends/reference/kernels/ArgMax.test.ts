import { describe } from 'vitest';
import { argMaxConfig } from './ArgMax.js';
import { replayGoldens } from './heavy.testutil.js';

describe('ArgMax goldens (PyTorch 1.13 CPU)', () => {
  replayGoldens('argreduce', argMaxConfig);
});
