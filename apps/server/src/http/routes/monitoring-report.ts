import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  DOCX_CONTENT_TYPE,
  ErrorBody,
  IndicatorTableQuery,
  MonitoringReportDocument,
  MonitoringReportQuery,
  ReportModelBody,
  XLSX_CONTENT_TYPE,
} from '@huzhu/contract';
import {
  buildMonitoringReport,
  monitoringReportFilename,
} from '../../app/monitoring/monitoring-report.js';
import { buildIndicatorTable } from '../../app/monitoring/monitoring-table.js';
import { renderMonitoringDocx } from '../../export/docx.js';
import { renderXlsx } from '../../export/xlsx.js';
import { sendFile } from '../send-file.js';
import { actorOf, type AppDeps } from '../context.js';

/** 季度监测报告 (json model or .docx) and the indicator table (json model or .xlsx). */
export function monitoringReportRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/monitoring-report',
      {
        schema: {
          tags: ['monitoring'],
          summary: '季度监测报告（区县、市）',
          description:
            '期间须为已结束的季度。format=json 返回报告模型（金额单位为分，与 /indicators 的数字相同）；' +
            'format=docx 返回 Word 文件。source=snapshot 时数据取自已报送的季报。',
          querystring: MonitoringReportQuery,
          response: { 200: MonitoringReportDocument, 400: ErrorBody, 404: ErrorBody },
        },
      },
      async (request, reply) => {
        const { regionId, period, source, format } = request.query;
        const document = await buildMonitoringReport(deps.db, actorOf(request), regionId, period, {
          source,
          now: deps.now(),
        });
        if (format === 'json') return document;
        return sendFile(
          reply,
          DOCX_CONTENT_TYPE,
          monitoringReportFilename(document),
          await renderMonitoringDocx(document),
        );
      },
    );
    app.get(
      '/indicators/table',
      {
        schema: {
          tags: ['monitoring'],
          summary: '监测指标表（下级区域或互助社逐行，全部指标，含合计行）',
          description:
            'format=json 返回报表模型（金额单位为分，比率给出分子与分母）；format=xlsx 返回 Excel 文件（金额单位为元）。',
          querystring: IndicatorTableQuery,
          response: { 200: ReportModelBody, 400: ErrorBody, 404: ErrorBody },
        },
      },
      async (request, reply) => {
        const { regionId, period, source, format } = request.query;
        const built = await buildIndicatorTable(
          deps.db,
          actorOf(request),
          regionId,
          period,
          source,
        );
        if (format === 'json') return built.model;
        return sendFile(
          reply,
          XLSX_CONTENT_TYPE,
          built.filename,
          await renderXlsx(built.model, { fundName: built.regionName, sheetName: '监测指标' }),
        );
      },
    );
  };
}
