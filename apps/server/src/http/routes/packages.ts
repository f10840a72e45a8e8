import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody, IdParam, MAX_PACKAGE_BYTES, PackageImportResult } from '@huzhu/contract';
import { exportFundInScope } from '../../app/package/export-fund.js';
import { importFundPackage } from '../../app/package/import-fund.js';
import { attachmentHeader } from '../../export/xlsx.js';
import { actorOf, type AppDeps } from '../context.js';

/** Fund data packages: download one fund's books, import a package. */
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
            '同一数据包再次导入返回 unchanged；本系统已有该社而数据不同时返回 package_conflict。',
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
  };
}
