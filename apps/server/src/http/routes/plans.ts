import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AttachmentFormatQuery,
  ConfirmReceiptBody,
  ConfirmReceiptResult,
  ErrorBody,
  FundParam,
  PlanBody,
  PlanIssueResult,
  PlanList,
  PlanListQuery,
  PlanParam,
  PlanReceiptList,
  PlanReceiptParam,
  PlanTableBody,
  PlanView,
  XLSX_CONTENT_TYPE,
} from '@huzhu/contract';
import {
  createPlan,
  getPlan,
  issuePlan,
  listPlans,
  previewPlan,
  replacePlan,
} from '../../app/programme/plans.js';
import { confirmPlanReceipt, listPlanReceipts } from '../../app/programme/plan-receipts.js';
import { attachment1 } from '../../app/programme/attachment-1.js';
import { attachmentHeader, renderXlsx } from '../../export/xlsx.js';
import { actorOf, type AppDeps } from '../context.js';

/** Sends an .xlsx as it is: Fastify sends a Buffer without the route's JSON serializer. */
function sendFile(reply: FastifyReply, file: Buffer): FastifyReply {
  return reply.type(XLSX_CONTENT_TYPE).send(file);
}

/** Yearly plans (年度计划), their plan table (附件1), and the funds' receipts of plan money. */
export function planRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
    app.get(
      '/plans',
      {
        schema: {
          tags: ['programme'],
          summary: '年度计划列表',
          querystring: PlanListQuery,
          response: { 200: PlanList, 400: ErrorBody },
        },
      },
      async (request) => listPlans(deps.db, actorOf(request), request.query.year),
    );
    app.post(
      '/plans',
      {
        schema: {
          tags: ['programme'],
          summary: '新建年度计划（草稿）',
          description:
            '市级录入：预算（按资金来源）与分配（按区县、村、类别、来源）。有任何问题（超预算、来源不明、' +
            '一村两次、村无互助社、超过50万元累计上限等）即拒绝并列出全部问题（details.problems），不写入；' +
            '未分配的结余不是问题，在核对结果中列出。',
          body: PlanBody,
          response: { 201: PlanView, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createPlan(deps.db, actorOf(request), request.body, deps.now())),
    );
    app.post(
      '/plans/preview',
      {
        schema: {
          tags: ['programme'],
          summary: '核对年度计划（不保存）',
          body: PlanBody,
          response: { 200: PlanView, ...errors },
        },
      },
      async (request) => previewPlan(deps.db, actorOf(request), request.body, deps.now()),
    );
    app.get(
      '/plans/:planId',
      {
        schema: {
          tags: ['programme'],
          summary: '年度计划及其核对结果（按来源、区县、类别）与问题',
          params: PlanParam,
          response: { 200: PlanView, 404: ErrorBody },
        },
      },
      async (request) => getPlan(deps.db, actorOf(request), request.params.planId),
    );
    app.put(
      '/plans/:planId',
      {
        schema: {
          tags: ['programme'],
          summary: '修改年度计划草稿',
          params: PlanParam,
          body: PlanBody,
          response: { 200: PlanView, ...errors },
        },
      },
      async (request) =>
        replacePlan(deps.db, actorOf(request), request.params.planId, request.body, deps.now()),
    );
    app.post(
      '/plans/:planId/issue',
      {
        schema: {
          tags: ['programme'],
          summary: '下达年度计划',
          description:
            '按当日账簿重新核对；有问题即拒绝且不写入。下达后为每个有互助社的村级分配生成到位确认。',
          params: PlanParam,
          response: { 200: PlanIssueResult, ...errors },
        },
      },
      async (request) => issuePlan(deps.db, actorOf(request), request.params.planId, deps.now()),
    );
    app.get(
      '/plans/:planId/attachment-1',
      {
        schema: {
          tags: ['programme'],
          summary: '附件1 计划表（按区县；金额单位万元）',
          description:
            'format=json 返回表格模型（金额单位为分，moneyUnit 指明按万元打印）；format=xlsx 返回 Excel。',
          params: PlanParam,
          querystring: AttachmentFormatQuery,
          response: { 200: PlanTableBody, 400: ErrorBody, 404: ErrorBody },
        },
      },
      async (request, reply) => {
        const built = await attachment1(deps.db, actorOf(request), request.params.planId);
        if (request.query.format === 'json') return built.model;
        const file = await renderXlsx(built.model, { fundName: '', sheetName: '附件1' });
        reply.header('content-disposition', attachmentHeader(built.filename));
        return sendFile(reply, file);
      },
    );
    app.get(
      '/funds/:id/plan-receipts',
      {
        schema: {
          tags: ['programme'],
          summary: '本社的计划资金（待确认与已到位）',
          params: FundParam,
          response: { 200: PlanReceiptList, 404: ErrorBody },
        },
      },
      async (request) => listPlanReceipts(deps.db, actorOf(request), request.params.id),
    );
    app.post(
      '/funds/:id/plan-receipts/:receiptId/confirm',
      {
        schema: {
          tags: ['programme'],
          summary: '确认计划资金到位（记账：借 银行存款，贷 政府补助收入）',
          params: PlanReceiptParam,
          body: ConfirmReceiptBody,
          response: { 200: ConfirmReceiptResult, ...errors },
        },
      },
      async (request) =>
        confirmPlanReceipt(
          deps.db,
          actorOf(request),
          request.params.id,
          request.params.receiptId,
          request.body,
          deps.now(),
        ),
    );
  };
}
