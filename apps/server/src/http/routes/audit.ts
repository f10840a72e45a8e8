import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditListQuery, AuditPage } from '@huzhu/contract';
import { listAudit } from '../../app/audit-log.js';
import { actorOf, type AppDeps } from '../context.js';

export function auditRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/audit',
      {
        schema: {
          tags: ['audit'],
          summary: '操作日志（限管辖范围）',
          querystring: AuditListQuery,
          response: { 200: AuditPage },
        },
      },
      async (request) => {
        const result = await listAudit(deps.db, actorOf(request), request.query);
        return { ...result, page: request.query.page, pageSize: request.query.pageSize };
      },
    );
  };
}
