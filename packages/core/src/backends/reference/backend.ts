/** The reference CPU backend's buffers: the dtype's canonical host array itself. */
import { HostArrayBackend } from '../host-backend.js';

/** Name under which the reference backend is registered. */
export const REFERENCE = 'reference';

/** Pure-TypeScript backend; always present, the fallback for every other backend. */
export class ReferenceBackend extends HostArrayBackend {
  readonly name = REFERENCE;
  readonly deviceType = 'cpu';
}
