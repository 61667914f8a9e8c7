/** POST /v1/reports (public) and the analyst's GET /v1/reports, POST /v1/reports/{id}/review. */
import type { FastifyInstance } from 'fastify';
import type { CategoryId } from '../../core/types.js';
import { hashKey, identifier, identifiersOf, type Identifier } from '../../store/identifiers.js';
import { maskText } from '../../store/privacy.js';
import type { ImPlatform, ReportFilter, ReportKind, ReportStatus } from '../../store/types.js';
import { REPORT_KINDS, REPORT_STATUSES } from '../../store/types.js';
import { CATEGORY_IDS } from '../../core/types.js';
import { reporterOf, type Ctx } from '../context.js';
import { ApiError } from '../errors.js';
import { analysisSchema, errorResponses, newReportSchema, reportSchema, reviewSchema } from '../schemas.js';
import { identifierFromParams, type LookupQuery } from './lookup.js';

interface NewReportBody {
  kind: ReportKind;
  value: string;
  platform?: ImPlatform;
  category: CategoryId;
  description?: string;
  evidence?: string;
  time?: string;
  contact?: string;
  consent?: boolean;
  amount?: number;
}

function subjectOf(kind: ReportKind, value: string): Identifier | null {
  switch (kind) {
    case 'phone':
      return identifier('phone', value);
    case 'sms':
      // A sender may be a number or a name such as 【某银行】.
      return identifier('phone', value) ?? identifier('handle', value);
    case 'url':
      return identifier('url', value);
    case 'app':
      return identifier('app', value);
    case 'payment_account':
      return identifier('account', value);
    case 'im_handle':
      return identifier('handle', value);
  }
}

