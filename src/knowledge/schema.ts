/**
 * One zod schema per knowledge file: the same source gives the TypeScript types, the
 * build-time validation (tools/build-knowledge.ts) and the load-time validation of custom packs.
 * KNOWLEDGE.md documents every field.
 */
import { z } from 'zod';
import { CATEGORY_IDS } from '../core/types.js';

export const SCHEMA_VERSION = 1;

const localized = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();
const category = z.enum(CATEGORY_IDS);
/**
 * YAML reads 96110 as a number; a keyword is always text. Chinese punctuation is refused: keywords match the compact
 * text, which has none, so '下载“' would silently match every '下载'.
 */
const keyword = z
  .union([z.string().min(1), z.number()])
  .transform((v) => String(v))
  .refine((s) => !/[“”‘’「」『』《》【】：，。！？、；（）]/.test(s), { message: 'keywords match text without punctuation: drop the Chinese punctuation mark' });
const keywordList = z.array(keyword).min(1);
/** Stable UPPER_SNAKE ids, as Rspamd symbols: an id is never reused for another meaning. */
const signalId = z.string().regex(/^[A-Z][A-Z0-9_]{2,63}$/, 'ids are UPPER_SNAKE, 3–64 characters');

export const ruleTag = z.enum(['claim', 'pretext', 'action', 'pressure', 'payment', 'lure', 'benign', 'spam', 'contact', 'hint', 'warning', 'warning_clause', 'narration', 'responder_check', 'negation']);

export const ruleSchema = z
  .object({
    id: signalId,
    /** The category this rule points to, or null for a tactic many scams share. */
    category: category.nullable(),
    /** Raw-score contribution; negative for context that genuine messages carry. */
    weight: z.number().min(-100).max(100),
    tags: z.array(ruleTag).default([]),
    zh: z.string().min(1),
    en: z.string().min(1),
    /** Fires when any keyword matches (compacted text: no spaces or punctuation). */
    any: z.array(keyword).optional(),
    /** Every group must match too; with `window`, within that many characters of the first `any` hit. */
    all: z.array(keywordList).optional(),
    window: z.number().int().positive().max(2000).optional(),
    /** Does not fire when any of these match anywhere in the text. */
    none: z.array(keyword).optional(),
    /** Bounded regular expressions over the normalised text (see safe-regex rules in KNOWLEDGE.md). */
    regex: z.array(z.string().min(1)).optional(),
    /** Only for these languages of text. */
    lang: z.enum(['zh', 'en']).optional(),
    /** Examples that must fire / must not fire the rule: checked by the test suite. */
    examples: z.object({ fire: z.array(z.string()).default([]), quiet: z.array(z.string()).default([]) }).strict().optional(),
  })
  .strict()
  .refine((r) => (r.any?.length ?? 0) + (r.regex?.length ?? 0) + (r.all?.length ?? 0) > 0, {
    message: 'a rule needs at least one of any, all or regex',
  });
export type RuleSource = z.input<typeof ruleSchema>;
export type Rule = z.output<typeof ruleSchema>;

export const rulePackSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    pack: z.string().regex(/^[a-z0-9_]+$/),
    description: z.string(),
    /**
     * Named keyword lists that rules of any pack use as `@name` inside any, all and none (a list kept once: the
     * self-service wording several rules stay quiet on, the words of one claim another rule must not count twice).
     */
    lists: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, 'list names are lower_snake'), keywordList).optional(),
    rules: z.array(ruleSchema).min(1),
  })
  .strict();
export type RulePack = z.output<typeof rulePackSchema>;

/** Signals that code emits (entity checks, context, model, reputation): their weights live here, not in code. */
export const signalDefSchema = z
  .object({
    id: signalId,
    category: category.nullable(),
    weight: z.number().min(-100).max(100),
    tags: z.array(ruleTag).default([]),
    /** May contain {placeholders} filled from the signal's detail. */
    zh: z.string().min(1),
    en: z.string().min(1),
  })
  .strict();
export type SignalDef = z.output<typeof signalDefSchema>;

/** data/signals/*.yaml: signal definitions grouped by the feature that emits them. */
export const signalFileSchema = z
  .object({ schemaVersion: z.literal(SCHEMA_VERSION), description: z.string(), signals: z.array(signalDefSchema) })
  .strict();

export const compositeSchema = z
  .object({
    id: signalId,
    /** Fires when every listed tag (or rule id) fired. Prefix "!" for "did not fire". */
    when: z.array(z.string().min(1)).min(1),
    weight: z.number().min(-100).max(100),
    zh: z.string().min(1),
    en: z.string().min(1),
  })
  .strict();
export type Composite = z.output<typeof compositeSchema>;

