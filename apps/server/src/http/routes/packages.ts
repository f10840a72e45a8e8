import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ErrorBody,
  IdParam,
  MAX_PACKAGE_BYTES,
  PackageImportResult,
  ReportPackageImportResult,
  ReportPackageQuery,
} from '@huzhu/contract';
import { exportFundInScope } from '../../app/package/export-fund.js';
import { importFundPackage } from '../../app/package/import-fund.js';
import { exportReportPackage, importReportPackage } from '../../app/monitoring/report-package.js';
import { attachmentHeader } from '../../export/xlsx.js';
import { actorOf, type AppDeps } from '../context.js';

/**
 * Fund data packages (download one fund's books, import a package) and report packages (a
 * village without network sends its books with the quarter's report; the township or county
 * imports both).
 */
export function packageRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/funds/:id/package',
      {
        schema: {
          tags: ['packages'],
          summary: '下载互助社数据包（JSON，含校验和）',
          params: IdParam,
          response: {
            200: z.unknown().describe('数据包（见 docs/package-format.md）'),
            404: ErrorBody,
          },
        },
      },
      async (request, reply) => {
        const doc = await exportFundInScope(
          deps.db,
          actorOf(request),
          request.params.id,
          deps.now(),
        );
        const date = doc.exportedAt.slice(0, 10);
        return reply
          .type('application/json; charset=utf-8')
          .header(
            'content-disposition',
            attachmentHeader(
              `${doc.content.fund.name}_${doc.content.fund.code}_数据包_${date}.json`,
            ),
          )
          .send(doc);
      },
    );
    app.post(
      '/packages/import',
      {
        bodyLimit: MAX_PACKAGE_BYTES,
        schema: {
          tags: ['packages'],
          summary: '导入互助社数据包（先全部校验，全部通过才一次性写入）',
          description:
            '请求体为数据包 JSON。有任何问题时返回 package_invalid，details.problems 列出全部问题，不写入任何记录。' +
            '同一数据包再次导入返回 unchanged。本系统已有该社时：账簿是数据包账簿的较早状态则补入新记录（updated）；' +
            '数据包比账簿旧返回 package_older_than_books；历史不一致返回 package_diverged（列出不同的记录）；' +
            '历史相同而当前数据不同返回 package_conflict。',
          body: z.unknown(),
          response: {
            200: PackageImportResult,
            201: PackageImportResult,
            400: ErrorBody,
            403: ErrorBody,
            409: ErrorBody,
          },
        },
      },
      async (request, reply) => {
        const result = await importFundPackage(deps.db, request.body, actorOf(request));
        return reply.status(result.status === 'imported' ? 201 : 200).send(result);
      },
    );
    app.get(
      '/funds/:id/quarterly-reports/package',
      {
        schema: {
          tags: ['packages', 'quarterly reports'],
          summary: '下载季报数据包（数据包 + 由账簿生成的季报，含校验和）',
          params: IdParam,
          querystring: ReportPackageQuery,
          response: {
            200: z.unknown().describe('季报数据包（见 docs/package-format.md）'),
            400: ErrorBody,
            403: ErrorBody,
            404: ErrorBody,
          },
        },
      },
      async (request, reply) => {
        const doc = await exportReportPackage(
          deps.db,
          actorOf(request),
          request.params.id,
          request.query.period,
          deps.now(),
        );
        const { fund } = doc.fundPackage.content;
        return reply
          .type('application/json; charset=utf-8')
          .header(
            'content-disposition',
            attachmentHeader(`${fund.name}_${fund.code}_季报数据包_${doc.period}.json`),
          )
          .send(doc);
      },
    );
    app.post(
      '/report-packages/import',
      {
        bodyLimit: MAX_PACKAGE_BYTES,
        schema: {
          tags: ['packages', 'quarterly reports'],
          summary: '导入季报数据包（乡镇或区县：导入或补入账簿，季报由账簿核对后记为已提交）',
          description:
            '请求体为季报数据包 JSON。账簿按数据包导入规则导入或补入；季报数据须与导入后账簿重新计算的结果一致，' +
            '否则返回 report_package_inconsistent 并全部回滚。同一季报数据包再次导入返回 unchanged。',
          body: z.unknown(),
          response: {
            200: ReportPackageImportResult,
            201: ReportPackageImportResult,
            400: ErrorBody,
            403: ErrorBody,
            404: ErrorBody,
            409: ErrorBody,
          },
        },
      },
      async (request, reply) => {
        const result = await importReportPackage(
          deps.db,
          actorOf(request),
          request.body,
          deps.now(),
        );
        return reply.status(result.status === 'imported' ? 201 : 200).send(result);
      },
    );
  };
}
