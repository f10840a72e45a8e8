import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf as actorFromSession, resolveSession } from '../app/auth.js';
import { AppError } from '../app/errors.js';
import type { AppDeps } from './context.js';

export const SESSION_COOKIE = 'huzhu_session';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

/**
 * Resolves the session of every /api request: a bearer token (API clients) or the httpOnly
 * cookie (the web app). Cookie sessions must echo the CSRF token on state-changing requests.
 */
export function registerSessionHook(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('preHandler', async (request) => {
    if (!request.url.startsWith('/api/') || request.is404) return;
    const bearer = bearerToken(request);
    const cookie = request.cookies[SESSION_COOKIE] ?? null;
    const token = bearer ?? cookie;
    if (request.routeOptions.config.public === true) {
      request.sessionToken = token;
      return;
    }
    if (token === null) throw new AppError('auth_required');
    const session = await resolveSession(deps.db, token, deps.now(), deps.config.sessionTtlMinutes);
    if (bearer === null && UNSAFE_METHODS.has(request.method)) {
      if (request.headers['x-csrf-token'] !== session.csrfToken)
        throw new AppError('csrf_token_invalid');
    }
    request.sessionToken = token;
    request.actor = actorFromSession(session, request.ip);
  });
}
