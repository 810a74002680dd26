/** Bit-exact PyTorch CPU random number generation (Mersenne Twister, generator state, fills). */
export { MT19937, MERSENNE_STATE_N, MERSENNE_STATE_M, type MT19937Data } from './mt19937.js';
export {
  Generator, defaultGenerator, manual_seed, initial_seed, seed, get_rng_state, set_rng_state,
  DEFAULT_RNG_SEED, CPU_STATE_SIZE, CPU_LEGACY_STATE_SIZE,
} from './generator.js';
export { uniformFill } from './uniform.js';
export { normalFill, normalDouble, type NormalFillOptions } from './normal.js';
export { randomFromToFill } from './randint.js';
export { randperm } from './randperm.js';
export { bernoulliFill, type BernoulliProbs } from './bernoulli.js';
export { dropoutMask } from './dropout.js';
export { setDrawObserver, generatorTag, type DrawObserver } from './draw-observer.js';
