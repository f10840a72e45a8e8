import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { API_PREFIX } from '@huzhu/contract';
import type { AppDeps } from './context.js';
import { handleError } from './errors.js';
import { AppError } from '../app/errors.js';
import { registerSessionHook } from './session-hook.js';
import { clientErrorHandler, registerJsonDepthLimit } from './request-limits.js';
import { authRoutes } from './routes/auth.js';
import { regionRoutes } from './routes/regions.js';
import { userRoutes } from './routes/users.js';
import { fundRoutes } from './routes/funds.js';
import { auditRoutes } from './routes/audit.js';
import { healthRoutes } from './routes/health.js';
import { reportRoutes } from './routes/reports.js';
import { packageRoutes } from './routes/packages.js';
import { indicatorRoutes } from './routes/indicators.js';
import { quarterlyReportRoutes } from './routes/quarterly-reports.js';
import { warningRoutes } from './routes/warnings.js';
import { monitoringReportRoutes } from './routes/monitoring-report.js';
import { fundExitRoutes } from './routes/fund-exit.js';
import { programmeRecordRoutes } from './routes/programme-records.js';
import { evaluationRoutes } from './routes/evaluation.js';
import { annualSummaryRoutes } from './routes/annual-summary.js';
import { fundSetupRoutes } from './routes/fund-setup.js';
import { memberRoutes } from './routes/members.js';
import { loanRoutes } from './routes/loans.js';
import { ledgerRoutes } from './routes/ledger.js';
import { planRoutes } from './routes/plans.js';
import { selectionRoutes } from './routes/selection.js';

export interface RouteEntry {
  method: string;
  url: string;
  public: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered, for the scope and bad-input tests that walk the whole table. */
    routeTable: RouteEntry[];
  }
}

/** Whether a parsed request part holds a NUL character anywhere. */
function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(containsNul);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(
      ([key, inner]) => key.includes('\u0000') || containsNul(inner),
    );
  }
  return false;
}

/** Every route module of the API, in one list: the route table the scope tests walk. */
export const ROUTE_MODULES = [
  healthRoutes,
  authRoutes,
  regionRoutes,
  userRoutes,
  fundRoutes,
  auditRoutes,
  fundSetupRoutes,
  memberRoutes,
  loanRoutes,
  ledgerRoutes,
  reportRoutes,
  packageRoutes,
  indicatorRoutes,
  quarterlyReportRoutes,
  warningRoutes,
  fundExitRoutes,
  programmeRecordRoutes,
  evaluationRoutes,
  annualSummaryRoutes,
  monitoringReportRoutes,
  planRoutes,
  selectionRoutes,
];

/** Builds the HTTP application: the API under /api/v1, its OpenAPI document, and the web app. */
export async function buildApp(
  deps: AppDeps,
  options: { logger?: boolean } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === true ? { level: deps.config.logLevel } : false,
    bodyLimit: 1024 * 1024,
    trustProxy: false,
    ajv: { customOptions: { coerceTypes: false } },
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  registerJsonDepthLimit(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method !== 'HEAD')
        routeTable.push({ method, url: route.url, public: route.config?.public === true });
    }
  });
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Huzhu 村级互助资金管理系统 API',
        version: '1.0.0',
        description: '金额单位为分（整数）；日期为 YYYY-MM-DD。',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'huzhu_session' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // PostgreSQL text cannot hold NUL: refuse it up front with a named code instead of a 500.
  app.addHook('preValidation', async (request) => {
    if (containsNul(request.body) || containsNul(request.query) || containsNul(request.params)) {
      throw new AppError('text_invalid_character');
    }
  });
  registerSessionHook(app, deps);
  await app.register(
    async (api) => {
      for (const routes of ROUTE_MODULES) await api.register(routes(deps));
      api.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, () =>
        app.swagger(),
      );
    },
    { prefix: API_PREFIX },
  );
  const webDist = deps.config.webDist;
  const hasWeb = existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !hasWeb || request.method !== 'GET') {
      void reply
        .status(404)
        .send({ code: 'route_not_found', message: '接口不存在', details: { url: request.url } });
      return;
    }
    void reply.sendFile('index.html');
  });
  return app;
}
