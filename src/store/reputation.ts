/**
 * Reputation of one identifier from what the store knows: distinct reporters (one reporter counts once),
 * analyst confirmations and rejections, recency (reports lose half their weight every HALF_LIFE_DAYS) and user
 * feedback. Numbers in the official directory are never made "scam" by reports alone: they wait for an analyst.
 * Signal weights and wording live in data/signals/reputation.yaml.
 */
import { compileKnowledge, type KnowledgeData } from '../core/knowledge.js';
import { emit } from '../core/signals/emit.js';
import type { CategoryId, Localized, Signal, Span } from '../core/types.js';
import type { IdentifierFacts } from './types.js';

export const HALF_LIFE_DAYS = 90;
/** Decayed reporters needed for the stronger "many reports" signal. */
export const MANY_REPORTERS = 3;

export type ReputationStatus = 'unknown' | 'reported' | 'confirmed' | 'cleared' | 'pending_review';

export interface Reputation {
  status: ReputationStatus;
  /** 0–100: how strongly reports point to fraud (0 when nothing is known, which does NOT mean safe). */
  score: number;
  reporters: number;
  /** Reporters after decay and feedback. */
  weightedReporters: number;
  reports: number;
  confirmed: number;
  rejected: number;
  pending: number;
  mentions: number;
  topCategory: CategoryId | null;
  byCategory: Partial<Record<CategoryId, number>>;
  firstSeen: string | null;
  lastSeen: string | null;
  feedback: { falseAlarms: number; missedScams: number };
  reason: Localized;
}

const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());

function topCategoryOf(by: Partial<Record<CategoryId, number>>): CategoryId | null {
  let best: CategoryId | null = null;
  let n = 0;
  for (const [c, v] of Object.entries(by) as [CategoryId, number][]) {
    if (v > n || (v === n && best !== null && c < best)) {
      best = c;
      n = v;
    }
  }
  return best;
}

export function reputationOf(facts: IdentifierFacts | undefined, directoryMatch: boolean, knowledge: KnowledgeData, now = Date.now()): Reputation {
  const k = compileKnowledge(knowledge);
  const f = facts ?? { hash: '', reporters: 0, byCategory: {}, reports: 0, confirmed: 0, rejected: 0, pending: 0, mentions: 0, firstSeen: null, lastSeen: null, falseAlarms: 0, missedScams: 0 };
  const ageDays = f.lastSeen === null ? 0 : Math.max(0, (now - f.lastSeen) / 86_400_000);
  const decay = Math.pow(0.5, ageDays / HALF_LIFE_DAYS);
  const weighted = Math.max(0, f.reporters * decay + 0.5 * f.missedScams - 0.5 * f.falseAlarms);
  const raw = weighted + 4 * f.confirmed - 2 * f.rejected;
  const topCategory = topCategoryOf(f.byCategory);
  const catName = topCategory ? k.categories.get(topCategory)?.name : undefined;
  let status: ReputationStatus;
  if (f.reports === 0) status = 'unknown';
  else if (f.confirmed > 0 && f.confirmed >= f.rejected) status = 'confirmed';
  else if (directoryMatch) status = 'pending_review';
  else if (f.rejected > 0 && weighted < MANY_REPORTERS) status = 'cleared';
  else status = 'reported';
  const score = status === 'unknown' || status === 'cleared' || status === 'pending_review' ? 0 : Math.round(100 * (1 - Math.exp(-Math.max(0, raw) / 4)));
  const cat = { zh: catName?.zh ?? '诈骗', en: catName?.en ?? 'fraud' };
  const reason: Localized =
    status === 'unknown'
      ? { zh: '没有收到过关于它的举报——这不代表它是安全的', en: 'No reports about it — which does not mean it is safe' }
      : status === 'pending_review'
        ? {
            zh: `这是官方名录中的号码或域名，收到 ${f.reporters} 人举报，正在等待人工审核（仅凭举报不会判定为诈骗）`,
            en: `It is in the official directory; ${f.reporters} people reported it and an analyst will review it (reports alone never mark it a scam)`,
          }
        : status === 'cleared'
          ? { zh: `曾被举报，经审核 ${f.rejected} 次认定不是诈骗`, en: `Reported, but analysts found it was not a scam (${f.rejected} reviews)` }
          : status === 'confirmed'
            ? { zh: `被 ${f.reporters} 人举报为${cat.zh}，${f.confirmed} 次经审核确认`, en: `Reported as ${cat.en} by ${f.reporters} people, confirmed ${f.confirmed} times by analysts` }
            : { zh: `被 ${f.reporters} 人举报为${cat.zh}，尚未经审核`, en: `Reported as ${cat.en} by ${f.reporters} people, not yet reviewed` };
  return {
    status,
    score,
    reporters: f.reporters,
    weightedReporters: Math.round(weighted * 100) / 100,
    reports: f.reports,
    confirmed: f.confirmed,
    rejected: f.rejected,
    pending: f.pending,
    mentions: f.mentions,
    topCategory,
    byCategory: f.byCategory,
    firstSeen: iso(f.firstSeen),
    lastSeen: iso(f.lastSeen),
    feedback: { falseAlarms: f.falseAlarms, missedScams: f.missedScams },
    reason,
  };
}

/** The signal reputation adds to an analysis, or null (unknown, too weak, or waiting for an analyst). */
export function reputationSignal(rep: Reputation, value: string, spans: Span[], knowledge: KnowledgeData): Signal | null {
  const k = compileKnowledge(knowledge);
  const name = rep.topCategory ? k.categories.get(rep.topCategory)?.name : undefined;
  const detail = {
    value,
    reporters: rep.reporters,
    confirmed: rep.confirmed,
    rejected: rep.rejected,
    category: name?.zh ?? '诈骗',
    categoryEn: name?.en ?? 'fraud',
  };
  let id: string;
  if (rep.status === 'confirmed') id = 'REPUTATION_CONFIRMED';
  else if (rep.status === 'cleared') id = 'REPUTATION_CLEARED';
  else if (rep.status === 'reported' && rep.weightedReporters >= MANY_REPORTERS) id = 'REPUTATION_REPORTED_MANY';
  else if (rep.status === 'reported' && rep.weightedReporters >= 0.5) id = 'REPUTATION_REPORTED';
  else return null;
  const s = emit(k, id, 'reputation', spans, detail);
  if (!s) return null;
  return id === 'REPUTATION_CLEARED' ? s : { ...s, category: rep.topCategory };
}
