import { describe } from 'vitest';
import { softmaxConfig } from './Softmax.js';
import { replayGoldens } from './heavy.testutil.js';

describe('Softmax goldens (PyTorch 1.13 CPU)', () => {
  replayGoldens('softmax', softmaxConfig);
});
