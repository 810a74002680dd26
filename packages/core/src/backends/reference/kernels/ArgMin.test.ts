import { describe } from 'vitest';
import { argMinConfig } from './ArgMin.js';
import { replayGoldens } from './heavy.testutil.js';

describe('ArgMin goldens (PyTorch 1.13 CPU)', () => {
  replayGoldens('argreduce', argMinConfig);
});
