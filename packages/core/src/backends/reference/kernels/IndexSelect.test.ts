import { describe } from 'vitest';
import { indexSelectConfig } from './IndexSelect.js';
import { replayGoldens } from './heavy.testutil.js';

describe('IndexSelect goldens (PyTorch 1.13 CPU)', () => {
  replayGoldens('indexing', indexSelectConfig);
});
