import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AccountList,
  CashEventBody,
  CreateAccountBody,
  ErrorBody,
  FundParam,
  IntegrityReport,
  ManualVoucherBody,
  MoneyResult,
  PeriodList,
  PeriodParam,
  ReverseVoucherBody,
  VoucherListQuery,
  VoucherPage,
  VoucherParam,
  VoucherView,
  YearEndBody,
  YearEndResult,
} from '@huzhu/contract';
import { recordCashEvent } from '../../app/books/cash-events.js';
import { verifyFundIntegrity } from '../../app/books/integrity.js';
import { postManualVoucher, reverseVoucher } from '../../app/books/manual-vouchers.js';
import { closePeriod, closeYear, listPeriods } from '../../app/books/periods.js';
import {
  createAccount,
  getVoucher,
  listAccounts,
  listVouchers,
} from '../../app/books/vouchers-read.js';
import { actorOf, type AppDeps } from '../context.js';

export function ledgerRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
    app.get(
      '/funds/:id/accounts',
      {
        schema: {
          tags: ['ledger'],
          summary: '会计科目表',
          params: FundParam,
          response: { 200: AccountList, 404: ErrorBody },
        },
      },
      async (request) => listAccounts(deps.db, actorOf(request), request.params.id),
    );
    app.post(
      '/funds/:id/accounts',
      {
        schema: {
          tags: ['ledger'],
          summary: '增设明细科目',
          params: FundParam,
          body: CreateAccountBody,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await createAccount(deps.db, actorOf(request), request.params.id, request.body);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/funds/:id/vouchers',
      {
        schema: {
          tags: ['ledger'],
          summary: '记账凭证',
          params: FundParam,
          querystring: VoucherListQuery,
          response: { 200: VoucherPage, 404: ErrorBody },
        },
      },
      async (request) => {
        const result = await listVouchers(
          deps.db,
          actorOf(request),
          request.params.id,
          request.query,
        );
        return { ...result, page: request.query.page, pageSize: request.query.pageSize };
      },
    );
    app.post(
      '/funds/:id/vouchers',
      {
        schema: {
          tags: ['ledger'],
          summary: '手工凭证（借贷必须平衡）',
          params: FundParam,
          body: ManualVoucherBody,
          response: { 200: MoneyResult, ...errors },
        },
      },
      async (request) =>
        postManualVoucher(deps.db, actorOf(request), request.params.id, request.body, deps.now()),
    );
    app.get(
      '/funds/:id/vouchers/:voucherId',
      {
        schema: {
          tags: ['ledger'],
          summary: '凭证详情（含大写金额）',
          params: VoucherParam,
          response: { 200: VoucherView, 404: ErrorBody },
        },
      },
      async (request) =>
        getVoucher(deps.db, actorOf(request), request.params.id, request.params.voucherId),
    );
    app.post(
      '/funds/:id/vouchers/:voucherId/reverse',
      {
        schema: {
          tags: ['ledger'],
          summary: '红字冲销',
          params: VoucherParam,
          body: ReverseVoucherBody,
          response: { 200: MoneyResult, ...errors },
        },
      },
      async (request) =>
        reverseVoucher(
          deps.db,
          actorOf(request),
          request.params.id,
          request.params.voucherId,
          request.body,
          deps.now(),
        ),
    );
    app.post(
      '/funds/:id/cash-events',
      {
        schema: {
          tags: ['ledger'],
          summary: '资金收支：财政资金到账、捐赠、利息、费用、存取现',
          params: FundParam,
          body: CashEventBody,
          response: { 200: MoneyResult, ...errors },
        },
      },
      async (request) =>
        recordCashEvent(deps.db, actorOf(request), request.params.id, request.body, deps.now()),
    );
    app.get(
      '/funds/:id/periods',
      {
        schema: {
          tags: ['ledger'],
          summary: '会计期间（月）',
          params: FundParam,
          response: { 200: PeriodList, 404: ErrorBody },
        },
      },
      async (request) => listPeriods(deps.db, actorOf(request), request.params.id),
    );
    app.post(
      '/funds/:id/periods/:period/close',
      {
        schema: {
          tags: ['ledger'],
          summary: '月末结账',
          params: PeriodParam,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await closePeriod(
          deps.db,
          actorOf(request),
          request.params.id,
          request.params.period,
          deps.now(),
        );
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/funds/:id/year-end',
      {
        schema: {
          tags: ['ledger'],
          summary: '年终结转与收益分配',
          params: FundParam,
          body: YearEndBody,
          response: { 200: YearEndResult, ...errors },
        },
      },
      async (request) =>
        closeYear(deps.db, actorOf(request), request.params.id, request.body, deps.now()),
    );
    app.get(
      '/funds/:id/integrity',
      {
        schema: {
          tags: ['ledger'],
          summary: '账簿完整性核验（凭证封记链）',
          params: FundParam,
          response: { 200: IntegrityReport, 403: ErrorBody, 404: ErrorBody },
        },
      },
      async (request) => verifyFundIntegrity(deps.db, actorOf(request), request.params.id),
    );
  };
}
