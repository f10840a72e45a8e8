import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Database } from '../db/schema.js';
import type { Actor } from '../app/actor.js';
import { AppError } from '../app/errors.js';

export interface AppDeps {
  db: Kysely<Database>;
  config: Config;
  /** The clock is a port: tests pass their own. */
  now: () => Date;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    /** Routes open without a session (login, health, the OpenAPI document). */
    public?: boolean;
  }
}

/** The signed-in actor; every non-public route has one (the auth hook guarantees it). */
export function actorOf(request: FastifyRequest): Actor {
  if (request.actor === null) throw new AppError('auth_required');
  return request.actor;
}
