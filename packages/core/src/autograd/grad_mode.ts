/** Grad mode: the thread-local (here: global) switch `torch.no_grad` flips. */

let gradEnabled = true;

/** `torch.is_grad_enabled()`. */
export function is_grad_enabled(): boolean {
  return gradEnabled;
}

/** `torch.set_grad_enabled(mode)`; returns the previous mode. */
export function set_grad_enabled(mode: boolean): boolean {
  const prev = gradEnabled;
  gradEnabled = mode;
  return prev;
}

function withGradMode<T>(mode: boolean, fn: () => T): T {
  const prev = set_grad_enabled(mode);
  try {
    return fn();
  } finally {
    gradEnabled = prev;
  }
}

/**
 * `with torch.no_grad(): …` as a callback scope; returns the callback's result.
 *
 * @example
 * const y = no_grad(() => model(x));
 */
export function no_grad<T>(fn: () => T): T {
  return withGradMode(false, fn);
}

/**
 * `with torch.enable_grad(): …` as a callback scope; returns the callback's result.
 *
 * @example
 * no_grad(() => enable_grad(() => x.mul(2)));
 */
export function enable_grad<T>(fn: () => T): T {
  return withGradMode(true, fn);
}
