import type { CategoryInfo, DirectoryEntry, KnowledgeData, Rule, SignalDef } from '../knowledge/schema.js';
import { KeywordMatcher } from './matching/keyword-matcher.js';
import { regexGate } from './matching/regex-gate.js';
import { FactIndex, type FactMask } from './signals/facts.js';
import { compactString, normalizeChars, t2sTable, type NormalizeKnowledge } from './normalize/normalize.js';
import type { CategoryId } from './types.js';

const NO_FACTS: FactMask = { lo: 0, hi: 0 };

export type { KnowledgeData } from '../knowledge/schema.js';

/** Which part of which rule a keyword belongs to. */
export interface RuleKeyword {
  rule: number;
  /** -1: an `any` keyword; -2: a `none` keyword; -3: a gate of the rule's regexes; i ≥ 0: group i of `all`. */
  role: number;
}

export interface CompiledRule {
  rule: Rule;
  /** Shared between rules with the same pattern (see ruleSignals). */
  regexes: RegExp[];
  /** regexes[j]'s index among the knowledge's distinct patterns (ruleSignals runs each pattern once per text). */
  regexIds: number[];
  /** The regexes run only on a text where one of their gate literals was found (matching/regex-gate.ts). */
  gated: boolean;
}

/** Knowledge turned into matchers once, then shared by every call (the engine never mutates it). */
export interface CompiledKnowledge {
  data: KnowledgeData;
  normalize: NormalizeKnowledge;
  rules: CompiledRule[];
  /** Indexes of the rules that have regexes (most have none; the hot loop skips the rest). */
  regexRules: number[];
  /** How many distinct regex patterns the rules have. */
  regexCount: number;
  ruleMatcher: KeywordMatcher<RuleKeyword>;
  brandMatcher: KeywordMatcher<DirectoryEntry>;
  categories: Map<CategoryId, CategoryInfo>;
  signals: Map<string, SignalDef>;
  directoryById: Map<string, DirectoryEntry>;
  /** The policy's composites with their `when` split into what must have fired and what must not ("!x"). */
  composites: CompiledComposite[];
  /** Every tag or signal id a composite names, as a bit; null when there are too many for a mask. */
  compositeFacts: FactIndex | null;
}

export interface CompiledComposite {
  def: KnowledgeData['policy']['composites'][number];
  all: string[];
  none: string[];
  /** `all` and `none` as bits of `compositeFacts` (0 when it is null). */
  allMask: FactMask;
  noneMask: FactMask;
}

const compiledCache = new WeakMap<KnowledgeData, CompiledKnowledge>();

/** What normalisation needs, compiled: the typed script table and the evasion matcher (also the build's check). */
export function compileNormalize(replacements: KnowledgeData['replacements'], t2s: KnowledgeData['t2s']): NormalizeKnowledge {
  const evasions = new KeywordMatcher<string>(replacements.flatMap((r) => r.from.map((f) => [normalizeChars(f, t2s), r.to] as const)));
  return { t2s, t2sTable: t2sTable(t2s), evasions };
}

export function compileKnowledge(data: KnowledgeData): CompiledKnowledge {
  const cached = compiledCache.get(data);
  if (cached) return cached;
  const t2s = data.t2s;
  const keywords: [string, RuleKeyword][] = [];
  data.rules.forEach((rule, i) => {
    for (const k of rule.any ?? []) keywords.push([compactString(k, t2s), { rule: i, role: -1 }]);
    for (const k of rule.none ?? []) keywords.push([compactString(k, t2s), { rule: i, role: -2 }]);
    (rule.all ?? []).forEach((group, g) => {
      for (const k of group) keywords.push([compactString(k, t2s), { rule: i, role: g }]);
    });
  });
  // A rule's regexes are gated when every one of them has literals that every match contains, and those literals
  // read the same in the compact view the automaton scans.
  const gates = data.rules.map((rule) => {
    if (!rule.regex?.length) return null;
    const literals = new Set<string>();
    for (const r of rule.regex) {
      const g = regexGate(r);
      // A one-character literal ("就", "是") is in most texts: it would gate nothing and add automaton hits.
      if (!g || g.some((l) => l.length < 2 || compactString(l, t2s) !== l)) return null;
      for (const l of g) literals.add(l);
    }
    return [...literals];
  });
  gates.forEach((g, i) => {
    for (const l of g ?? []) keywords.push([l, { rule: i, role: -3 }]);
  });
  const brandKeys: [string, DirectoryEntry][] = [];
  for (const entry of data.directory) {
    for (const alias of entry.aliases) brandKeys.push([compactString(alias, t2s), entry]);
  }
  const composites = data.policy.composites.map((def) => ({
    def,
    all: def.when.filter((w) => !w.startsWith('!')),
    none: def.when.filter((w) => w.startsWith('!')).map((w) => w.slice(1)),
  }));
  const facts = FactIndex.of(composites.flatMap((c) => [...c.all, ...c.none]));
  // One RegExp per distinct pattern: rules that share a pattern (the English link test) share its matches too.
  const patterns = new Map<string, { re: RegExp; id: number }>();
  const regexOf = (r: string): { re: RegExp; id: number } => {
    let p = patterns.get(r);
    if (p === undefined) patterns.set(r, (p = { re: new RegExp(r, 'gu'), id: patterns.size }));
    return p;
  };
  const compiled: CompiledKnowledge = {
    data,
    normalize: compileNormalize(data.replacements, t2s),
    rules: data.rules.map((rule, i) => {
      const own = (rule.regex ?? []).map(regexOf);
      return { rule, regexes: own.map((p) => p.re), regexIds: own.map((p) => p.id), gated: gates[i] !== null };
    }),
    regexRules: data.rules.flatMap((rule, i) => ((rule.regex?.length ?? 0) > 0 ? [i] : [])),
    regexCount: patterns.size,
    ruleMatcher: new KeywordMatcher(keywords.filter(([k]) => k.length > 0)),
    brandMatcher: new KeywordMatcher(brandKeys.filter(([k]) => k.length > 0)),
    categories: new Map(data.categories.map((c) => [c.id, c])),
    signals: new Map(data.signals.map((s) => [s.id, s])),
    directoryById: new Map(data.directory.map((d) => [d.id, d])),
    composites: composites.map((c) => ({ ...c, allMask: facts?.mask(c.all) ?? NO_FACTS, noneMask: facts?.mask(c.none) ?? NO_FACTS })),
    compositeFacts: facts,
  };
  compiledCache.set(data, compiled);
  return compiled;
}
