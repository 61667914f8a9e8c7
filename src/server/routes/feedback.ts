/** POST /v1/feedback ("this was wrong") and the analyst's GET /v1/feedback. */
import type { FastifyInstance } from 'fastify';
import { hashKey } from '../../store/identifiers.js';
import { maskText } from '../../store/privacy.js';
import type { FeedbackKind } from '../../store/types.js';
import { reporterOf, type Ctx } from '../context.js';
import { ApiError } from '../errors.js';
import { errorResponses, feedbackSchema } from '../schemas.js';
import { identifierFromParams, type LookupQuery } from './lookup.js';

interface FeedbackBody extends LookupQuery {
  target: 'analysis' | 'lookup';
  kind: FeedbackKind;
  text?: string;
  verdict?: string;
  note?: string;
}

const feedbackItem = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    target: { type: 'string' },
    kind: { type: 'string' },
    subject: { type: ['string', 'null'] },
    verdict: { type: ['string', 'null'] },
    note: { type: ['string', 'null'] },
    createdAt: { type: 'integer' },
  },
} as const;

export async function feedbackRoutes(app: FastifyInstance, ctx: Ctx): Promise<void> {
  app.post<{ Body: FeedbackBody }>(
    '/v1/feedback',
    {
      config: { role: 'public' },
      schema: {
        tags: ['feedback'],
        summary: 'Say an analysis or a lookup was wrong (false alarm or missed scam)',
        description: 'For a lookup give the identifier (phone, url, account or handle); for an analysis, the text. Text is stored masked.',
        body: feedbackSchema,
        response: { 201: { type: 'object', properties: { id: { type: 'string' } } }, ...errorResponses },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const id = identifierFromParams(b);
      if (b.target === 'lookup' && !id) throw new ApiError('FZ_ERR_LOOKUP_PARAMS');
      if (b.target === 'analysis' && !b.text && !id) throw new ApiError('FZ_ERR_VALIDATION', 'analysis feedback needs the text', 'text');
      // Masked first, then cut: a number across the cut is masked whole.
      const subject = b.text ? maskText(b.text).text.slice(0, 2000) : (id?.value ?? null);
      const f = await ctx.store.addFeedback({
        target: b.target,
        kind: b.kind,
        identifierHash: id ? hashKey(await ctx.store.salt(), id.key) : null,
        subject,
        verdict: b.verdict ?? null,
        note: b.note ? maskText(b.note).text : null,
        reporter: await reporterOf(req, ctx),
      });
      reply.code(201);
      return { id: f.id };
    },
  );

  app.get<{ Querystring: { limit?: number; offset?: number } }>(
    '/v1/feedback',
    {
      config: { role: 'analyst' },
      schema: {
        tags: ['analyst'],
        summary: 'List feedback (analyst)',
        security: [{ apiKey: [] }],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 }, offset: { type: 'integer', minimum: 0, default: 0 } },
        },
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: feedbackItem } } }, ...errorResponses },
      },
    },
    async (req) => ({ items: await ctx.store.listFeedback(req.query.limit ?? 50, req.query.offset ?? 0) }),
  );
}
