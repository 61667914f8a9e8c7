/** GET /v1/lookup: what is known about one identifier. "unknown" never reads as "safe". */
import type { FastifyInstance } from 'fastify';
import { identifier, type Identifier, type IdentifierType } from '../../store/identifiers.js';
import type { Ctx } from '../context.js';
import { ApiError } from '../errors.js';
import { directoryMatchSchema, errorResponses, reputationSchema } from '../schemas.js';

export interface LookupQuery {
  phone?: string;
  url?: string;
  account?: string;
  handle?: string;
}

const PARAMS: [keyof LookupQuery, IdentifierType][] = [
  ['phone', 'phone'],
  ['url', 'url'],
  ['account', 'account'],
  ['handle', 'handle'],
];

/** Reads exactly one identifier out of {phone, url, account, handle}. */
export function identifierFromParams(q: LookupQuery): (Identifier & { raw: string }) | null {
  const given = PARAMS.filter(([p]) => typeof q[p] === 'string' && q[p]!.length > 0);
  if (given.length === 0) return null;
  if (given.length > 1) throw new ApiError('FZ_ERR_LOOKUP_PARAMS');
  const [param, type] = given[0]!;
  const id = identifier(type, q[param]!);
  if (!id) throw new ApiError('FZ_ERR_BAD_IDENTIFIER', undefined, param);
  return { ...id, raw: q[param]! };
}

export async function lookupRoutes(app: FastifyInstance, ctx: Ctx): Promise<void> {
  app.get<{ Querystring: LookupQuery }>(
    '/v1/lookup',
    {
      config: { role: 'public' },
      schema: {
        tags: ['lookup'],
        summary: 'What is known about a phone number, link, account or handle',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            phone: { type: 'string', maxLength: 64 },
            url: { type: 'string', maxLength: 2048 },
            account: { type: 'string', maxLength: 64 },
            handle: { type: 'string', maxLength: 200 },
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              identifier: { type: 'object', properties: { type: { type: 'string' }, value: { type: 'string' } } },
              status: { type: 'string', enum: ['official', 'confirmed_scam', 'reported', 'suspicious', 'cleared', 'pending_review', 'unknown'] },
              note: { type: 'object', properties: { zh: { type: 'string' }, en: { type: 'string' } } },
              directory: directoryMatchSchema,
              reputation: reputationSchema,
              checks: { description: 'Findings of the intelligence checkers (src/intel), or null when none applies', type: ['object', 'null'], additionalProperties: true },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const id = identifierFromParams(req.query);
      if (!id) throw new ApiError('FZ_ERR_LOOKUP_PARAMS');
      const [info] = await ctx.intel.describe([id]);
      const rep = info!.reputation;
      const checks = ctx.intel.check(id, id.raw);
      const risky = checks?.risk === 'high' || checks?.risk === 'medium' ? checks.findings?.find((f) => f.severity === checks.risk) : undefined;
      let status: string;
      let note: { zh: string; en: string };
      if (rep.status === 'confirmed') {
        status = 'confirmed_scam';
        note = rep.reason;
      } else if (info!.directory && rep.status !== 'reported') {
        status = rep.status === 'pending_review' ? 'pending_review' : 'official';
        note =
          rep.status === 'pending_review'
            ? rep.reason
            : {
                zh: `这是${info!.directory.name.zh}的官方联系方式。但来电显示可以伪造：如有疑问，请自己拨打官方号码或打开官方App核实`,
                en: `This is an official contact of ${info!.directory.name.en}. Caller ids can be spoofed: if in doubt, call the official number yourself or use the official app`,
              };
      } else if (rep.status === 'unknown' && risky) {
        // No reports, but the checkers see a warning sign (look-alike domain, spoofed number …).
        status = 'suspicious';
        note = risky.explanation;
      } else if (rep.status === 'unknown') {
        status = 'unknown';
        note = {
          zh: '没有关于它的举报或记录。未知不等于安全：不要转账、不要提供验证码，有疑问请拨打 96110 咨询',
          en: 'Nothing is known about it. Unknown does not mean safe: never transfer money or share codes; if in doubt call 96110',
        };
      } else {
        status = rep.status;
        note = rep.reason;
      }
      return { identifier: { type: id.type, value: id.value }, status, note, directory: info!.directory, reputation: rep, checks };
    },
  );
}
