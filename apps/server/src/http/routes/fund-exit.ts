import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CloseFundBody,
  ErrorBody,
  ExitDecisionBody,
  ExitFinalCheck,
  ExitStatus,
  FundParam,
} from '@huzhu/contract';
import { closeFund, decideExit, exitStatus } from '../../app/programme/fund-exit.js';
import { actorOf, type AppDeps } from '../context.js';

export function fundExitRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
    app.get(
      '/funds/:id/exit',
      {
        schema: {
          tags: ['programme'],
          summary: '退出状态与清算核对结果',
          params: FundParam,
          response: { 200: ExitStatus, 404: ErrorBody },
        },
      },
      async (request) => exitStatus(deps.db, actorOf(request), request.params.id),
    );
    app.post(
      '/funds/:id/exit/decision',
      {
        schema: {
          tags: ['programme'],
          summary: '市级作出退出决定',
          params: FundParam,
          body: ExitDecisionBody,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await decideExit(deps.db, actorOf(request), request.params.id, request.body);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/funds/:id/exit/close',
      {
        schema: {
          tags: ['programme'],
          summary: '退出清算：退还会员互助金、上缴结余、关账并核对',
          params: FundParam,
          body: CloseFundBody,
          response: { 200: ExitFinalCheck, ...errors },
        },
      },
      async (request) =>
        closeFund(deps.db, actorOf(request), request.params.id, request.body, deps.now()),
    );
  };
}
