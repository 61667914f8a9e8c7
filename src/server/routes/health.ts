/** /healthz (the process answers), /readyz (the database answers), /metrics (Prometheus text). */
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../context.js';
import { ApiError } from '../errors.js';

export async function healthRoutes(app: FastifyInstance, ctx: Ctx): Promise<void> {
  app.get('/healthz', { schema: { tags: ['ops'], summary: 'Liveness' } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { tags: ['ops'], summary: 'Readiness: the database answers' } }, async (req) => {
    try {
      await ctx.store.ping();
    } catch (err) {
      req.log.warn({ err }, 'readiness check failed');
      throw new ApiError('FZ_ERR_UNAVAILABLE');
    }
    return { status: 'ready', store: ctx.store.dialect };
  });
  app.get('/metrics', { schema: { tags: ['ops'], summary: 'Prometheus metrics' } }, async (_req, reply) =>
    reply.type('text/plain; version=0.0.4; charset=utf-8').send(ctx.metrics.render()),
  );
}
