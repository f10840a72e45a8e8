import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERRORS, errorMessage, isErrorCode } from '@huzhu/contract';
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
    void reply.status(400).send({
      code: 'validation_failed',
      message: errorMessage('validation_failed'),
      details: { issues },
    });
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
