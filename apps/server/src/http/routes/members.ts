import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CategoryChangeBody,
  ContributionBody,
  CreateGroupBody,
  ErrorBody,
  FundParam,
  GroupList,
  Member,
  MemberExitBody,
  MemberExitResult,
  MemberListQuery,
  MemberPage,
  MemberParam,
  MoneyResult,
  RegisterMemberBody,
} from '@huzhu/contract';
import { z } from 'zod';
import {
  changeCategory,
  contribute,
  exitMember,
  getMember,
  listMembers,
  registerMember,
} from '../../app/books/members.js';
import { createGroup, listGroups } from '../../app/books/groups.js';
import { actorOf, type AppDeps } from '../context.js';

export function memberRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody };
    app.get(
      '/funds/:id/members',
      {
        schema: {
          tags: ['members'],
          summary: '会员花名册',
          params: FundParam,
          querystring: MemberListQuery,
          response: { 200: MemberPage, 404: ErrorBody },
        },
      },
      async (request) => {
        const result = await listMembers(
          deps.db,
          actorOf(request),
          request.params.id,
          request.query,
        );
        return { ...result, page: request.query.page, pageSize: request.query.pageSize };
      },
    );
    app.post(
      '/funds/:id/members',
      {
        schema: {
          tags: ['members'],
          summary: '会员入社（缴纳互助金；贫困户配股）',
          params: FundParam,
          body: RegisterMemberBody,
          response: { 201: Member, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await registerMember(
              deps.db,
              actorOf(request),
              request.params.id,
              request.body,
              deps.now(),
            ),
          ),
    );
    app.get(
      '/funds/:id/members/:memberId',
      {
        schema: {
          tags: ['members'],
          summary: '会员详情',
          params: MemberParam,
          response: { 200: Member, 404: ErrorBody },
        },
      },
      async (request) =>
        getMember(deps.db, actorOf(request), request.params.id, request.params.memberId),
    );
    app.post(
      '/funds/:id/members/:memberId/contributions',
      {
        schema: {
          tags: ['members'],
          summary: '追加互助金',
          params: MemberParam,
          body: ContributionBody,
          response: { 200: MoneyResult, ...errors },
        },
      },
      async (request) =>
        contribute(
          deps.db,
          actorOf(request),
          request.params.id,
          request.params.memberId,
          request.body,
          deps.now(),
        ),
    );
    app.post(
      '/funds/:id/members/:memberId/category',
      {
        schema: {
          tags: ['members'],
          summary: '变更农户类别（自某日起）',
          params: MemberParam,
          body: CategoryChangeBody,
          response: { 200: Member, ...errors },
        },
      },
      async (request) =>
        changeCategory(
          deps.db,
          actorOf(request),
          request.params.id,
          request.params.memberId,
          request.body,
          deps.now(),
        ),
    );
    app.post(
      '/funds/:id/members/:memberId/exit',
      {
        schema: {
          tags: ['members'],
          summary: '会员退社（退还本人互助金）',
          params: MemberParam,
          body: MemberExitBody,
          response: { 200: MemberExitResult, ...errors },
        },
      },
      async (request) =>
        exitMember(
          deps.db,
          actorOf(request),
          request.params.id,
          request.params.memberId,
          request.body,
          deps.now(),
        ),
    );
    app.get(
      '/funds/:id/groups',
      {
        schema: {
          tags: ['members'],
          summary: '联保小组',
          params: FundParam,
          response: { 200: GroupList, 404: ErrorBody },
        },
      },
      async (request) => listGroups(deps.db, actorOf(request), request.params.id),
    );
    app.post(
      '/funds/:id/groups',
      {
        schema: {
          tags: ['members'],
          summary: '组建联保小组',
          params: FundParam,
          body: CreateGroupBody,
          response: { 201: z.object({ id: z.number().int() }), ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send({
          id: await createGroup(
            deps.db,
            actorOf(request),
            request.params.id,
            request.body,
            deps.now(),
          ),
        }),
    );
  };
}
