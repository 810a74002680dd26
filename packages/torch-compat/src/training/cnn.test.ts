// Small-CNN trajectories replayed against gen_training.py's PyTorch goldens.
import { cnnProblem } from './models.test-helpers.js';
import { describeTrajectories } from './trajectory.test-helpers.js';

describeTrajectories('cnn', cnnProblem);
