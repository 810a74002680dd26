/**
 * `collections.OrderedDict` for module state: re-exported from the pickle layer so a loaded
 * checkpoint's dict and a `state_dict()` are the same class (one `instanceof` check works).
 */
export { OrderedDict } from '../serialization/pickle/ordered-dict.js';