export async function reportRoutes(app: FastifyInstance, ctx: Ctx): Promise<void> {
  app.post<{ Body: NewReportBody }>(
    '/v1/reports',
    {
      config: { role: 'public' },
      schema: {
        tags: ['reports'],
        summary: 'Report a phone number, SMS, link, app, payment account or IM handle',
        description:
          'Numbers (mobile, card, ID) in description, evidence and contact are masked before storage unless consent is true; a salted hash is kept for matching.',
        body: newReportSchema,
        response: {
          201: {
            type: 'object',
            properties: {
              id: { type: 'string' },
              status: { type: 'string' },
              directoryMatch: { type: 'boolean' },
              message: { type: 'object', properties: { zh: { type: 'string' }, en: { type: 'string' } } },
              analysis: { ...analysisSchema, type: ['object', 'null'] },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const subject = subjectOf(b.kind, b.value);
      if (!subject) throw new ApiError('FZ_ERR_BAD_IDENTIFIER', undefined, 'value');
      const salt = await ctx.store.salt();
      const consent = b.consent === true;
      const mask = (t: string | undefined): { text: string | null; keys: string[] } => {
        if (t === undefined || t.length === 0) return { text: null, keys: [] };
        return consent ? { text: t, keys: maskText(t).keys } : maskText(t);
      };
      const description = mask(b.description);
      const evidence = mask(b.evidence);
      const contact = mask(b.contact);
      const evidenceText = b.evidence ?? b.description;
      const sender = b.kind === 'sms' || b.kind === 'phone' ? b.value : undefined;
      const analysis = evidenceText
        ? ctx.engine.analyze(evidenceText, { ...(b.kind === 'sms' ? { channel: 'sms' as const } : {}), ...(sender ? { sender } : {}) })
        : null;
      const mentionKeys = [...description.keys, ...evidence.keys, ...(analysis ? identifiersOf(analysis.entities).map((i) => i.key) : [])];
      const directoryMatch = ctx.intel.directoryMatch(subject) !== null;
      const amount = b.amount !== undefined ? `\n[amount: ${b.amount}]` : '';
      const report = await ctx.store.createReport({
        kind: b.kind,
        platform: b.kind === 'im_handle' ? (b.platform ?? 'other') : null,
        subjectKey: subject.key,
        subjectValue: subject.value,
        subjectHash: hashKey(salt, subject.key),
        mentionHashes: mentionKeys.map((k) => hashKey(salt, k)),
        category: b.category,
        description: description.text,
        evidence: evidence.text === null && !amount ? null : `${evidence.text ?? ''}${amount}`,
        occurredAt: b.time ?? null,
        contact: contact.text,
        consent,
        reporter: await reporterOf(req, ctx),
        directoryMatch,
        analysis: analysis ? { verdict: analysis.verdict, score: analysis.score, category: analysis.category } : null,
      });
      ctx.metrics.report(b.kind);
      reply.code(201);
      return {
        id: report.id,
        status: report.status,
        directoryMatch,
        message: directoryMatch
          ? {
              zh: '已收到。该号码/域名在官方名录中，将由人工审核，不会仅凭举报判定为诈骗',
              en: 'Received. This number or domain is in the official directory: an analyst will review it; reports alone never mark it a scam',
            }
          : { zh: '已收到举报，谢谢！它会提醒其他人', en: 'Report received, thank you: it helps warn others' },
        analysis,
      };
    },
  );

  app.get<{ Querystring: LookupQuery & { status?: ReportStatus; kind?: ReportKind; category?: CategoryId; directory?: boolean; since?: string; until?: string; limit?: number; offset?: number } }>(
    '/v1/reports',
    {
      config: { role: 'analyst' },
      schema: {
        tags: ['analyst'],
        summary: 'List reports (analyst)',
        security: [{ apiKey: [] }],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            status: { type: 'string', enum: [...REPORT_STATUSES] },
            kind: { type: 'string', enum: [...REPORT_KINDS] },
            category: { type: 'string', enum: [...CATEGORY_IDS] },
            directory: { type: 'boolean', description: 'Only reports of identifiers in the official directory (the review queue)' },
            phone: { type: 'string', maxLength: 64 },
            url: { type: 'string', maxLength: 2048 },
            account: { type: 'string', maxLength: 64 },
            handle: { type: 'string', maxLength: 200 },
            since: { type: 'string', format: 'date-time' },
            until: { type: 'string', format: 'date-time' },
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
            offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
          },
        },
        response: {
          200: {
            type: 'object',
            properties: { items: { type: 'array', items: reportSchema }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } },
          },
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const q = req.query;
      const f: ReportFilter = { limit: q.limit ?? 50, offset: q.offset ?? 0 };
      if (q.status) f.status = q.status;
      if (q.kind) f.kind = q.kind;
      if (q.category) f.category = q.category;
      if (q.directory !== undefined) f.directoryMatch = q.directory;
      // The schema's date-time format lets through a leap second (T23:59:60Z) that Date.parse reads as NaN: refuse
      // it rather than silently filter everything out.
      const when = (v: string, field: string): number => {
        const t = Date.parse(v);
        if (!Number.isFinite(t)) throw new ApiError('FZ_ERR_VALIDATION', `${field} is not a date-time this server can read`, field);
        return t;
      };
      if (q.since) f.since = when(q.since, 'since');
      if (q.until) f.until = when(q.until, 'until');
      const id = identifierFromParams(q);
      if (id) f.subjectHash = hashKey(await ctx.store.salt(), id.key);
      const { items, total } = await ctx.store.listReports(f);
      return { items, total, limit: f.limit, offset: f.offset };
    },
  );

  app.post<{ Params: { id: string }; Body: { action: 'confirm' | 'reject' | 'merge'; note?: string; into?: string } }>(
    '/v1/reports/:id/review',
    {
      config: { role: 'analyst' },
      schema: {
        tags: ['analyst'],
        summary: 'Confirm, reject or merge a report (analyst)',
        security: [{ apiKey: [] }],
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } },
        body: reviewSchema,
        response: { 200: reportSchema, 404: errorResponses[400], ...errorResponses },
      },
    },
    async (req) => {
      const { action, note, into } = req.body;
      if (action === 'merge') {
        if (!into || into === req.params.id || !(await ctx.store.getReport(into))) throw new ApiError('FZ_ERR_MERGE_TARGET', undefined, 'into');
      }
      const r = await ctx.store.reviewReport(req.params.id, {
        action,
        note: note ?? null,
        reviewer: req.auth?.keyId ?? 'unknown',
        ...(into ? { into } : {}),
      });
      if (!r) throw new ApiError('FZ_ERR_NOT_FOUND', `no report ${req.params.id}`);
      return r;
    },
  );
}
