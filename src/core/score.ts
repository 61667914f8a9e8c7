import type { CompiledKnowledge } from './knowledge.js';
import { TAG, tagBits, tagsOf } from './signals/emit.js';
import { CATEGORY_IDS, type CategoryId, type CategoryScore, type Signal, type Span, type Thresholds, type Verdict } from './types.js';

export interface Scored {
  score: number;
  spamScore: number;
  verdict: Verdict;
  category: CategoryId | null;
  categories: CategoryScore[];
  /** Composite signals that fired (interactions between tactics). */
  composites: Signal[];
}

const toScore = (raw: number, scale: number): number => Math.round(100 * (1 - Math.exp(-Math.max(0, raw) / scale)));

/** Fires the policy's composites: each `when` item is a tag or a signal id, "!x" meaning x did not fire. */
export function composites(signals: readonly Signal[], k: CompiledKnowledge): Signal[] {
  const facts = k.compositeFacts;
  if (facts === null) return compositesByName(signals, k);
  // Each signal's facts once, then a few mask tests per composite.
  const lo: number[] = [];
  const hi: number[] = [];
  let presentLo = 0;
  let presentHi = 0;
  for (const s of signals) {
    const tags = tagBits(s);
    const id = facts.id(s.id);
    const l = facts.tags(tags) | (id?.lo ?? 0);
    const h = id?.hi ?? 0;
    lo.push(l);
    hi.push(h);
    if (s.weight <= 0 && (tags & TAG.benign) === 0) continue;
    if (s.detail?.['saidBy'] === 'responder') continue; // a reaction, not a tactic
    presentLo |= l;
    presentHi |= h;
  }
  const out: Signal[] = [];
  for (const { def: c, allMask: all, noneMask: none } of k.composites) {
    if ((presentLo & all.lo) !== all.lo || (presentHi & all.hi) !== all.hi || (presentLo & none.lo) !== 0 || (presentHi & none.hi) !== 0) continue;
    const spans: Span[] = [];
    for (let i = 0; i < signals.length; i++) {
      const first = ((lo[i] as number) & all.lo) !== 0 || ((hi[i] as number) & all.hi) !== 0 ? signals[i]?.spans[0] : undefined;
      if (first) spans.push(first);
    }
    out.push({ id: c.id, source: 'composite', category: null, weight: c.weight, spans, explanation: { zh: c.zh, en: c.en } });
  }
  return out;
}

/** The same by name, for knowledge whose composites name more facts than a mask holds. */
function compositesByName(signals: readonly Signal[], k: CompiledKnowledge): Signal[] {
  const present = new Set<string>();
  for (const s of signals) {
    if (s.weight <= 0 && !tagsOf(s).includes('benign')) continue;
    if (s.detail?.['saidBy'] === 'responder') continue;
    present.add(s.id);
    for (const t of tagsOf(s)) present.add(t);
  }
  const out: Signal[] = [];
  for (const { def: c, all, none } of k.composites) {
    if (!all.every((w) => present.has(w)) || none.some((w) => present.has(w))) continue;
    const spans = signals.filter((s) => all.some((w) => s.id === w || tagsOf(s).includes(w))).flatMap((s) => s.spans.slice(0, 1));
    out.push({ id: c.id, source: 'composite', category: null, weight: c.weight, spans, explanation: { zh: c.zh, en: c.en } });
  }
  return out;
}

/**
 * raw = strongest category (capped) + shared tactics (capped) + composites + negative context;
 * score = 100·(1 − e^(−raw/scale)). Spam markers are scored apart and only decide spam vs safe.
 */
