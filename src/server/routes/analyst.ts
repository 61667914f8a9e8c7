/** Analyst exports: GET /v1/blocklist (JSON, CSV, text; ETag) and GET /v1/stats. */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { BlocklistEntry } from '../../store/types.js';
import type { Ctx } from '../context.js';
import { errorResponses } from '../schemas.js';

type Format = 'json' | 'csv' | 'txt';

const csvCell = (v: string | number): string => {
  const s = String(v);
  // Quote, and defuse spreadsheet formulas (a cell starting with = + - @).
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function renderBlocklist(entries: BlocklistEntry[], format: Format): { body: string; type: string } {
  if (format === 'csv') {
    const lines = ['kind,value,category,reporters,confirmed_at'];
    for (const e of entries) lines.push([e.kind, e.value, e.category, e.reporters, new Date(e.confirmedAt).toISOString()].map(csvCell).join(','));
    return { body: `${lines.join('\n')}\n`, type: 'text/csv; charset=utf-8' };
  }
  if (format === 'txt') {
    return { body: entries.map((e) => e.value).join('\n') + (entries.length ? '\n' : ''), type: 'text/plain; charset=utf-8' };
  }
  const items = entries.map((e) => ({ ...e, confirmedAt: new Date(e.confirmedAt).toISOString() }));
  return { body: JSON.stringify({ count: items.length, items }), type: 'application/json; charset=utf-8' };
}

function formatOf(query: string | undefined, accept: string | undefined): Format {
  if (query === 'csv' || query === 'txt' || query === 'json') return query;
  if (accept?.includes('text/csv')) return 'csv';
  if (accept?.includes('text/plain')) return 'txt';
  return 'json';
}

export async function analystRoutes(app: FastifyInstance, ctx: Ctx): Promise<void> {
  app.get<{ Querystring: { format?: Format } }>(
    '/v1/blocklist',
    {
      config: { role: 'analyst' },
      schema: {
        tags: ['analyst'],
        summary: 'Confirmed identifiers as JSON, CSV or plain text (analyst)',
        description: 'Send If-None-Match with the last ETag to get 304 when nothing changed. Format by ?format= or Accept.',
        security: [{ apiKey: [] }],
        querystring: { type: 'object', additionalProperties: false, properties: { format: { type: 'string', enum: ['json', 'csv', 'txt'] } } },
        response: { ...errorResponses },
      },
    },
    async (req, reply) => {
      const format = formatOf(req.query.format, req.headers.accept);
      const { body, type } = renderBlocklist(await ctx.store.blocklist(), format);
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
      reply.header('etag', etag).header('cache-control', 'private, must-revalidate').header('vary', 'accept');
      const inm = req.headers['if-none-match'];
      if (inm && inm.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}`)) return reply.code(304).send();
      if (format !== 'json') reply.header('content-disposition', `inline; filename="fanzha-blocklist.${format}"`);
      return reply.type(type).send(body);
    },
  );

  app.get<{ Querystring: { days?: number; top?: number } }>(
    '/v1/stats',
    {
      config: { role: 'analyst' },
      schema: {
        tags: ['analyst'],
        summary: 'Reports by category, by day, top identifiers (analyst)',
        security: [{ apiKey: [] }],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { days: { type: 'integer', minimum: 1, maximum: 3650, default: 30 }, top: { type: 'integer', minimum: 1, maximum: 200, default: 20 } },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              days: { type: 'integer' },
              total: { type: 'integer' },
              byStatus: { type: 'object', additionalProperties: { type: 'integer' } },
              byCategory: { type: 'array', items: { type: 'object', properties: { category: { type: 'string' }, reports: { type: 'integer' } } } },
              byDay: { type: 'array', items: { type: 'object', properties: { day: { type: 'string' }, reports: { type: 'integer' } } } },
              byDayCategory: {
                type: 'array',
                items: { type: 'object', properties: { day: { type: 'string' }, category: { type: 'string' }, reports: { type: 'integer' } } },
              },
              topIdentifiers: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { key: { type: 'string' }, value: { type: 'string' }, kind: { type: 'string' }, reporters: { type: 'integer' }, reports: { type: 'integer' } },
                },
              },
              feedback: { type: 'object', additionalProperties: { type: 'integer' } },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const days = req.query.days ?? 30;
      return { days, ...(await ctx.store.stats({ days, top: req.query.top ?? 20 })) };
    },
  );
}
