import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ErrorBody,
  IdParam,
  ThresholdsBody,
  WarningActionBody,
  WarningIdParam,
  WarningListQuery,
  WarningPage,
} from '@huzhu/contract';
import {
  actOnWarning,
  listWarnings,
  setThresholds,
  thresholdsFor,
  warningHistory,
} from '../../app/monitoring/warnings.js';
import { findRegionInScope } from '../../db/repositories/regions.js';
import { notFound } from '../../app/errors.js';
import { actorOf, type AppDeps } from '../context.js';

export function warningRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody };
    app.get(
      '/warnings',
      {
        schema: {
          tags: ['monitoring'],
          summary: '风险预警（账簿变化后自动重新计算）',
          querystring: WarningListQuery,
          response: { 200: WarningPage, ...errors },
        },
      },
      async (request) => {
        const result = await listWarnings(deps.db, actorOf(request), request.query, deps.now());
        return { ...result, page: request.query.page, pageSize: request.query.pageSize };
      },
    );
    app.post(
      '/warnings/:warningId/actions',
      {
        schema: {
          tags: ['monitoring'],
          summary: '确认、解除或重新打开预警（须写说明）',
          params: WarningIdParam,
          body: WarningActionBody,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await actOnWarning(deps.db, actorOf(request), request.params.warningId, request.body);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/warnings/:warningId/history',
      {
        schema: {
          tags: ['monitoring'],
          summary: '预警处理记录',
          params: WarningIdParam,
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  action: z.string(),
                  toStatus: z.string(),
                  actorName: z.string(),
                  note: z.string().nullable(),
                  at: z.string(),
                }),
              ),
            }),
            ...errors,
          },
        },
      },
      async (request) => warningHistory(deps.db, actorOf(request), request.params.warningId),
    );
    app.get(
      '/regions/:id/warning-thresholds',
      {
        schema: {
          tags: ['monitoring'],
          summary: '本区域生效的预警阈值',
          params: IdParam,
          response: { 200: z.record(z.string(), z.unknown()), ...errors },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const region = await findRegionInScope(deps.db, request.params.id, actor.regionPath);
        if (region === undefined) throw notFound('region');
        return { ...(await thresholdsFor(deps.db, region.path)) };
      },
    );
    app.put(
      '/regions/:id/warning-thresholds',
      {
        schema: {
          tags: ['monitoring'],
          summary: '设置本区域预警阈值（市、区县）',
          params: IdParam,
          body: ThresholdsBody,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await setThresholds(deps.db, actorOf(request), request.params.id, request.body);
        return reply.status(204).send(null);
      },
    );
  };
}
