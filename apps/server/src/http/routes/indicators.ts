import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ErrorBody,
  FundParam,
  IndicatorQuery,
  IndicatorsResponse,
  RegionBreakdown,
  RegionIndicatorQuery,
} from '@huzhu/contract';
import { indicatorsForFund, regionBreakdown } from '../../app/monitoring/region-indicators.js';
import { actorOf, type AppDeps } from '../context.js';

export function indicatorRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/funds/:id/indicators',
      {
        schema: {
          tags: ['monitoring'],
          summary: '互助社监测指标（月、季、年）',
          description: '比率给出分子与分母；分母为 0 时为“不适用”。金额单位为分。',
          params: FundParam,
          querystring: IndicatorQuery,
          response: { 200: IndicatorsResponse, 400: ErrorBody, 404: ErrorBody },
        },
      },
      async (request) =>
        indicatorsForFund(
          deps.db,
          actorOf(request),
          request.params.id,
          request.query.period,
          request.query.source,
        ),
    );
    app.get(
      '/indicators',
      {
        schema: {
          tags: ['monitoring'],
          summary: '区域监测指标汇总及下级分解（比率由分子分母重新计算）',
          querystring: RegionIndicatorQuery,
          response: { 200: RegionBreakdown, 400: ErrorBody, 404: ErrorBody },
        },
      },
      async (request) =>
        regionBreakdown(
          deps.db,
          actorOf(request),
          request.query.regionId,
          request.query.period,
          request.query.source,
        ),
    );
  };
}
