/**
 * Python exception classes as `Error` subclasses with the same names, so ported code can
 * `catch (e) { if (e instanceof KeyError) … }` and messages read as the framework prints them.
 */

/** Base for the Python-named errors; `name` is the Python class name. */
export class PythonError extends Error {
  constructor(message = '') {
    super(message);
    this.name = new.target.name;
  }
}

/** Python's `KeyError`. Its `str()` quotes the key, as Python's does. */
export class KeyError extends PythonError {
  constructor(readonly key: unknown = undefined, message?: string) {
    super(message ?? (typeof key === 'string' ? `'${key}'` : String(key)));
  }
}
/** Python's `RuntimeError`. */
export class RuntimeError extends PythonError {}
/** Python's `ValueError`. */
export class ValueError extends PythonError {}
/** Python's `AttributeError`. */
export class AttributeError extends PythonError {}
/** Python's `IndexError`. */
export class IndexError extends PythonError {}
/** Python's `NotImplementedError`. */
export class NotImplementedError extends PythonError {}
/** Python's `AssertionError`. */
export class AssertionError extends PythonError {}
/** Python's `UnpicklingError` (pickle module). */
export class UnpicklingError extends PythonError {}
