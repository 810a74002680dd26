/** `torch.utils.hooks.RemovableHandle`: removes a hook from the dicts it was added to. */

let nextId = 0;

/**
 * A handle returned by every `register_*hook`; `remove()` unregisters the hook.
 *
 * @example
 * const h = module.register_forward_hook(fn);
 * h.remove();
 */
export class RemovableHandle {
  /** Unique id of the hook in its dicts. */
  readonly id: number = nextId++;
  private readonly dicts: Map<number, unknown>[];
  constructor(hooksDict: Map<number, unknown>, extraDicts: Map<number, unknown>[] = []) {
    this.dicts = [hooksDict, ...extraDicts];
  }
  /** Removes the hook; calling it twice is harmless. */
  remove(): void {
    for (const d of this.dicts) d.delete(this.id);
  }
}
