import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  Attachment2Query,
  CandidateBody,
  CandidateList,
  CandidateQuery,
  CandidateView,
  ErrorBody,
  ReportModelBody,
  XLSX_CONTENT_TYPE,
} from '@huzhu/contract';
import { listCandidates, submitCandidate } from '../../app/programme/selection.js';
import { attachment2 } from '../../app/programme/attachment-2.js';
import { attachmentHeader, renderXlsx } from '../../export/xlsx.js';
import { actorOf, type AppDeps } from '../context.js';

/** Sends an .xlsx as it is: Fastify sends a Buffer without the route's JSON serializer. */
function sendFile(reply: FastifyReply, file: Buffer): FastifyReply {
  return reply.type(XLSX_CONTENT_TYPE).send(file);
}

/** Selection of new pilot and reward-and-expand villages, and the statistics table (附件2). */
export function selectionRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/selection/candidates',
      {
        schema: {
          tags: ['programme'],
          summary: '区县申报候选村（新启动试点村 / 奖励扩大规模试点村）',
          description:
            '新启动试点村填写条件清单与竞争评分（0–100）；奖励扩大规模试点村按参照日的账簿审核条件' +
            '（登记注册、借款满一年、无逾期、无损失、累计财政投入不超过50万元），逐条说明。',
          body: CandidateBody,
          response: { 201: CandidateView, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await submitCandidate(deps.db, actorOf(request), request.body, deps.now())),
    );
    app.get(
      '/selection/candidates',
      {
        schema: {
          tags: ['programme'],
          summary: '候选村、审核结果与排序',
          querystring: CandidateQuery,
          response: { 200: CandidateList, 400: ErrorBody, 404: ErrorBody },
        },
      },
      async (request) => listCandidates(deps.db, actorOf(request), request.query),
    );
    app.get(
      '/selection/attachment-2',
      {
        schema: {
          tags: ['programme'],
          summary: '附件2 奖励村和新启动试点村统计表',
          description:
            'format=json 返回报表模型（金额单位为分）；format=xlsx 返回 Excel（金额单位为元）。',
          querystring: Attachment2Query,
          response: { 200: ReportModelBody, 400: ErrorBody, 404: ErrorBody },
        },
      },
      async (request, reply) => {
        const { format, ...query } = request.query;
        const built = await attachment2(deps.db, actorOf(request), query, deps.now());
        if (format === 'json') return built.model;
        const file = await renderXlsx(built.model, {
          fundName: built.regionName,
          sheetName: '附件2',
        });
        reply.header('content-disposition', attachmentHeader(built.filename));
        return sendFile(reply, file);
      },
    );
  };
}
