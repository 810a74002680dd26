/** `mx.name`: automatic block naming. */
export { NameManager, Prefix } from './name.js';
