import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppDeps } from '../context.js';
import { isDatabaseUnavailable } from '../../db/connect.js';

export function healthRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      {
        config: { public: true },
        schema: {
          tags: ['system'],
          summary: '健康检查（数据库不可用时答 503）',
          response: {
            200: z.object({
              status: z.literal('ok'),
              database: z.literal('up'),
              schemaVersion: z.number().int(),
            }),
            503: z.object({
              status: z.literal('unavailable'),
              database: z.literal('down'),
              code: z.literal('database_unavailable'),
            }),
          },
        },
      },
      async (_request, reply) => {
        try {
          const row = await sql<{
            v: number | null;
          }>`SELECT max(version) AS v FROM schema_migration`.execute(deps.db);
          return {
            status: 'ok' as const,
            database: 'up' as const,
            schemaVersion: row.rows[0]?.v ?? 0,
          };
        } catch (error) {
          if (!isDatabaseUnavailable(error)) throw error;
          return reply.status(503).send({
            status: 'unavailable' as const,
            database: 'down' as const,
            code: 'database_unavailable' as const,
          });
        }
      },
    );
  };
}
