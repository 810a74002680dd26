// Transformer-encoder trajectories replayed against gen_training.py's PyTorch goldens.
import { transformerProblem } from './models.test-helpers.js';
import { describeTrajectories } from './trajectory.test-helpers.js';

describeTrajectories('transformer', transformerProblem);
