import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateUserBody,
  ErrorBody,
  IdParam,
  UpdateUserBody,
  User,
  UserListQuery,
  UserPage,
} from '@huzhu/contract';
import { createUser, getUser, listUsers, updateUser } from '../../app/users.js';
import { actorOf, type AppDeps } from '../context.js';

export function userRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/users',
      {
        schema: {
          tags: ['users'],
          summary: '用户列表',
          querystring: UserListQuery,
          response: { 200: UserPage, 403: ErrorBody },
        },
      },
      async (request) => {
        const result = await listUsers(deps.db, actorOf(request), request.query);
        return { ...result, page: request.query.page, pageSize: request.query.pageSize };
      },
    );
    app.get(
      '/users/:id',
      {
        schema: {
          tags: ['users'],
          summary: '用户详情',
          params: IdParam,
          response: { 200: User, 404: ErrorBody },
        },
      },
      async (request) => getUser(deps.db, actorOf(request), request.params.id),
    );
    app.post(
      '/users',
      {
        schema: {
          tags: ['users'],
          summary: '新增用户',
          body: CreateUserBody,
          response: { 201: User, 400: ErrorBody, 409: ErrorBody },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const id = await createUser(deps.db, actor, request.body);
        return reply.status(201).send(await getUser(deps.db, actor, id));
      },
    );
    app.patch(
      '/users/:id',
      {
        schema: {
          tags: ['users'],
          summary: '修改用户（姓名、停用）',
          params: IdParam,
          body: UpdateUserBody,
          response: { 200: User, 404: ErrorBody },
        },
      },
      async (request) => updateUser(deps.db, actorOf(request), request.params.id, request.body),
    );
  };
}
