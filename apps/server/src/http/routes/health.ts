import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppDeps } from '../context.js';

export function healthRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      {
        config: { public: true },
        schema: {
          tags: ['system'],
          summary: '健康检查',
          response: {
            200: z.object({
              status: z.literal('ok'),
              database: z.literal('ok'),
              schemaVersion: z.number().int(),
            }),
          },
        },
      },
      async () => {
        const row = await sql<{
          v: number | null;
        }>`SELECT max(version) AS v FROM schema_migration`.execute(deps.db);
        return {
          status: 'ok' as const,
          database: 'ok' as const,
          schemaVersion: row.rows[0]?.v ?? 0,
        };
      },
    );
  };
}
