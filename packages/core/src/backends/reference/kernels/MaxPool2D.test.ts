import { describe } from 'vitest';
import { maxPool2DConfig } from './MaxPool2D.js';
import { replayGoldens } from './heavy.testutil.js';

describe('MaxPool2D goldens (PyTorch 1.13 CPU)', () => {
  replayGoldens('pool', maxPool2DConfig);
});
