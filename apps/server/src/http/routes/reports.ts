import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ErrorBody,
  IdParam,
  PublicNoticeQuery,
  ReportModelBody,
  ReportParams,
  ReportQuery,
  VoucherPrintParams,
  XLSX_CONTENT_TYPE,
} from '@huzhu/contract';
import { buildReport } from '../../app/reports/build-report.js';
import { voucherPrintView } from '../../app/reports/voucher-print.js';
import { attachmentHeader, renderXlsx } from '../../export/xlsx.js';
import { renderReportHtml, renderVoucherHtml } from '../../export/print-html.js';
import { actorOf, type AppDeps } from '../context.js';

const HTML = 'text/html; charset=utf-8';

/**
 * Sends a body the route's JSON schema does not describe (a file or a page). Fastify sends a
 * Buffer, or a string with a non-JSON content type, as it is, without the JSON serializer.
 */
function sendRaw(reply: FastifyReply, contentType: string, body: Buffer | string): FastifyReply {
  return reply.type(contentType).send(body);
}

/** Reports (JSON model or .xlsx), the printable 公示, and the printable 记账凭证. */
export function reportRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/funds/:id/reports/:report',
      {
        schema: {
          tags: ['reports'],
          summary:
            '报表（科目余额表、资产负债表、业务活动表、日记账、借款台账、会员对账单、借款公示）',
          description:
            'format=json 返回报表模型（金额单位为分）；format=xlsx 返回 Excel 文件（金额单位为元）。' +
            '区间报表读 from/through（默认本月至今天），时点报表读 asOf（默认今天），会员对账单须给 memberId。',
          params: ReportParams,
          querystring: ReportQuery,
          response: { 200: ReportModelBody, 400: ErrorBody, 404: ErrorBody, 413: ErrorBody },
        },
      },
      async (request, reply) => {
        const { format, ...query } = request.query;
        const built = await buildReport(
          deps.db,
          actorOf(request),
          request.params.id,
          request.params.report,
          query,
          deps.now(),
        );
        if (format === 'json') return built.model;
        const file = await renderXlsx(built.model, { fundName: built.fund.name });
        reply.header('content-disposition', attachmentHeader(built.filename));
        return sendRaw(reply, XLSX_CONTENT_TYPE, file);
      },
    );
    app.get(
      '/funds/:id/reports/public-notice/print',
      {
        schema: {
          tags: ['reports'],
          summary: '借款公示（打印页）',
          params: IdParam,
          querystring: PublicNoticeQuery,
          response: { 400: ErrorBody, 404: ErrorBody },
        },
      },
      async (request, reply) => {
        const built = await buildReport(
          deps.db,
          actorOf(request),
          request.params.id,
          'public-notice',
          request.query,
          deps.now(),
        );
        const html = renderReportHtml(built.model, {
          fundName: built.fund.name,
          signatures: [
            `${built.fund.name}理事会（盖章）`,
            `监事会（盖章）`,
            `日期：${built.period.asOf}`,
          ],
        });
        return sendRaw(reply, HTML, html);
      },
    );
    app.get(
      '/funds/:id/vouchers/:voucherId/print',
      {
        schema: {
          tags: ['reports'],
          summary: '记账凭证（打印页，含大写金额）',
          params: VoucherPrintParams,
          response: { 400: ErrorBody, 404: ErrorBody },
        },
      },
      async (request, reply) => {
        const view = await voucherPrintView(
          deps.db,
          actorOf(request),
          request.params.id,
          request.params.voucherId,
        );
        return sendRaw(reply, HTML, renderVoucherHtml(view));
      },
    );
  };
}
