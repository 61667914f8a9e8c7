/**
 * The brief form of an analyze answer (`detail: "brief"`): what a platform screening messages at volume acts on —
 * verdict, score, category, which signals fired with their weights, per-turn scores, and each identifier's
 * reputation status — without the spans, the explanations in two languages, the advice, the entities and the echoed
 * transcript, which make up about four fifths of a full answer. Same field names as the full answer, so a client can
 * ask for the full one later (for a person to read) and parse both the same way. A conversation's turns keep their
 * speaker and score; their offsets point into the joined text, which the brief form leaves out.
 */
import type { Analysis, ConversationAnalysis } from '../core/types.js';
import type { IdentifierInfo } from './intelligence.js';

export interface BriefResult {
  analysis: Pick<Analysis, 'engine' | 'verdict' | 'score' | 'category' | 'categories' | 'lang' | 'length' | 'truncated'> & {
    signals: Pick<Analysis['signals'][number], 'id' | 'source' | 'category' | 'weight'>[];
    turns?: Pick<ConversationAnalysis['turns'][number], 'speaker' | 'score'>[];
    riskTurn?: number | null;
  };
  identifiers: {
    type: IdentifierInfo['type'];
    value: string;
    directory: { id: string; verified: string } | null;
    reputation: Pick<IdentifierInfo['reputation'], 'status' | 'score' | 'reporters' | 'confirmed' | 'topCategory' | 'lastSeen'>;
  }[];
  message: string;
}

export function briefResult(full: { analysis: Analysis; identifiers: IdentifierInfo[]; message: string }): BriefResult {
  const a = full.analysis;
  const conversation = 'riskTurn' in a ? (a as ConversationAnalysis) : null;
  return {
    analysis: {
      engine: a.engine,
      verdict: a.verdict,
      score: a.score,
      category: a.category,
      categories: a.categories,
      signals: a.signals.map((s) => ({ id: s.id, source: s.source, category: s.category, weight: s.weight })),
      lang: a.lang,
      length: a.length,
      truncated: a.truncated,
      ...(conversation ? { turns: conversation.turns.map((t) => ({ speaker: t.speaker, score: t.score })), riskTurn: conversation.riskTurn } : {}),
    },
    identifiers: full.identifiers.map((i) => ({
      type: i.type,
      value: i.value,
      directory: i.directory ? { id: i.directory.id, verified: i.directory.verified } : null,
      reputation: {
        status: i.reputation.status,
        score: i.reputation.score,
        reporters: i.reputation.reporters,
        confirmed: i.reputation.confirmed,
        topCategory: i.reputation.topCategory,
        lastSeen: i.reputation.lastSeen,
      },
    })),
    message: full.message,
  };
}
