import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateRegionBody,
  ErrorBody,
  IdParam,
  Region,
  RegionImportBody,
  RegionImportResult,
  RegionListQuery,
  RegionPage,
} from '@huzhu/contract';
import { createRegion, getRegion, importRegions, listRegions } from '../../app/regions.js';
import { readRegionFile } from '../../app/region-file.js';
import { actorOf, type AppDeps } from '../context.js';

export function regionRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/regions',
      {
        schema: {
          tags: ['regions'],
          summary: '区划列表（限本人管辖范围）',
          description: '不带 parentId 时返回本人所属区划节点；带 parentId 时返回其下级。',
          querystring: RegionListQuery,
          response: { 200: RegionPage },
        },
      },
      async (request) => {
        const result = await listRegions(deps.db, actorOf(request), request.query);
        return { ...result, page: request.query.page, pageSize: request.query.pageSize };
      },
    );
    app.get(
      '/regions/:id',
      {
        schema: {
          tags: ['regions'],
          summary: '区划详情',
          params: IdParam,
          response: { 200: Region, 404: ErrorBody },
        },
      },
      async (request) => getRegion(deps.db, actorOf(request), request.params.id),
    );
    app.post(
      '/regions',
      {
        schema: {
          tags: ['regions'],
          summary: '新增区划',
          body: CreateRegionBody,
          response: { 201: Region, 400: ErrorBody, 409: ErrorBody },
        },
      },
      async (request, reply) => {
        const region = await createRegion(deps.db, actorOf(request), request.body);
        return reply.status(201).send(region);
      },
    );
    app.post(
      '/regions/import',
      {
        bodyLimit: 30 * 1024 * 1024,
        schema: {
          tags: ['regions'],
          summary: '导入区划（CSV 或 xlsx，全部成功或全部不导入）',
          body: RegionImportBody,
          response: { 200: RegionImportResult, 400: ErrorBody },
        },
      },
      async (request) => {
        const rows = await readRegionFile(
          request.body.filename,
          Buffer.from(request.body.contentBase64, 'base64'),
        );
        return importRegions(deps.db, actorOf(request), rows);
      },
    );
  };
}
