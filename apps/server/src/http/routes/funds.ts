import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateFundBody,
  ErrorBody,
  FundListQuery,
  FundPage,
  FundSummary,
  IdParam,
} from '@huzhu/contract';
import { createFund, getFund, listFunds } from '../../app/funds.js';
import { actorOf, type AppDeps } from '../context.js';

export function fundRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/funds',
      {
        schema: {
          tags: ['funds'],
          summary: '互助社列表',
          querystring: FundListQuery,
          response: { 200: FundPage },
        },
      },
      async (request) => {
        const result = await listFunds(deps.db, actorOf(request), request.query);
        return { ...result, page: request.query.page, pageSize: request.query.pageSize };
      },
    );
    app.get(
      '/funds/:id',
      {
        schema: {
          tags: ['funds'],
          summary: '互助社概况',
          params: IdParam,
          response: { 200: FundSummary, 404: ErrorBody },
        },
      },
      async (request) => getFund(deps.db, actorOf(request), request.params.id),
    );
    app.post(
      '/funds',
      {
        schema: {
          tags: ['funds'],
          summary: '组建互助社（每村一个）',
          body: CreateFundBody,
          response: { 201: FundSummary, 400: ErrorBody, 409: ErrorBody },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createFund(deps.db, actorOf(request), request.body)),
    );
  };
}
