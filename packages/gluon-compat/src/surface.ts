/**
 * The public names this package implements, as MXNet spells them (dotted paths below `mxnet`),
 * so conformance tooling can diff them against the real framework's `dir()`. Names of this
 * package's own helpers (the `.params` codec) are listed without a prefix.
 */
export const SURFACE: readonly string[] = Object.freeze([
  'MXNetError',
  // nncompat's own codec of MXNet's NDArray list format
  'readNDArrayList', 'writeNDArrayList',
]);
