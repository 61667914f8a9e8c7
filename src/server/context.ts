import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Engine } from '../engine.js';
import { hashKey } from '../store/identifiers.js';
import type { Role, Store } from '../store/types.js';
import type { ServerConfig } from './config.js';
import type { ApiError } from './errors.js';
import type { Intelligence } from './intelligence.js';
import type { KeyVerifier } from './keys.js';
import type { Metrics } from './metrics.js';

/** What every route plugin gets. */
export interface Ctx {
  store: Store;
  engine: Engine;
  config: ServerConfig;
  metrics: Metrics;
  intel: Intelligence;
  keys: KeyVerifier;
  /**
   * Counts `extra` more requests against the caller's per-key rate limit (a batch of n items costs n; its request
   * was counted on the way in). Over the limit: the error to throw, with Retry-After set, and nothing counted.
   */
  chargeRequests: (req: FastifyRequest, reply: FastifyReply, extra: number) => ApiError | null;
}

export interface Auth {
  role: Role;
  /** The API key id, or null for unauthenticated public access. */
  keyId: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: Auth | null;
  }
  interface FastifyContextConfig {
    /** The least role a route needs; routes without one are open (health, docs, web app). */
    role?: Role;
  }
}

/** Who a report or feedback comes from: the key id, or a salted hash of the address (never the address). */
export async function reporterOf(req: FastifyRequest, ctx: Ctx): Promise<string> {
  if (req.auth?.keyId) return req.auth.keyId;
  return `ip_${hashKey(await ctx.store.salt(), `ip:${req.ip}`).slice(0, 22)}`;
}
