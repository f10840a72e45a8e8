import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ChangePasswordBody,
  ErrorBody,
  LoginBody,
  LoginResponse,
  MeResponse,
} from '@huzhu/contract';
import { changePassword, login, logout, resolveSession } from '../../app/auth.js';
import { AppError } from '../../app/errors.js';
import { actorOf, type AppDeps } from '../context.js';
import { SESSION_COOKIE } from '../session-hook.js';

function userView(user: Awaited<ReturnType<typeof resolveSession>>['user']) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    region: {
      id: user.region.id,
      code: user.region.code,
      name: user.region.name,
      level: user.region.level,
    },
  };
}

export function authRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/auth/login',
      {
        config: { public: true },
        schema: {
          tags: ['auth'],
          summary: '登录',
          body: LoginBody,
          response: { 200: LoginResponse, 401: ErrorBody, 403: ErrorBody, 429: ErrorBody },
        },
      },
      async (request, reply) => {
        const session = await login(deps.db, {
          username: request.body.username,
          password: request.body.password,
          ip: request.ip,
          ttlMinutes: deps.config.sessionTtlMinutes,
          now: deps.now(),
        });
        void reply.setCookie(SESSION_COOKIE, session.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: deps.config.secureCookies,
          maxAge: deps.config.sessionTtlMinutes * 60,
        });
        return {
          user: userView(session.user),
          csrfToken: session.csrfToken,
          token: session.token,
          expiresAt: session.expiresAt.toISOString(),
        };
      },
    );

    app.post(
      '/auth/logout',
      {
        config: { public: true },
        schema: { tags: ['auth'], summary: '退出登录', response: { 204: z.null() } },
      },
      async (request, reply) => {
        if (request.sessionToken !== null) await logout(deps.db, request.sessionToken);
        void reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/auth/me',
      {
        config: { public: true },
        schema: {
          tags: ['auth'],
          summary: '当前用户',
          response: { 200: MeResponse, 401: ErrorBody },
        },
      },
      async (request) => {
        if (request.sessionToken === null) throw new AppError('auth_required');
        const session = await resolveSession(
          deps.db,
          request.sessionToken,
          deps.now(),
          deps.config.sessionTtlMinutes,
        );
        return { user: userView(session.user), csrfToken: session.csrfToken };
      },
    );

    app.post(
      '/auth/password',
      {
        schema: {
          tags: ['auth'],
          summary: '修改密码',
          body: ChangePasswordBody,
          response: { 204: z.null(), 400: ErrorBody },
        },
      },
      async (request, reply) => {
        await changePassword(deps.db, actorOf(request), request.body);
        return reply.status(204).send(null);
      },
    );
  };
}
