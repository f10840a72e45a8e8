import type { ErrorCode } from '@huzhu/contract';

/** An expected failure with a named code; the HTTP layer turns it into `{ code, message, details }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode | (string & {}),
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export function notFound(entity: string): AppError {
  return new AppError('not_found', { entity });
}
