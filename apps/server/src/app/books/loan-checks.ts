import type { Failure } from '@huzhu/domain';
import { errorMessage } from '@huzhu/contract';
import { AppError } from '../errors.js';

/**
 * Refuses a request that broke one or more rules: the first failure's code is the answer's code,
 * and `details.failures` lists every rule broken, each with its Chinese message.
 */
export function refuseIfAny(failures: readonly Failure[]): void {
  const [first] = failures;
  if (first === undefined) return;
  throw new AppError(first.code, {
    ...first.details,
    failures: failures.map((f) => ({
      code: f.code,
      message: errorMessage(f.code),
      details: f.details,
    })),
  });
}