export const policySchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    /** Verdict thresholds on the 0–100 score. */
    thresholds: z.object({ scam: z.number(), suspicious: z.number(), spam: z.number() }).strict(),
    /** score = 100 · (1 − e^(−raw / scale)). */
    scale: z.number().positive(),
    /** Each category's own rules count at most this much (one pretext said ten ways is still one pretext). */
    categoryCap: z.number().positive(),
    /** Shared tactics (no category) count at most this much. */
    tacticCap: z.number().positive(),
    singleDimensionFactor: z.number().min(0).max(1),
    strongSignalWeight: z.number().positive(),
    /** In a conversation, tactics found only in the responder's turns count at this fraction. */
    responderFactor: z.number().min(0).max(1),
    /** Benign status context (refund done, order status…) counts at this fraction when the text also asks for something. */
    benignWhenAsked: z.number().min(0).max(1),
    /** MODEL_SCAM's weight at the model's emit level, as a fraction of its full weight (it ramps to 1 at P = 1). */
    modelScamFloor: z.number().min(0).max(1).default(0),
    /**
     * For Chinese text that asks or lures, MODEL_SCAM is emitted from this P(scam) on (below the model's own emit
     * level), at the floor weight; 1: never below the model's emit level.
     */
    modelScamEmitZh: z.number().min(0).max(1).default(1),
    /** On Chinese text in Traditional characters, MODEL_SCAM from this P(scam) weighs at least strongSignalWeight (0: off). */
    modelScamTraditional: z.number().min(0).max(1).default(0),
    /** …but on a line shorter than this many compact characters only where a rule, entity or checker signal fired too. */
    modelScamTraditionalMinLength: z.number().int().min(0).default(0),
    /** A non-Chinese text shorter than `length` compact characters needs P(spam or scam) of at least `emit` for MODEL_SPAM. */
    modelSpamShortText: z.object({ length: z.number().int().min(0), emit: z.number().min(0).max(1) }).strict().default({ length: 0, emit: 0 }),
    /** On a text shorter than `length` compact characters MODEL_SCAM weighs length / `length` (digits not counted in Chinese; a digit-free Chinese line by `wordsLength`; 0: off). */
    modelScamShortText: z.object({ length: z.number().int().min(0), wordsLength: z.number().int().min(1).optional() }).strict().default({ length: 0 }),
    /** The model names the category outright when its top category holds at least this share of P(scam) (above 1: never). */
    modelCategoryOverride: z.number().min(0).max(2).default(2),
    composites: z.array(compositeSchema),
    signals: z.array(signalDefSchema),
  })
  .strict();
export type Policy = z.output<typeof policySchema>;

export const categoryInfoSchema = z
  .object({
    id: category,
    name: localized,
    summary: localized,
    scripts: z.array(localized).min(1),
    redFlags: z.array(localized).min(1),
    advice: z.array(localized).min(1),
  })
  .strict();
export type CategoryInfo = z.output<typeof categoryInfoSchema>;

export const categoriesSchema = z
  .object({ schemaVersion: z.literal(SCHEMA_VERSION), categories: z.array(categoryInfoSchema) })
  .strict();

export const adviceSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    /** Advice shown when a signal with this tag or id fired, or an entity of this kind was found ("entity:url"). */
    triggers: z.array(z.object({ on: z.string().min(1), advice: localized }).strict()),
    /** Shown when nothing suspicious was found. */
    safe: z.array(localized),
  })
  .strict();
export type AdviceData = z.output<typeof adviceSchema>;

export const normalizeDataSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    /** Evasive spellings and what they stand for (薇信 → 微信). Matched after width, case and script folding. */
    replacements: z.array(z.object({ to: z.string().min(1), from: keywordList }).strict()),
    /**
     * Characters never folded by the traditional→simplified table: simplified characters that OpenCC converts when
     * it sees them alone (么 → 幺, as in 幺二三) although simplified text writes 什么 and 怎么 with them.
     */
    keepCharacters: z.array(z.string().length(1)).default([]),
  })
  .strict();

export const sourceRef = z.object({ title: z.string().min(1), url: z.string().optional(), date: z.string().optional() }).strict();

/** official: the organisation's own site/app or a government notice; secondary: news or police quoting it; general_knowledge: unsourced. */
export const verifiedLevel = z.enum(['official', 'secondary', 'general_knowledge']);

export const directoryPhoneSchema = z
  .object({
    /** Digits as dialled inside China (no +86); a leading + only for foreign numbers. */
    number: z.union([z.string(), z.number()]).transform((v) => String(v)).pipe(z.string().regex(/^\+?[0-9]{3,16}$/)),
    /** How people see and dial it: "95188", "400-670-0700", "区号+96110". */
    display: z.string().min(1),
    note: z.string().optional(),
    /** Overrides the entry's `verified` for this number. */
    verified: verifiedLevel.optional(),
    /** The organisation says this line never calls from abroad (so +86/00 forms of it are spoofed). */
    neverCallsFromAbroad: z.boolean().optional(),
    /** Dialled with an area code in front (96110): "0571-96110" is the same number. */
    withAreaCode: z.boolean().optional(),
  })
  .strict();
