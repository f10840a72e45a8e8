import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERRORS, errorMessage, isErrorCode } from '@huzhu/contract';
import { AmountOutOfRangeError } from '@huzhu/domain';
import { AppError } from '../app/errors.js';
import { isDatabaseUnavailable } from '../db/connect.js';

function statusOf(code: string): number {
  return isErrorCode(code) ? ERRORS[code].status : 400;
}

/** Maps every failure to `{ code, message, details }`; only bugs become a 500 and a log line. */
export function handleError(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  if (error instanceof AppError) {
    void reply
      .status(statusOf(error.code))
      .send({ code: error.code, message: errorMessage(error.code), details: error.details });
    return;
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({
      path: `${error.validationContext ?? ''}${v.instancePath}`,
      message: v.message ?? '',
      code: (v.params as { issue?: { code?: string } }).issue?.code ?? 'invalid',
    }));
    // A schema may name its refusal (`{ error: 'amount_exceeds_limit' }`): answer with that code.
    const named =
      issues.find((issue) => isErrorCode(issue.message))?.message ?? 'validation_failed';
    void reply.status(statusOf(named)).send({
      code: named,
      message: errorMessage(named),
      details: { issues },
    });
    return;
  }
  if (isAmountOutOfRange(error)) {
    const code = 'books_amount_out_of_range';
    void reply.status(statusOf(code)).send({ code, message: errorMessage(code), details: {} });
    return;
  }
  const fastifyCode = (error as FastifyError).code;
  const mapped: Record<string, string> = {
    FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
    FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
    FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
    FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'malformed_json',
    FST_ERR_VALIDATION: 'validation_failed',
  };
  const code = mapped[fastifyCode];
  if (code !== undefined) {
    void reply.status(statusOf(code)).send({ code, message: errorMessage(code), details: {} });
    return;
  }
  const status = (error as FastifyError).statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    void reply.status(400).send({
      code: 'validation_failed',
      message: errorMessage('validation_failed'),
      details: { reason: error.message },
    });
    return;
  }
  if (isDatabaseUnavailable(error)) {
    // The database is away (restart, killed connection): nothing was acknowledged, retry later.
    request.log.warn({ err: error }, 'database unavailable');
    void reply
      .status(503)
      .header('retry-after', '2')
      .send({
        code: 'database_unavailable',
        message: errorMessage('database_unavailable'),
        details: {},
      });
    return;
  }
  request.log.error({ err: error }, 'unexpected error');
  void reply
    .status(500)
    .send({ code: 'internal_error', message: '系统内部错误，请联系管理员', details: {} });
}

/**
 * A stored amount or a sum beyond the exact integer range (data written behind the application,
 * issue 17.1): the domain's `AmountOutOfRangeError`, or PostgreSQL's numeric_value_out_of_range.
 */
function isAmountOutOfRange(error: Error): boolean {
  return error instanceof AmountOutOfRangeError || (error as { code?: unknown }).code === '22003';
}
