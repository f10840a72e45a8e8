import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ErrorBody,
  FundParam,
  QuarterlyReportView,
  ReportDecisionBody,
  ReportIdParam,
  ReportPeriodBody,
  StatusBoard,
  StatusBoardQuery,
  UnlockDecisionBody,
  UnlockRequestBody,
} from '@huzhu/contract';
import {
  decideReport,
  decideUnlock,
  generateReport,
  getReport,
  reportStatusBoard,
  requestUnlock,
  submitReport,
} from '../../app/monitoring/quarterly-reports.js';
import { actorOf, type AppDeps } from '../context.js';

export function quarterlyReportRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
    app.post(
      '/funds/:id/quarterly-reports/generate',
      {
        schema: {
          tags: ['quarterly reports'],
          summary: '从账簿生成季报草稿',
          params: FundParam,
          body: ReportPeriodBody,
          response: { 200: QuarterlyReportView, ...errors },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const id = await generateReport(
          deps.db,
          actor,
          request.params.id,
          request.body.period,
          deps.now(),
        );
        return getReport(deps.db, actor, id);
      },
    );
    app.post(
      '/funds/:id/quarterly-reports/submit',
      {
        schema: {
          tags: ['quarterly reports'],
          summary: '提交季报（数据从账簿重新生成并冻结）',
          params: FundParam,
          body: ReportPeriodBody,
          response: { 200: QuarterlyReportView, ...errors },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const id = await submitReport(
          deps.db,
          actor,
          request.params.id,
          request.body.period,
          deps.now(),
        );
        return getReport(deps.db, actor, id);
      },
    );
    app.get(
      '/quarterly-reports/:reportId',
      {
        schema: {
          tags: ['quarterly reports'],
          summary: '季报详情（快照数据、流转记录、解锁申请）',
          params: ReportIdParam,
          response: { 200: QuarterlyReportView, 404: ErrorBody },
        },
      },
      async (request) => getReport(deps.db, actorOf(request), request.params.reportId),
    );
    app.post(
      '/quarterly-reports/:reportId/decision',
      {
        schema: {
          tags: ['quarterly reports'],
          summary: '区县审核：通过、退回（须写理由）、锁定',
          params: ReportIdParam,
          body: ReportDecisionBody,
          response: { 200: QuarterlyReportView, ...errors },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await decideReport(deps.db, actor, request.params.reportId, request.body, deps.now());
        return getReport(deps.db, actor, request.params.reportId);
      },
    );
    app.post(
      '/quarterly-reports/:reportId/unlock-requests',
      {
        schema: {
          tags: ['quarterly reports'],
          summary: '申请解锁已锁定的季报（须写理由）',
          params: ReportIdParam,
          body: UnlockRequestBody,
          response: { 201: z.object({ id: z.number().int() }), ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send({
          id: await requestUnlock(
            deps.db,
            actorOf(request),
            request.params.reportId,
            request.body.reason,
          ),
        }),
    );
    app.post(
      '/quarterly-reports/:reportId/unlock-decision',
      {
        schema: {
          tags: ['quarterly reports'],
          summary: '区县审批解锁申请',
          params: ReportIdParam,
          body: UnlockDecisionBody,
          response: { 200: QuarterlyReportView, ...errors },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await decideUnlock(deps.db, actor, request.params.reportId, request.body, deps.now());
        return getReport(deps.db, actor, request.params.reportId);
      },
    );
    app.get(
      '/report-status',
      {
        schema: {
          tags: ['quarterly reports'],
          summary: '季报报送情况（逾期、未报）',
          querystring: StatusBoardQuery,
          response: { 200: StatusBoard, ...errors },
        },
      },
      async (request) =>
        reportStatusBoard(
          deps.db,
          actorOf(request),
          request.query.regionId,
          request.query.period,
          deps.now(),
        ),
    );
  };
}