export type DirectoryPhone = z.output<typeof directoryPhoneSchema>;

export const directoryEntrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_]+$/),
    kind: z.enum(['payment', 'ecommerce', 'courier', 'bank', 'lender', 'telecom', 'government', 'court', 'platform', 'social', 'travel', 'other']),
    name: localized,
    /** Names and nicknames as they appear in messages, matched after normalisation (so 支付寶 = 支付宝). */
    aliases: z.array(keyword).min(1),
    /** The official app or channel to use instead of the caller's. */
    app: localized.optional(),
    phones: z.array(directoryPhoneSchema).default([]),
    domains: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/)).default([]),
    /** How well the domains are sourced when that differs from the entry's `verified` (e.g. a sourced number, unsourced domains). */
    domainsVerified: verifiedLevel.optional(),
    neverDoes: z.array(localized).default([]),
    /** Which taxonomy category a scam in this organisation's name usually falls under. */
    impersonatedAs: category.optional(),
    /** Where the organisation is based (ISO 3166 code): a foreign caller claiming a CN organisation is a red flag. */
    country: z.string().regex(/^[A-Z]{2}$/).default('CN'),
    sources: z.array(sourceRef).min(1),
    verified: verifiedLevel,
  })
  .strict();
export type DirectoryEntry = z.output<typeof directoryEntrySchema>;

export const directorySchema = z
  .object({ schemaVersion: z.literal(SCHEMA_VERSION), entries: z.array(directoryEntrySchema) })
  .strict();

/** Everything the engine knows, compiled by tools/build-knowledge.ts into one JSON-like object. */
export interface KnowledgeData {
  version: string;
  rules: Rule[];
  policy: Omit<Policy, 'signals'>;
  signals: SignalDef[];
  categories: CategoryInfo[];
  advice: AdviceData;
  directory: DirectoryEntry[];
  replacements: { to: string; from: string[] }[];
  /** Traditional → simplified, one character each (from OpenCC at build time). */
  t2s: Record<string, string>;
  /** Small lists the phone/link/notice checkers use (data/intel/*.yaml); absent in packs without them. */
  intel?: IntelData;
}

/** data/intel/*.yaml: each file sets some of these lists; the build merges them. */
export const intelFileSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    description: z.string(),
    sources: z.array(sourceRef).default([]),
    /** Registrable domains of URL shorteners (t.cn, bit.ly). */
    shorteners: z.array(z.string().min(3)).optional(),
    /** Registrable domains where anyone can host a page for free (github.io, vercel.app). */
    freeHosts: z.array(z.string().min(3)).optional(),
    /** Dynamic-DNS registrable domains (duckdns.org, ddns.net). */
    dynamicDns: z.array(z.string().min(3)).optional(),
    /** Top-level domains that phishing campaigns favour (without the dot). */
    riskyTlds: z.array(z.string().min(2)).optional(),
    /** Domain suffixes only a government can register (gov.tw, gov.cn): a link there is the government's own site. */
    governmentSuffixes: z.array(z.string().min(2)).optional(),
    userContentHosts: z.array(z.string().min(3)).optional(),
    /** Court type codes (案件类型代字) from the SPC standard and later notices, with the year they started. */
    caseTypes: z.array(z.object({ code: z.string().min(1), since: z.number().int().optional(), note: z.string().optional() }).strict()).optional(),
    /** Type codes seen in circulation that no source confirms (诉前调, 诉前保). */
    caseTypesUnverified: z.array(z.string().min(1)).optional(),
    /** One-character court codes of the high courts (京…兵), and 最高法. */
    courtCodes: z.array(z.string().min(1)).optional(),
    /** Wrong province characters people and scammers use, with the right one (贵 → 黔). */
    courtCodeMistakes: z.array(z.object({ wrong: z.string().min(1), right: z.string().min(1) }).strict()).optional(),
  })
  .strict();

export interface IntelData {
  shorteners: string[];
  freeHosts: string[];
  dynamicDns: string[];
  riskyTlds: string[];
  governmentSuffixes: string[];
  /** Hosts on an organisation's domain where anyone publishes: they never vouch for a text (URL_ALL_VOUCHED). */
  userContentHosts: string[];
  caseTypes: { code: string; since?: number; note?: string }[];
  caseTypesUnverified: string[];
  courtCodes: string[];
  courtCodeMistakes: { wrong: string; right: string }[];
}
