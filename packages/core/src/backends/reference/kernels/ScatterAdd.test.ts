import { describe } from 'vitest';
import { scatterAddConfig } from './ScatterAdd.js';
import { replayGoldens } from './heavy.testutil.js';

describe('ScatterAdd goldens (PyTorch 1.13 CPU)', () => {
  replayGoldens('indexing', scatterAddConfig);
});
