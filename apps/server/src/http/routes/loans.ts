import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ApplyLoanBody,
  DisburseBody,
  ErrorBody,
  ExtendBody,
  FundParam,
  LoanDetail,
  LoanListQuery,
  LoanPage,
  LoanParam,
  LoanStepBody,
  MoneyResult,
  Quote,
  QuoteQuery,
  RepayBody,
  RepaymentResult,
  WriteOffBody,
} from '@huzhu/contract';
import {
  applyForLoan,
  disburseLoan,
  extendLoan,
  recordLoanStep,
  repayLoan,
  writeOffLoan,
} from '../../app/books/loans.js';
import { getLoan, listLoans, quoteLoan } from '../../app/books/loan-queries.js';
import { calendarDate } from '../../app/books/context.js';
import { actorOf, type AppDeps } from '../context.js';

export function loanRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
    app.get(
      '/funds/:id/loans',
      {
        schema: {
          tags: ['loans'],
          summary: '借款列表（贫困户申请优先）',
          params: FundParam,
          querystring: LoanListQuery,
          response: { 200: LoanPage, 404: ErrorBody },
        },
      },
      async (request) => {
        const result = await listLoans(deps.db, actorOf(request), request.params.id, request.query);
        return { ...result, page: request.query.page, pageSize: request.query.pageSize };
      },
    );
    app.post(
      '/funds/:id/loans',
      {
        schema: {
          tags: ['loans'],
          summary: '借款申请（逐项检查借款条件）',
          params: FundParam,
          body: ApplyLoanBody,
          response: { 201: LoanDetail, ...errors },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const id = await applyForLoan(deps.db, actor, request.params.id, request.body, deps.now());
        return reply.status(201).send(await getLoan(deps.db, actor, request.params.id, id));
      },
    );
    app.get(
      '/funds/:id/loans/:loanId',
      {
        schema: {
          tags: ['loans'],
          summary: '借款详情（审批步骤、还款记录）',
          params: LoanParam,
          response: { 200: LoanDetail, 404: ErrorBody },
        },
      },
      async (request) =>
        getLoan(deps.db, actorOf(request), request.params.id, request.params.loanId),
    );
    app.post(
      '/funds/:id/loans/:loanId/steps',
      {
        schema: {
          tags: ['loans'],
          summary: '审批步骤：联保小组意见、理事会审批、监事会审查、公示、签合同、驳回',
          params: LoanParam,
          body: LoanStepBody,
          response: { 200: LoanDetail, ...errors },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await recordLoanStep(
          deps.db,
          actor,
          request.params.id,
          request.params.loanId,
          request.body,
          deps.now(),
        );
        return getLoan(deps.db, actor, request.params.id, request.params.loanId);
      },
    );
    app.post(
      '/funds/:id/loans/:loanId/disburse',
      {
        schema: {
          tags: ['loans'],
          summary: '放款（再次检查借款条件）',
          params: LoanParam,
          body: DisburseBody,
          response: { 200: MoneyResult, ...errors },
        },
      },
      async (request) =>
        disburseLoan(
          deps.db,
          actorOf(request),
          request.params.id,
          request.params.loanId,
          request.body,
          deps.now(),
        ),
    );
    app.get(
      '/funds/:id/loans/:loanId/quote',
      {
        schema: {
          tags: ['loans'],
          summary: '还款试算',
          params: LoanParam,
          querystring: QuoteQuery,
          response: { 200: Quote, ...errors },
        },
      },
      async (request) =>
        quoteLoan(
          deps.db,
          actorOf(request),
          request.params.id,
          request.params.loanId,
          calendarDate(request.query.on, 'on'),
        ),
    );
    app.post(
      '/funds/:id/loans/:loanId/repayments',
      {
        schema: {
          tags: ['loans'],
          summary: '还款（先逾期占用费，再占用费，后本金）',
          params: LoanParam,
          body: RepayBody,
          response: { 200: RepaymentResult, ...errors },
        },
      },
      async (request) =>
        repayLoan(
          deps.db,
          actorOf(request),
          request.params.id,
          request.params.loanId,
          request.body,
          deps.now(),
        ),
    );
    app.post(
      '/funds/:id/loans/:loanId/extend',
      {
        schema: {
          tags: ['loans'],
          summary: '展期（理事会批准，到期前，限一次）',
          params: LoanParam,
          body: ExtendBody,
          response: { 200: LoanDetail, ...errors },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await extendLoan(
          deps.db,
          actor,
          request.params.id,
          request.params.loanId,
          request.body,
          deps.now(),
        );
        return getLoan(deps.db, actor, request.params.id, request.params.loanId);
      },
    );
    app.post(
      '/funds/:id/loans/:loanId/write-off',
      {
        schema: {
          tags: ['loans'],
          summary: '核销（须会员大会决议）',
          params: LoanParam,
          body: WriteOffBody,
          response: { 200: MoneyResult, ...errors },
        },
      },
      async (request) =>
        writeOffLoan(
          deps.db,
          actorOf(request),
          request.params.id,
          request.params.loanId,
          request.body,
          deps.now(),
        ),
    );
  };
}
