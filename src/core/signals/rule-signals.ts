import type { CompiledKnowledge } from '../knowledge.js';
import type { NormalizedText } from '../normalize/normalize.js';
import { toOriginal } from '../normalize/text-view.js';
import type { Signal, Span } from '../types.js';
import { joinedTags } from './emit.js';

const MAX_SPANS = 8;
/** Enough hits of one keyword to satisfy any window; more only cost time. */
const MAX_HITS_PER_KEYWORD = 64;

interface Hit {
  start: number;
  end: number;
  /** compact view for keyword hits, norm view for regex hits */
  inNorm: boolean;
}

interface RuleHits {
  any: Hit[];
  groups: Hit[][];
  none: boolean;
  /** One of the literals gating the rule's regexes was found (knowledge.ts). */
  gate: boolean;
}

/** Runs every rule of the knowledge over one text: one automaton scan plus the few bounded regexes. */
export function ruleSignals(n: NormalizedText, k: CompiledKnowledge, lang: 'zh' | 'en' | 'mixed'): Signal[] {
  const perRule = new Map<number, RuleHits>();
  for (const hit of k.ruleMatcher.findAll(n.compact.text, MAX_HITS_PER_KEYWORD)) {
    const h = hitsOf(perRule, hit.payload.rule, k);
    const role = hit.payload.role;
    if (role === -2) h.none = true;
    else if (role === -3) h.gate = true;
    else (role === -1 ? h.any : (h.groups[role] as Hit[])).push({ start: hit.start, end: hit.end, inNorm: false });
  }
  // A pattern several rules share runs once per text (indexed by pattern id: a Map here cost more than the scan).
  const byPattern: (readonly Hit[] | undefined)[] = new Array<readonly Hit[] | undefined>(k.regexCount);
  for (const i of k.regexRules) {
    const cr = k.rules[i];
    // A rule for the other language would be dropped below anyway: don't pay for its regexes.
    if (!cr || (cr.rule.lang && lang !== 'mixed' && cr.rule.lang !== lang)) continue;
    // Nor for a rule whose `none` keywords already ruled it out, or whose gate literals are not in the text.
    const seen = perRule.get(i);
    if (seen?.none || (cr.gated && !seen?.gate)) continue;
    for (let j = 0; j < cr.regexes.length; j++) {
      const id = cr.regexIds[j] as number;
      const found = (byPattern[id] ??= regexHits(cr.regexes[j] as RegExp, n.norm.text));
      if (found.length > 0) hitsOf(perRule, i, k).any.push(...found);
    }
  }

  const signals: Signal[] = [];
  for (const [i, h] of perRule) {
    const { rule } = k.rules[i] ?? {};
    if (!rule || h.none) continue;
    if (rule.lang && lang !== 'mixed' && rule.lang !== lang) continue;
    const needsAnchor = (rule.any?.length ?? 0) + (rule.regex?.length ?? 0) > 0;
    if (needsAnchor && h.any.length === 0) continue;
    const groups = rule.all ?? [];
    let evidence: Hit[] = h.any;
    if (groups.length > 0) {
      const matched = matchGroups(h, groups.length, needsAnchor, rule.window);
      if (!matched) continue;
      evidence = matched;
    }
    signals.push({
      id: rule.id,
      source: 'rule',
      category: rule.category,
      weight: rule.weight,
      spans: toSpans(evidence, n),
      explanation: { zh: rule.zh, en: rule.en },
      detail: { tags: joinedTags(rule.tags) },
    });
  }
  return signals;
}

/** Shared by every pattern that found nothing (never written: regexHits' result is read-only). */
const NO_HITS: readonly Hit[] = [];

/** Up to MAX_SPANS matches of one rule pattern in the norm view (hits are read-only, so rules may share them). */
function regexHits(re: RegExp, text: string): readonly Hit[] {
  let hits: Hit[] | null = null;
  re.lastIndex = 0;
  for (let m = re.exec(text), count = 0; m && count < MAX_SPANS; m = re.exec(text), count++) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    (hits ??= []).push({ start: m.index, end: m.index + m[0].length, inNorm: true });
  }
  return hits ?? NO_HITS;
}

/** The hits of rule i, created on its first hit with one (packed, never holey) list per `all` group. */
function hitsOf(perRule: Map<number, RuleHits>, i: number, k: CompiledKnowledge): RuleHits {
  let h = perRule.get(i);
  if (h === undefined) {
    const groups: Hit[][] = [];
    for (let g = k.rules[i]?.rule.all?.length ?? 0; g > 0; g--) groups.push([]);
    h = { any: [], groups, none: false, gate: false };
    perRule.set(i, h);
  }
  return h;
}

/** Every `all` group must hit; with a window, near an anchor (an `any` hit, or the first group's hit). */
function matchGroups(h: RuleHits, groupCount: number, needsAnchor: boolean, window: number | undefined): Hit[] | null {
  for (let g = 0; g < groupCount; g++) if (!h.groups[g]?.length) return null;
  const anchors = needsAnchor ? h.any : (h.groups[0] ?? []);
  if (window === undefined) {
    return [...(needsAnchor ? h.any : []), ...h.groups.flat()];
  }
  // Every anchor that matches, not only the first: a request said twice, once inside a warning's clause ("不会主动联系
  // 您要求转账的是真客服，我们现在需要您转账…"), keeps the span of the second and is not set aside as a quotation.
  let evidence: Hit[] | null = null;
  for (const a of anchors) {
    if (a.inNorm) continue; // windows are measured in the compact view only
    const picked: Hit[] = [a];
    let ok = true;
    for (let g = needsAnchor ? 0 : 1; g < groupCount && ok; g++) {
      const near = h.groups[g]?.find((x) => Math.abs(x.start - a.start) <= window);
      if (near) picked.push(near);
      else ok = false;
    }
    if (!ok) continue;
    if (evidence === null) evidence = picked;
    else evidence.push(...picked);
    if (evidence.length >= MAX_SPANS * 2) break;
  }
  return evidence;
}

function toSpans(hits: Hit[], n: NormalizedText): Span[] {
  const spans: Span[] = [];
  for (const hit of hits) {
    const s = toOriginal(hit.inNorm ? n.norm : n.compact, hit.start, hit.end);
    if (!spans.some((x) => x.start === s.start && x.end === s.end)) spans.push(s);
    if (spans.length >= MAX_SPANS) break;
  }
  // At most MAX_SPANS: an insertion sort in place (Array#sort allocates a work area on every call).
  for (let i = 1; i < spans.length; i++) {
    const x = spans[i] as Span;
    let j = i - 1;
    for (; j >= 0 && (spans[j] as Span).start > x.start; j--) spans[j + 1] = spans[j] as Span;
    spans[j + 1] = x;
  }
  return spans;
}
