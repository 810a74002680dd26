/** `mx.gluon.utils`: the public helpers this package has. */
export { HookHandle } from './utils.js';
