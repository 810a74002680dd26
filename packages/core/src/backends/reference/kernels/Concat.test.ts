import { describe } from 'vitest';
import { concatConfig } from './Concat.js';
import { replayGoldens } from './heavy.testutil.js';

describe('Concat goldens (torch.cat)', () => {
  replayGoldens('concat', concatConfig);
});
