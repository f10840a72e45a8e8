import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { EvaluationScheme } from '@huzhu/domain';
import {
  ApproveRunBody,
  CloseRectificationBody,
  CreateSchemeBody,
  ErrorBody,
  EvaluationRunView,
  FundEvaluationHistory,
  FundParam,
  ManualScoresBody,
  RunFundParam,
  RunList,
  RunListQuery,
  RunParam,
  SchemeList,
  StartRunBody,
  TaskParam,
} from '@huzhu/contract';
import {
  approveRun,
  closeRectification,
  createScheme,
  enterManualScores,
  fundEvaluationHistory,
  getRun,
  listRuns,
  listSchemes,
  startRun,
} from '../../app/programme/evaluation.js';
import { actorOf, type AppDeps } from '../context.js';

export function evaluationRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
    app.get(
      '/evaluation/schemes',
      {
        schema: {
          tags: ['evaluation'],
          summary: '考评方案（含默认方案）',
          response: { 200: SchemeList },
        },
      },
      async (request) => listSchemes(deps.db, actorOf(request)),
    );
    app.post(
      '/evaluation/schemes',
      {
        schema: {
          tags: ['evaluation'],
          summary: '新增考评方案（权重之和须为 100）',
          body: CreateSchemeBody,
          response: { 201: z.object({ id: z.number().int() }), ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send({
          id: await createScheme(deps.db, actorOf(request), {
            name: request.body.name,
            scheme: request.body.scheme as unknown as EvaluationScheme,
          }),
        }),
    );
    app.post(
      '/evaluation/runs',
      {
        schema: {
          tags: ['evaluation'],
          summary: '开展年度考评（自动指标从账簿计算）',
          body: StartRunBody,
          response: { 201: EvaluationRunView, ...errors },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const id = await startRun(deps.db, actor, request.body, deps.now());
        return reply.status(201).send(await getRun(deps.db, actor, id));
      },
    );
    app.get(
      '/evaluation/runs',
      {
        schema: {
          tags: ['evaluation'],
          summary: '考评批次列表',
          querystring: RunListQuery,
          response: { 200: RunList },
        },
      },
      async (request) => listRuns(deps.db, actorOf(request), request.query.year),
    );
    app.get(
      '/evaluation/runs/:runId',
      {
        schema: {
          tags: ['evaluation'],
          summary: '考评结果：得分、等级、排名、建议处理',
          params: RunParam,
          response: { 200: EvaluationRunView, 404: ErrorBody },
        },
      },
      async (request) => getRun(deps.db, actorOf(request), request.params.runId),
    );
    app.put(
      '/evaluation/runs/:runId/funds/:fundId/manual',
      {
        schema: {
          tags: ['evaluation'],
          summary: '录入人工评分项（须有依据）',
          params: RunFundParam,
          body: ManualScoresBody,
          response: { 200: EvaluationRunView, ...errors },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await enterManualScores(
          deps.db,
          actor,
          request.params.runId,
          request.params.fundId,
          request.body,
        );
        return getRun(deps.db, actor, request.params.runId);
      },
    );
    app.post(
      '/evaluation/runs/:runId/approve',
      {
        schema: {
          tags: ['evaluation'],
          summary: '市级审定考评结果（奖励候选、限期整改、退出）',
          params: RunParam,
          body: ApproveRunBody,
          response: { 200: EvaluationRunView, ...errors },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await approveRun(deps.db, actor, request.params.runId, request.body, deps.now());
        return getRun(deps.db, actor, request.params.runId);
      },
    );
    app.get(
      '/funds/:id/evaluations',
      {
        schema: {
          tags: ['evaluation'],
          summary: '互助社历年考评与整改',
          params: FundParam,
          response: { 200: FundEvaluationHistory, 404: ErrorBody },
        },
      },
      async (request) => fundEvaluationHistory(deps.db, actorOf(request), request.params.id),
    );
    app.post(
      '/rectifications/:taskId/close',
      {
        schema: {
          tags: ['evaluation'],
          summary: '整改完成（须有整改材料）',
          params: TaskParam,
          body: CloseRectificationBody,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await closeRectification(
          deps.db,
          actorOf(request),
          request.params.taskId,
          request.body,
          deps.now(),
        );
        return reply.status(204).send(null);
      },
    );
  };
}
