/** Householder QR in float64 (LAPACK geqrf's reflectors), used by `orthogonal_`. */

/**
 * The reduced QR of a row-major `m x n` matrix with `m >= n`: returns `q` (`m x n`, row-major)
 * and the diagonal of `r`. Reflectors follow LAPACK's sign convention (beta = -sign(alpha) * norm),
 * so `q * sign(diag(r))` is the same matrix PyTorch's `orthogonal_` builds.
 *
 * @example
 * const { q, rdiag } = householderQR(new Float64Array([1, 2, 3, 4, 5, 6]), 3, 2);
 */
export function householderQR(a: Float64Array, m: number, n: number): { q: Float64Array; rdiag: Float64Array } {
  const A = Float64Array.from(a);
  const vs: Float64Array[] = [];
  const taus: number[] = [];
  const rdiag = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let norm = 0;
    for (let i = k; i < m; i++) norm += A[i * n + k]! * A[i * n + k]!;
    norm = Math.sqrt(norm);
    const alpha = A[k * n + k]!;
    const v = new Float64Array(m);
    if (norm === 0) {
      vs.push(v);
      taus.push(0);
      rdiag[k] = 0;
      continue;
    }
    const beta = alpha >= 0 ? -norm : norm;
    const tau = (beta - alpha) / beta;
    v[k] = 1;
    for (let i = k + 1; i < m; i++) v[i] = A[i * n + k]! / (alpha - beta);
    // Apply H = I - tau v v^T to the remaining columns.
    for (let j = k; j < n; j++) {
      let s = 0;
      for (let i = k; i < m; i++) s += v[i]! * A[i * n + j]!;
      s *= tau;
      for (let i = k; i < m; i++) A[i * n + j] = A[i * n + j]! - s * v[i]!;
    }
    rdiag[k] = beta;
    vs.push(v);
    taus.push(tau);
  }
  // Q = H_0 H_1 ... H_{n-1} applied to the first n columns of the identity.
  const q = new Float64Array(m * n);
  for (let j = 0; j < n; j++) q[j * n + j] = 1;
  for (let k = n - 1; k >= 0; k--) {
    const v = vs[k]!;
    const tau = taus[k]!;
    if (tau === 0) continue;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = k; i < m; i++) s += v[i]! * q[i * n + j]!;
      s *= tau;
      for (let i = k; i < m; i++) q[i * n + j] = q[i * n + j]! - s * v[i]!;
    }
  }
  return { q, rdiag };
}