export function score(signals: Signal[], k: CompiledKnowledge, thresholds: Thresholds): Scored {
  const policy = k.data.policy;
  const byCategory = new Map<CategoryId, number>();
  // Category hints only help tell which category; they never raise the risk score.
  const hints = new Map<CategoryId, number>();
  let tactic = 0;
  let negative = 0;
  // Composites that say "this is marketing, not fraud" lower the scam risk only, not the spam score.
  let negativeNotComposite = 0;
  let spam = 0;
  let reported = 0;
  const fired = composites(signals, k);
  // A warning phrase cannot cancel a strong request that it does not quote ("we will never ask for your password,
  // just send us the code"): with a strong rule signal left, warnings count at the damped rate too.
  const strongRule = signals.some((s) => s.source === 'rule' && s.weight >= policy.strongSignalWeight);
  const asksMoney = signals.some((s) => s.weight > 0 && s.detail?.['saidBy'] !== 'responder' && (tagBits(s) & TAG.payment) !== 0);
  for (const s of [...signals, ...fired]) {
    const tags = tagBits(s);
    if (tags & TAG.spam) {
      spam += s.weight;
      continue;
    }
    // What people reported about an identifier is evidence apart from the text: it is neither capped with the
    // text's category evidence nor damped with it, and it only helps name the category.
    if (s.source === 'reputation' && s.weight > 0) {
      reported += s.weight;
      if (s.category) hints.set(s.category, (hints.get(s.category) ?? 0) + s.weight);
      continue;
    }
    if (tags & TAG.hint) {
      if (s.category) hints.set(s.category, (hints.get(s.category) ?? 0) + s.weight);
      continue;
    }
    if (s.weight < 0) {
      // Benign context (a balance line, an order status) cannot talk down a message that
      // asks for money or carries a strong tactic; warnings are damped only by a strong tactic they do not quote.
      const damp = s.source === 'rule' && (tags & TAG.benign) !== 0 && ((tags & TAG.warning) !== 0 ? strongRule : asksMoney || strongRule);
      const w = damp ? s.weight * policy.benignWhenAsked : s.weight;
      negative += w;
      if (s.source !== 'composite') negativeNotComposite += w;
    }
    else if (s.category) byCategory.set(s.category, (byCategory.get(s.category) ?? 0) + s.weight);
    else tactic += s.weight;
  }
  const tacticPart = Math.min(tactic, policy.tacticCap);
  const ranked = [...byCategory.entries()]
    .map(([id, v]) => ({ id, raw: Math.min(v, policy.categoryCap), rank: Math.min(v, policy.categoryCap) + (hints.get(id) ?? 0) }))
    .sort((a, b) => b.rank - a.rank || CATEGORY_IDS.indexOf(a.id) - CATEGORY_IDS.indexOf(b.id));
  const top = Math.max(0, ...ranked.map((r) => r.raw));
  const factor = dimensions(signals) <= 1 && !signals.some((x) => x.weight >= policy.strongSignalWeight) ? policy.singleDimensionFactor : 1;
  const raw = (top + tacticPart) * factor + reported + negative;
  const s = toScore(raw, policy.scale);
  const spamScore = toScore(spam + Math.min(0, negativeNotComposite / 2), policy.scale);
  let verdict: Verdict = 'safe';
  if (s >= thresholds.scam) verdict = 'scam';
  else if (s >= thresholds.suspicious) verdict = 'suspicious';
  else if (spamScore >= thresholds.spam) verdict = 'spam';
  const categories: CategoryScore[] = ranked.map((r) => ({ id: r.id, score: toScore(r.raw + tacticPart + negative, policy.scale) }));
  let category: CategoryId | null = null;
  if (verdict === 'scam' || verdict === 'suspicious') {
    category = ranked[0]?.id ?? bestHint(hints) ?? fallbackCategory(signals);
    if (!ranked.length) categories.push({ id: category, score: s });
  }
  return { score: s, spamScore, verdict, category, categories, composites: fired };
}

/** The tags of each dimension of evidence. */
const DIMENSIONS = [TAG.claim, TAG.pretext | TAG.lure, TAG.action | TAG.contact | TAG.payment, TAG.pressure];

/** How many kinds of evidence fired: who they claim to be, why, what they ask, how they press. */
function dimensions(signals: Signal[]): number {
  let seen = 0;
  for (const s of signals) if (s.weight > 0) seen |= tagBits(s);
  let n = 0;
  for (const d of DIMENSIONS) if (seen & d) n++;
  return n;
}

function bestHint(hints: Map<CategoryId, number>): CategoryId | null {
  let best: CategoryId | null = null;
  let weight = 0;
  for (const [id, w] of hints) {
    if (w > weight) {
      best = id;
      weight = w;
    }
  }
  return best;
}

/** With no category-specific evidence, a link or code request reads as phishing, anything else as other_scam. */
function fallbackCategory(signals: Signal[]): CategoryId {
  const ids = new Set(signals.map((s) => s.id));
  // "00"-prefixed callers overwhelmingly pose as a platform's customer service (seed 001, domain facts §2.3). An
  // international *sender* already says so through its own category (data/policy.yaml); a number in the text here.
  if (ids.has('INTL_NUMBER')) return 'fake_customer_service';
  if (ids.has('LINK') || ids.has('ASK_VERIFICATION_CODE') || ids.has('ASK_CREDENTIALS')) return 'phishing';
  return 'other_scam';
}
