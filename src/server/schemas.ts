/** JSON Schemas shared by the routes (they validate requests, shape responses and become the OpenAPI document). */
import { CATEGORY_IDS, CHANNELS, VERDICTS } from '../core/types.js';
import { FEEDBACK_KINDS, IM_PLATFORMS, REPORT_KINDS, REPORT_STATUSES, ROLES } from '../store/types.js';
import { errorSchema } from './errors.js';

export const MAX_TEXT = 100_000;
export { CHANNELS };

const localized = { type: 'object', properties: { zh: { type: 'string' }, en: { type: 'string' } } } as const;
const span = { type: 'object', properties: { start: { type: 'integer' }, end: { type: 'integer' } } } as const;

export const signalSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    source: { type: 'string' },
    category: { type: ['string', 'null'] },
    weight: { type: 'number' },
    spans: { type: 'array', items: span },
    explanation: localized,
    detail: { type: 'object', additionalProperties: true },
  },
} as const;

export const analysisSchema = {
  type: 'object',
  description: "The engine's Analysis (see src/core/types.ts); conversation analyses add text, turns and riskTurn.",
  additionalProperties: true,
  properties: {
    engine: { type: 'object', properties: { version: { type: 'string' }, knowledge: { type: 'string' } } },
    verdict: { type: 'string', enum: [...VERDICTS] },
    score: { type: 'number' },
    category: { type: ['string', 'null'] },
    categories: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, score: { type: 'number' } } } },
    signals: { type: 'array', items: signalSchema },
    entities: { type: 'array', items: { type: 'object', additionalProperties: true } },
    advice: { type: 'array', items: localized },
    lang: { type: 'string' },
    summary: localized,
    length: { type: 'integer' },
    truncated: { type: 'boolean' },
  },
} as const;

export const reputationSchema = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['unknown', 'reported', 'confirmed', 'cleared', 'pending_review'] },
    score: { type: 'number' },
    reporters: { type: 'integer' },
    weightedReporters: { type: 'number' },
    reports: { type: 'integer' },
    confirmed: { type: 'integer' },
    rejected: { type: 'integer' },
    pending: { type: 'integer' },
    mentions: { type: 'integer' },
    topCategory: { type: ['string', 'null'] },
    byCategory: { type: 'object', additionalProperties: { type: 'integer' } },
    firstSeen: { type: ['string', 'null'] },
    lastSeen: { type: ['string', 'null'] },
    feedback: { type: 'object', properties: { falseAlarms: { type: 'integer' }, missedScams: { type: 'integer' } } },
    reason: localized,
  },
} as const;

export const directoryMatchSchema = {
  type: ['object', 'null'],
  properties: { id: { type: 'string' }, name: localized, kind: { type: 'string' }, verified: { type: 'string' }, matched: { type: 'string' } },
} as const;

export const identifierInfoSchema = {
  type: 'object',
  properties: {
    type: { type: 'string', enum: ['phone', 'url', 'account', 'handle', 'app'] },
    value: { type: 'string' },
    directory: directoryMatchSchema,
    reputation: reputationSchema,
  },
} as const;

export const analyzeInputSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    text: { type: 'string', minLength: 1, maxLength: MAX_TEXT, description: 'One message (SMS, chat, e-mail, notice…)' },
    turns: {
      type: 'array',
      maxItems: 500,
      description: 'A conversation or call transcript, in order',
      items: {
        type: 'object',
        required: ['speaker', 'text'],
        additionalProperties: false,
        properties: { speaker: { type: 'string', maxLength: 100 }, text: { type: 'string', maxLength: MAX_TEXT } },
      },
    },
    lang: { type: 'string', enum: ['zh', 'en'], description: 'Language of the `message` field in the answer (default zh)' },
    channel: { type: 'string', enum: [...CHANNELS] },
    sender: { type: 'string', maxLength: 64, description: 'The phone number or sender id shown by the device; checked too' },
    id: { type: 'string', maxLength: 100, description: 'Batch only: echoed back with the item result' },
    detail: {
      type: 'string',
      enum: ['full', 'brief'],
      description:
        'full (default): every signal with its spans and explanations, the entities and advice. brief: verdict, score, category, the signals that fired (id, source, category, weight), per-turn scores and each identifier\'s reputation status, about a fifth of the size, for screening at volume',
    },
  },
} as const;

