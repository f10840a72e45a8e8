import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DOCX_CONTENT_TYPE, ErrorBody, MonitoringReportDocument } from '@huzhu/contract';
import { buildAnnualSummary } from '../../app/programme/annual-summary.js';
import { renderMonitoringDocx } from '../../export/docx.js';
import { actorOf, type AppDeps } from '../context.js';
import { sendFile } from '../send-file.js';

const AnnualSummaryQuery = z.strictObject({
  regionId: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
  year: z.coerce.number().int().min(2000).max(2100),
  format: z.enum(['json', 'docx']).default('json'),
});

export function annualSummaryRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/annual-summary',
      {
        schema: {
          tags: ['programme'],
          summary: '年度工作总结（运行、发放回收、农户意见、典型案例），json 或 Word',
          querystring: AnnualSummaryQuery,
          produces: ['application/json', DOCX_CONTENT_TYPE],
          response: { 200: MonitoringReportDocument, 400: ErrorBody, 404: ErrorBody },
        },
      },
      async (request, reply) => {
        const document = await buildAnnualSummary(
          deps.db,
          actorOf(request),
          request.query.regionId,
          request.query.year,
          deps.now(),
        );
        if (request.query.format === 'json') return document;
        return sendFile(
          reply,
          DOCX_CONTENT_TYPE,
          `${document.title}.docx`,
          await renderMonitoringDocx(document),
        );
      },
    );
  };
}
