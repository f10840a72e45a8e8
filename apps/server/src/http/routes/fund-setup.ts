import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Bylaws,
  ErrorBody,
  FundParam,
  FundProfile,
  HouseholdCountBody,
  OfficerBody,
  RegistrationBody,
} from '@huzhu/contract';
import {
  addOfficer,
  getFundProfile,
  recordHouseholdCount,
  setBylaws,
  setRegistration,
} from '../../app/books/fund-setup.js';
import { actorOf, type AppDeps } from '../context.js';

export function fundSetupRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const done = { 204: z.null(), 400: ErrorBody, 404: ErrorBody };
    app.get(
      '/funds/:id/profile',
      {
        schema: {
          tags: ['fund setup'],
          summary: '互助社档案（登记、专户、户数、章程、理事监事）',
          params: FundParam,
          response: { 200: FundProfile, 404: ErrorBody },
        },
      },
      async (request) => getFundProfile(deps.db, actorOf(request), request.params.id),
    );
    app.put(
      '/funds/:id/registration',
      {
        schema: {
          tags: ['fund setup'],
          summary: '民政登记与银行专户',
          params: FundParam,
          body: RegistrationBody,
          response: done,
        },
      },
      async (request, reply) => {
        await setRegistration(deps.db, actorOf(request), request.params.id, request.body);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/funds/:id/household-counts',
      {
        schema: {
          tags: ['fund setup'],
          summary: '全村总户数与建档立卡贫困户数（按日期）',
          params: FundParam,
          body: HouseholdCountBody,
          response: done,
        },
      },
      async (request, reply) => {
        await recordHouseholdCount(deps.db, actorOf(request), request.params.id, request.body);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/funds/:id/bylaws',
      {
        schema: {
          tags: ['fund setup'],
          summary: '新增章程参数版本（自生效日起适用）',
          params: FundParam,
          body: Bylaws,
          response: done,
        },
      },
      async (request, reply) => {
        await setBylaws(deps.db, actorOf(request), request.params.id, request.body);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/funds/:id/officers',
      {
        schema: {
          tags: ['fund setup'],
          summary: '增加理事会/监事会成员',
          params: FundParam,
          body: OfficerBody,
          response: done,
        },
      },
      async (request, reply) => {
        await addOfficer(deps.db, actorOf(request), request.params.id, request.body);
        return reply.status(204).send(null);
      },
    );
  };
}