export const analyzeResultSchema = {
  type: 'object',
  properties: {
    analysis: analysisSchema,
    identifiers: { type: 'array', items: identifierInfoSchema },
    message: { type: 'string', description: 'The summary in the requested language' },
  },
} as const;

export const reportSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    kind: { type: 'string', enum: [...REPORT_KINDS] },
    platform: { type: ['string', 'null'] },
    subjectKey: { type: 'string' },
    subjectValue: { type: 'string' },
    category: { type: 'string' },
    description: { type: ['string', 'null'] },
    evidence: { type: ['string', 'null'] },
    occurredAt: { type: ['string', 'null'] },
    contact: { type: ['string', 'null'] },
    consent: { type: 'boolean' },
    reporter: { type: 'string' },
    directoryMatch: { type: 'boolean' },
    analysis: {
      type: ['object', 'null'],
      properties: { verdict: { type: 'string' }, score: { type: 'number' }, category: { type: ['string', 'null'] } },
    },
    status: { type: 'string', enum: [...REPORT_STATUSES] },
    reviewNote: { type: ['string', 'null'] },
    reviewedBy: { type: ['string', 'null'] },
    reviewedAt: { type: ['integer', 'null'] },
    mergedInto: { type: ['string', 'null'] },
    createdAt: { type: 'integer' },
    evidencePurgedAt: { type: ['integer', 'null'] },
  },
} as const;

export const newReportSchema = {
  type: 'object',
  required: ['kind', 'value', 'category'],
  additionalProperties: false,
  properties: {
    kind: { type: 'string', enum: [...REPORT_KINDS], description: 'What is reported' },
    value: {
      type: 'string',
      minLength: 1,
      maxLength: 2048,
      description: 'The phone number (phone), sender number (sms), link or domain (url), app name (app), account or card number (payment_account), or handle (im_handle)',
    },
    platform: { type: 'string', enum: [...IM_PLATFORMS], description: 'For im_handle: WeChat, QQ or other' },
    category: { type: 'string', enum: [...CATEGORY_IDS] },
    description: { type: 'string', maxLength: 5000, description: 'What happened, in your words' },
    evidence: { type: 'string', maxLength: 20000, description: 'The text received (SMS body, chat, the pitch)' },
    time: { type: 'string', format: 'date-time', description: 'When it happened (ISO 8601)' },
    contact: { type: 'string', maxLength: 200, description: 'How to reach the reporter (optional; masked unless consent)' },
    consent: { type: 'boolean', default: false, description: 'Keep numbers in the text unmasked (for the police / analysts)' },
    amount: { type: 'number', minimum: 0, maximum: 1e12, description: 'Money lost, in yuan (optional)' },
  },
} as const;

export const reviewSchema = {
  type: 'object',
  required: ['action'],
  additionalProperties: false,
  properties: {
    action: { type: 'string', enum: ['confirm', 'reject', 'merge'] },
    note: { type: 'string', maxLength: 2000 },
    into: { type: 'string', maxLength: 64, description: 'merge: the id of the report this one duplicates' },
  },
} as const;

export const feedbackSchema = {
  type: 'object',
  required: ['target', 'kind'],
  additionalProperties: false,
  properties: {
    target: { type: 'string', enum: ['analysis', 'lookup'] },
    kind: { type: 'string', enum: [...FEEDBACK_KINDS], description: 'false_alarm: flagged but genuine; missed_scam: passed but a scam' },
    text: { type: 'string', maxLength: MAX_TEXT, description: 'analysis: the text (stored masked and cut to 2000 characters)' },
    phone: { type: 'string', maxLength: 64 },
    url: { type: 'string', maxLength: 2048 },
    account: { type: 'string', maxLength: 64 },
    handle: { type: 'string', maxLength: 200 },
    verdict: { type: 'string', maxLength: 32, description: 'The verdict you disagree with' },
    note: { type: 'string', maxLength: 2000 },
  },
} as const;

export const keySchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    role: { type: 'string', enum: [...ROLES] },
    name: { type: ['string', 'null'] },
    createdAt: { type: 'integer' },
    revokedAt: { type: ['integer', 'null'] },
  },
} as const;

export const errorResponses = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  429: errorSchema,
  500: errorSchema,
  503: errorSchema,
} as const;
