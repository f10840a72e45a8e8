import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { errorMessage, type ErrorCode } from '@huzhu/contract';
import { AppError } from '../app/errors.js';

/** The deepest nesting of arrays and objects a JSON body may have (issue 17.5). */
export const MAX_JSON_DEPTH = 64;

/** The nesting depth of a JSON text, counted without parsing (brackets inside strings skipped). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i += 1; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) deepest = Math.max(deepest, (depth += 1));
    else if (c === 125 || c === 93) depth -= 1;
  }
  return deepest;
}

/**
 * JSON bodies go through Fastify's own (prototype-poisoning safe) parser, after a depth check:
 * 5,000 levels of nesting used to reach a 500 at every endpoint, signed in or not.
 */
export function registerJsonDepthLimit(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (jsonDepth(text) > MAX_JSON_DEPTH) {
      done(new AppError('json_too_deep', { maxDepth: MAX_JSON_DEPTH }), undefined);
      return;
    }
    void parse(request, text, done);
  });
}

/**
 * Errors Node's HTTP parser raises before Fastify sees a request (a header too large: 431, any
 * other malformed request: 400) are answered with `{ code, message, details }` like every refusal.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const code: ErrorCode = tooLarge ? 'request_header_too_large' : 'malformed_request';
  const status = tooLarge ? 431 : 400;
  const body = JSON.stringify({ code, message: errorMessage(code), details: {} });
  socket.end(
    `HTTP/1.1 ${String(status)} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${String(Buffer.byteLength(body))}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}
