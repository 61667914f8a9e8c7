/** Admin: API keys (create — shown once —, list, revoke). */
import type { FastifyInstance } from 'fastify';
import { ROLES, type Role } from '../../store/types.js';
import type { Ctx } from '../context.js';
import { ApiError } from '../errors.js';
import { createApiKey } from '../keys.js';
import { errorResponses, keySchema } from '../schemas.js';

export async function adminRoutes(app: FastifyInstance, ctx: Ctx): Promise<void> {
  const security = [{ apiKey: [] }];
  app.post<{ Body: { role: Role; name?: string } }>(
    '/v1/keys',
    {
      config: { role: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'Create an API key (admin); the key is shown only in this answer',
        security,
        body: {
          type: 'object',
          required: ['role'],
          additionalProperties: false,
          properties: { role: { type: 'string', enum: [...ROLES] }, name: { type: 'string', maxLength: 100 } },
        },
        response: { 201: { type: 'object', properties: { ...keySchema.properties, key: { type: 'string' } } }, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { key, record } = await createApiKey(ctx.store, req.body.role, req.body.name ?? null);
      req.log.info({ keyId: record.id, role: record.role, by: req.auth?.keyId }, 'api key created');
      reply.code(201);
      return { ...record, key };
    },
  );

  app.get(
    '/v1/keys',
    {
      config: { role: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'List API keys (admin); hashes and keys are never shown',
        security,
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: keySchema } } }, ...errorResponses },
      },
    },
    async () => ({ items: await ctx.store.listApiKeys() }),
  );

  app.delete<{ Params: { id: string } }>(
    '/v1/keys/:id',
    {
      config: { role: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'Revoke an API key (admin)',
        security,
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } },
        response: { 200: { type: 'object', properties: { id: { type: 'string' }, revoked: { type: 'boolean' } } }, ...errorResponses },
      },
    },
    async (req) => {
      if (!(await ctx.store.revokeApiKey(req.params.id))) throw new ApiError('FZ_ERR_NOT_FOUND', `no active key ${req.params.id}`);
      ctx.keys.clear();
      req.log.info({ keyId: req.params.id, by: req.auth?.keyId }, 'api key revoked');
      return { id: req.params.id, revoked: true };
    },
  );
}
