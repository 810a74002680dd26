/**
 * The one tree walk (MLX `nn/layers/base.py` style) that drives `named_modules`,
 * `named_parameters`, `named_buffers`, `children` and friends: a pre-order traversal of
 * `_modules`, with a member selector and PyTorch's de-duplication rules.
 */
import type { ModuleBase } from './module-base.js';

/** Options of `walkModules` (PyTorch's `named_modules` arguments). */
export interface WalkOptions {
  memo?: Set<ModuleBase> | null;
  prefix?: string;
  remove_duplicate?: boolean;
}

/** Joins a dotted prefix and a name as PyTorch does (`prefix + ('.' if prefix else '') + name`). */
export function joinName(prefix: string, name: string): string {
  return prefix ? `${prefix}.${name}` : name;
}

/**
 * Pre-order `(qualified name, module)` pairs; a module reached twice is yielded once unless
 * `remove_duplicate` is false. Recurses through each child's own `named_modules`, so
 * subclasses overriding it are honoured as in PyTorch.
 *
 * @example
 * ```ts
 * for (const [name, m] of walkModules(model, { prefix: 'model' })) console.log(name);
 * ```
 */
export function* walkModules(root: ModuleBase, opts: WalkOptions = {}): Generator<[string, ModuleBase]> {
  const memo = opts.memo ?? new Set<ModuleBase>();
  const prefix = opts.prefix ?? '';
  const removeDuplicate = opts.remove_duplicate ?? true;
  if (memo.has(root)) return;
  if (removeDuplicate) memo.add(root);
  yield [prefix, root];
  for (const [name, child] of root._modules) {
    if (child === null) continue;
    yield* child.named_modules(memo, joinName(prefix, name), removeDuplicate);
  }
}

/** Options of `walkMembers` (PyTorch's `_named_members`). */
export interface MemberWalkOptions {
  prefix?: string;
  recurse?: boolean;
  remove_duplicate?: boolean;
}

/**
 * `(qualified name, member)` pairs of every module in the tree, members chosen by `select`
 * (e.g. `m => m._parameters`); null members are skipped and a member object reached twice is
 * yielded once unless `remove_duplicate` is false.
 *
 * @example
 * ```ts
 * const names = [...walkMembers(model, (m) => m._parameters)].map(([n]) => n);
 * ```
 */
export function* walkMembers<V>(
  root: ModuleBase,
  select: (m: ModuleBase) => Iterable<[string, V | null]>,
  opts: MemberWalkOptions = {},
): Generator<[string, V]> {
  const memo = new Set<V>();
  const removeDuplicate = opts.remove_duplicate ?? true;
  const prefix = opts.prefix ?? '';
  const modules: Iterable<[string, ModuleBase]> = (opts.recurse ?? true)
    ? root.named_modules(null, prefix, removeDuplicate)
    : [[prefix, root]];
  for (const [modulePrefix, module] of modules) {
    for (const [k, v] of select(module)) {
      if (v === null || v === undefined || memo.has(v)) continue;
      if (removeDuplicate) memo.add(v);
      yield [joinName(modulePrefix, k), v];
    }
  }
}
