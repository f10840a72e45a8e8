/**
 * Expected failures are values: a named code plus details. The contract maps each code to a
 * Chinese message; bugs are assertions (`invariant`), never a `Failure`.
 */
export interface Failure<C extends string = string> {
  readonly ok: false;
  readonly code: C;
  readonly details: Readonly<Record<string, unknown>>;
}

/** A successful outcome carrying its value. */
export interface Success<T> {
  readonly ok: true;
  readonly value: T;
}

/** Either a value or an expected failure with a named code. */
export type Result<T, C extends string = string> = Success<T> | Failure<C>;

/** Wraps a value as a success. */
export function ok<T>(value: T): Success<T> {
  return { ok: true, value };
}

/** An expected failure: a snake_case code and details for the message. */
export function fail<C extends string>(
  code: C,
  details: Readonly<Record<string, unknown>> = {},
): Failure<C> {
  return { ok: false, code, details };
}

/** A broken invariant is a bug, not a user error. */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) {
    throw new Error(`Invariant violated: ${message}`);
  }
}
