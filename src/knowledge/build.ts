import {
  adviceSchema,
  categoriesSchema,
  directorySchema,
  normalizeDataSchema,
  policySchema,
  rulePackSchema,
  signalFileSchema,
  type KnowledgeData,
  type Rule,
} from './schema.js';
import { regexProblem } from './safe-regex.js';
import { compileNormalize } from '../core/knowledge.js';
import { compactString, normalize } from '../core/normalize/normalize.js';
import { CATEGORY_IDS } from '../core/types.js';
import type { z } from 'zod';

export interface SourceFiles {
  policy: unknown;
  categories: unknown;
  advice: unknown;
  normalize: unknown;
  directory: unknown;
  signalFiles: { file: string; content: unknown }[];
  rulePacks: { file: string; content: unknown }[];
}

export const KNOWLEDGE_VERSION = '2026.11.1';

function issues(file: string, error: z.ZodError): string[] {
  return error.issues.map((i) => `${file}: ${i.path.join('.') || '(root)'}: ${i.message}`);
}

/** Replaces every `@name` keyword of a rule's any, all and none by the words of that list (order kept, no repeats). */
function expandLists(rule: Rule, lists: ReadonlyMap<string, string[]>, missing: (name: string) => void): Rule {
  const expand = (words: string[] | undefined): string[] | undefined => {
    if (!words?.some((w) => w.startsWith('@'))) return words;
    const out = new Set<string>();
    for (const w of words) {
      if (!w.startsWith('@')) out.add(w);
      else for (const x of lists.get(w.slice(1)) ?? (missing(w.slice(1)), [])) out.add(x);
    }
    return [...out];
  };
  const any = expand(rule.any);
  const none = expand(rule.none);
  const all = rule.all?.map((g) => expand(g) ?? g);
  return { ...rule, ...(any ? { any } : {}), ...(none ? { none } : {}), ...(all ? { all } : {}) };
}

/**
 * Keywords and aliases that normalisation rewrites (帐户 → 账户, a spelled-out number) could never match: the text is
 * rewritten before matching, the keyword is only folded. Checked with the engine's own normalisation.
 */
function rewrittenKeywords(rules: Rule[], directory: { id: string; aliases: string[] }[], replacements: { to: string; from: string[] }[], t2s: Record<string, string>): string[] {
  const kn = compileNormalize(replacements, t2s);
  const problems: string[] = [];
  const check = (where: string, word: string): void => {
    const folded = compactString(word, t2s);
    const rewritten = normalize(word, kn).compact.text;
    if (rewritten !== folded) problems.push(`${where}: "${word}" is rewritten to "${rewritten}" by normalize.yaml before matching, so it could never match: write "${rewritten}"`);
  };
  for (const r of rules) for (const k of [...(r.any ?? []), ...(r.none ?? []), ...(r.all ?? []).flat()]) check(r.id, k);
  for (const d of directory) for (const a of d.aliases) check(`directory ${d.id}`, a);
  return problems;
}

/** Validates every knowledge file and merges them; returns all errors at once so an analyst fixes them in one go. */
export function buildKnowledge(src: SourceFiles, t2s: Record<string, string>): { data: KnowledgeData | null; errors: string[] } {
  const errors: string[] = [];
  const policy = policySchema.safeParse(src.policy);
  if (!policy.success) errors.push(...issues('policy.yaml', policy.error));
  const categories = categoriesSchema.safeParse(src.categories);
  if (!categories.success) errors.push(...issues('categories.yaml', categories.error));
  const advice = adviceSchema.safeParse(src.advice);
  if (!advice.success) errors.push(...issues('advice.yaml', advice.error));
  const norm = normalizeDataSchema.safeParse(src.normalize);
  if (!norm.success) errors.push(...issues('normalize.yaml', norm.error));
  const directory = directorySchema.safeParse(src.directory);
  if (!directory.success) errors.push(...issues('directory.yaml', directory.error));
  const rules = [];
  const packs = [];
  const lists = new Map<string, string[]>();
  const listFile = new Map<string, string>();
  for (const pack of src.rulePacks) {
    const p = rulePackSchema.safeParse(pack.content);
    if (!p.success) {
      errors.push(...issues(pack.file, p.error));
      continue;
    }
    packs.push({ file: pack.file, data: p.data });
    for (const [name, words] of Object.entries(p.data.lists ?? {})) {
      if (lists.has(name)) errors.push(`${pack.file}: list @${name} is defined twice (also in ${listFile.get(name)})`);
      lists.set(name, words);
      listFile.set(name, pack.file);
    }
  }
  for (const { file, data } of packs) {
    for (const r0 of data.rules) {
      const r = expandLists(r0, lists, (name) => errors.push(`${file}: ${r0.id}: no list @${name} (a keyword starting with @ names a list; @ is dropped before matching anyway)`));
      for (const re of r.regex ?? []) {
        const problem = regexProblem(re);
        if (problem) errors.push(`${file}: ${r.id}: regex /${re}/ ${problem}`);
      }
      rules.push(r);
    }
  }
  const extraSignals = [];
  for (const f of src.signalFiles) {
    const p = signalFileSchema.safeParse(f.content);
    if (!p.success) errors.push(...issues(f.file, p.error));
    else extraSignals.push(...p.data.signals);
  }
  const ids = new Map<string, string>();
  const signalIds = [...rules.map((r) => r.id), ...(policy.data?.signals ?? []).map((s) => s.id), ...extraSignals.map((s) => s.id), ...(policy.data?.composites ?? []).map((c) => c.id)];
  for (const id of signalIds) {
    if (ids.has(id)) errors.push(`duplicate signal id ${id}`);
    ids.set(id, id);
  }
  if (categories.data) {
    const have = new Set(categories.data.categories.map((c) => c.id));
    for (const id of CATEGORY_IDS) if (!have.has(id)) errors.push(`categories.yaml: missing category ${id}`);
  }
  const dirIds = new Set<string>();
  for (const d of directory.data?.entries ?? []) {
    if (dirIds.has(d.id)) errors.push(`directory.yaml: duplicate id ${d.id}`);
    dirIds.add(d.id);
  }
  const keep = norm.data?.keepCharacters ?? [];
  const foldTable = Object.fromEntries(Object.entries(t2s).filter(([from]) => !keep.includes(from)));
  if (norm.data) errors.push(...rewrittenKeywords(rules, directory.data?.entries ?? [], norm.data.replacements, foldTable));
  if (errors.length > 0 || !policy.data || !categories.data || !advice.data || !norm.data || !directory.data) return { data: null, errors };
  const { signals, ...policyRest } = policy.data;
  return {
    data: {
      version: KNOWLEDGE_VERSION,
      rules,
      policy: policyRest,
      signals: [...signals, ...extraSignals],
      categories: categories.data.categories,
      advice: advice.data,
      directory: directory.data.entries,
      replacements: norm.data.replacements,
      t2s: foldTable,
    },
    errors,
  };
}
