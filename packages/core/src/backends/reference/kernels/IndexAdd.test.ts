import { describe } from 'vitest';
import { indexAddConfig } from './IndexAdd.js';
import { replayGoldens } from './heavy.testutil.js';

describe('IndexAdd goldens (PyTorch 1.13 CPU)', () => {
  replayGoldens('indexing', indexAddConfig);
});
