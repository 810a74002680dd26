/** Which dtypes each kernel actually ran natively or on the reference code (for `kernelCoverage`). */
const native = new Map<string, Set<string>>();
const reference = new Map<string, Set<string>>();

function note(m: Map<string, Set<string>>, kernel: string, dtype: string): void {
  let s = m.get(kernel);
  if (!s) m.set(kernel, (s = new Set()));
  s.add(dtype);
}

/** Records a call that ran in onnxruntime. */
export function noteNative(kernel: string, dtype: string): void {
  note(native, kernel, dtype);
}

/** Records a call that ran on the reference implementation (same host buffers, no copy). */
export function noteReference(kernel: string, dtype: string): void {
  note(reference, kernel, dtype);
}

/** Dtypes seen per kernel so far. */
export function observedDtypes(kernel: string): { native: string[]; reference: string[] } {
  return { native: [...(native.get(kernel) ?? [])].sort(), reference: [...(reference.get(kernel) ?? [])].sort() };
}
