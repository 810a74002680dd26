import { describe } from 'vitest';
import { convTranspose2DConfig } from './ConvTranspose2D.js';
import { replayGoldens } from './heavy.testutil.js';

describe('ConvTranspose2D goldens (PyTorch 1.13 CPU)', () => {
  replayGoldens('conv', convTranspose2DConfig);
});
