import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ErrorBody,
  FundParam,
  IdParam,
  SurveyBody,
  SurveyList,
  TypicalCaseBody,
  TypicalCaseList,
  TypicalCaseQuery,
  YearParam,
} from '@huzhu/contract';
import {
  addTypicalCase,
  listSurveys,
  listTypicalCases,
  saveSurvey,
} from '../../app/programme/surveys.js';
import { actorOf, type AppDeps } from '../context.js';

export function programmeRecordRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody };
    app.get(
      '/funds/:id/surveys',
      {
        schema: {
          tags: ['programme'],
          summary: '农户满意度调查',
          params: FundParam,
          response: { 200: SurveyList, 404: ErrorBody },
        },
      },
      async (request) => listSurveys(deps.db, actorOf(request), request.params.id),
    );
    app.put(
      '/funds/:id/surveys/:year',
      {
        schema: {
          tags: ['programme'],
          summary: '录入年度满意度调查',
          params: YearParam,
          body: SurveyBody,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await saveSurvey(
          deps.db,
          actorOf(request),
          request.params.id,
          request.params.year,
          request.body,
        );
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/regions/:id/typical-cases',
      {
        schema: {
          tags: ['programme'],
          summary: '典型案例',
          params: IdParam,
          querystring: TypicalCaseQuery,
          response: { 200: TypicalCaseList, 404: ErrorBody },
        },
      },
      async (request) =>
        listTypicalCases(deps.db, actorOf(request), request.params.id, request.query.year),
    );
    app.post(
      '/regions/:id/typical-cases',
      {
        schema: {
          tags: ['programme'],
          summary: '新增典型案例',
          params: IdParam,
          body: TypicalCaseBody,
          response: { 201: z.object({ id: z.number().int() }), ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send({
          id: await addTypicalCase(deps.db, actorOf(request), request.params.id, request.body),
        }),
    );
  };
}
