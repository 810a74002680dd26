import { describe } from 'vitest';
import { gatherConfig } from './Gather.js';
import { replayGoldens } from './heavy.testutil.js';

describe('Gather goldens (PyTorch 1.13 CPU)', () => {
  replayGoldens('indexing', gatherConfig);
});
