import { extractEntities } from './entities/index.js';
import { advise, summarize } from './explain.js';
import { compileKnowledge, type CompiledKnowledge, type KnowledgeData } from './knowledge.js';
import { detectLang } from './lang.js';
import { normalize, writtenInTraditional, type NormalizedText } from './normalize/normalize.js';
import type { TextView } from './normalize/text-view.js';
import { score } from './score.js';
import { emit, firedWith, TAG, tagBits } from './signals/emit.js';
import { entitySignals, isServiceSender } from './signals/entity-signals.js';
import { discountQuoted, weighLoneWarnings } from './signals/quoted.js';
import { ruleSignals } from './signals/rule-signals.js';
import type { Analysis, AnalyzeOptions, Entity, Signal, Thresholds } from './types.js';
import { MIN_READABLE_FOR_MODEL, readableChars } from './readable.js';
import { readBesideWarnings } from './warning-line.js';

export const ENGINE_VERSION = '0.1.0';
export const DEFAULT_MAX_LENGTH = 100_000;

/** Entity checkers that knowledge-aware layers (phone, link, legal-notice intelligence) plug in. */
/** `normalized` is the engine's own normalisation of `text` (checkers reuse it rather than normalise again). */
export type EntityChecker = (entities: Entity[], text: string, k: CompiledKnowledge, options: AnalyzeOptions, normalized?: NormalizedText) => Signal[];

/** A learned model scored beside the rules; returns its own signals (with spans) or none. */
export type ModelScorer = (
  input: {
    text: string;
    compact: string;
    compactView?: TextView;
    lang: Analysis['lang'];
    /** A Chinese text written in Traditional characters (writtenInTraditional). */
    traditional?: boolean;
    signals: Signal[];
    entities: Entity[];
  },
  k: CompiledKnowledge,
) => Signal[];

export interface EngineParts {
  checkers?: EntityChecker[];
  model?: ModelScorer;
}

export interface Evidence {
  original: string;
  truncated: boolean;
  lang: Analysis['lang'];
  entities: Entity[];
  /** Signals before scoring: rules, entities, checkers, model, caller-provided. */
  signals: Signal[];
}

/** One message on its way through the pipeline: each stage below fills in its part. */
interface Work {
  original: string;
  truncated: boolean;
  options: AnalyzeOptions;
  /** The joined turns of a call or chat (conversation.ts), not one message. */
  conversation: boolean;
  n: NormalizedText;
  lang: Analysis['lang'];
  entities: Entity[];
  signals: Signal[];
}

/** Cuts the input to `maxLength` and normalises it (the stage every other one reads). */
function begin(input: string, options: AnalyzeOptions, k: CompiledKnowledge, conversation = false): Work {
  const text = typeof input === 'string' ? input : String(input ?? '');
  const max = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const truncated = text.length > max;
  // Never cut a surrogate pair in half.
  const cut = truncated ? max - (isHighSurrogate(text.charCodeAt(max - 1)) ? 1 : 0) : text.length;
  const original = truncated ? text.slice(0, cut) : text;
  const n = normalize(original, k.normalize);
  return { original, truncated, options, conversation, n, lang: 'zh', entities: [], signals: [] };
}

function readLang(w: Work): void {
  w.lang = detectLang(w.n.norm.text);
}

function findEntities(w: Work, k: CompiledKnowledge): void {
  w.entities = extractEntities(w.n, w.original, k);
}

function findSignals(w: Work, k: CompiledKnowledge, data: KnowledgeData, parts: EngineParts): void {
  w.signals = discountQuoted([...ruleSignals(w.n, k, w.lang), ...entitySignals(w.entities, k, w.options.sender)], w.original, data.policy.strongSignalWeight, w.conversation);
  for (const check of parts.checkers ?? []) w.signals.push(...check(w.entities, w.original, k, w.options, w.n));
}

function scoreWithModel(w: Work, k: CompiledKnowledge, parts: EngineParts): void {
  // Too little to read (empty, symbols or digits only, a word or two) gives a model nothing to judge.
  if (!parts.model || w.options.useModel === false || readableChars(w.n.compact.text) < MIN_READABLE_FOR_MODEL) return;
  const traditional = w.lang === 'zh' && writtenInTraditional(w.original, k.normalize);
  const input = { text: w.original, compact: w.n.compact.text, compactView: w.n.compact, lang: w.lang, traditional, signals: w.signals, entities: w.entities };
  const full = parts.model(input, k);
  w.signals.push(...(w.conversation ? full : readBesideWarnings(w.signals, w.original, w.n.compact.text.length, k, parts.model, input, full)));
}

function evidenceOf(w: Work, k: CompiledKnowledge): Evidence {
  // A warning line counts by its share of the text, unless the model reads the message as ordinary.
  if (!w.signals.some((s) => s.id === 'MODEL_LEGIT')) w.signals = weighLoneWarnings(w.signals);
  w.signals.push(...(w.options.extraSignals ?? []));
  w.signals.push(...contextSignals(w.signals, w.options, k));
  return { original: w.original, truncated: w.truncated, lang: w.lang, entities: w.entities, signals: w.signals };
}

/** Everything up to scoring: normalise → entities → signals. Pure and deterministic. `conversation`: joined turns. */
export function collectEvidence(input: string, data: KnowledgeData, options: AnalyzeOptions = {}, parts: EngineParts = {}, conversation = false): Evidence {
  const k = compileKnowledge(data);
  const w = begin(input, options, k, conversation);
  readLang(w);
  findEntities(w, k);
  findSignals(w, k, data, parts);
  scoreWithModel(w, k, parts);
  return evidenceOf(w, k);
}

/** A message of a batch, with options of its own (merged over the batch's). */
export interface BatchItem {
  text: string;
  options?: AnalyzeOptions;
}

/**
 * Stops filling a group when it holds this many messages or characters: large enough that each stage's code and
 * tables serve many messages while in the CPU's caches, small enough that the group's own intermediate results
 * (a 100,000-character text takes megabytes on its way through) do not push them out. On the bench's short SMS,
 * groups of 16 / 64 / 128 / 256 / 512 gave 16.2k / 19.6k / 21.2k / 23.5k / 22.4k messages per second (median of 6
 * alternated rounds; a second run 22.3k at 256, 20.6k at 512; bench/batch-groups.ts).
 */
const GROUP_MESSAGES = 256;
const GROUP_CHARS = 100_000;

function isBatchItem(item: unknown): item is BatchItem {
  return typeof item === 'object' && item !== null && typeof (item as BatchItem).text === 'string';
}

/**
 * The same analyses as `analyzeWith` on each item, in order, computed a stage at a time over groups of messages:
 * one stage's code and tables (automaton, regexes, model weights) serve the whole group before the next stage runs,
 * which is markedly faster at volume than one message at a time through every stage (docs/bench-history.md).
 * It throws what `analyzeWith` would throw on the first item that fails (the shipped engine throws on no text; a
 * checker of your own might), as `items.map(analyze)` would.
 */
export function analyzeBatchWith(items: readonly (string | BatchItem)[], data: KnowledgeData, options: AnalyzeOptions = {}, parts: EngineParts = {}): Analysis[] {
  const k = compileKnowledge(data);
  const out: Analysis[] = [];
  for (let i = 0; i < items.length; ) {
    const group: Work[] = [];
    for (let chars = 0; i < items.length && group.length < GROUP_MESSAGES && (group.length === 0 || chars < GROUP_CHARS); i++) {
      const item = items[i];
      // Anything but a { text } object is the text itself, read as analyze reads it (an array, a String object).
      const own = isBatchItem(item) ? item : null;
      const text = own ? own.text : (item as string);
      const opts = own?.options ? { ...options, ...own.options } : options;
      const w = begin(text, opts, k);
      chars += w.original.length;
      group.push(w);
    }
    for (const w of group) readLang(w);
    for (const w of group) findEntities(w, k);
    for (const w of group) findSignals(w, k, data, parts);
    for (const w of group) scoreWithModel(w, k, parts);
    const evidence = group.map((w) => evidenceOf(w, k));
    for (let j = 0; j < group.length; j++) out.push(judge(evidence[j]!, data, group[j]!.options));
  }
  return out;
}

/** Context a genuine message carries: an operator or company short number that asks for nothing. */
function contextSignals(signals: Signal[], options: AnalyzeOptions, k: CompiledKnowledge): Signal[] {
  const asks = firedWith(signals, TAG.action | TAG.payment | TAG.contact);
  if (isServiceSender(options.sender) && !asks) {
    const s = emit(k, 'SENDER_OFFICIAL_NO_ACTION', 'context', [], { sender: options.sender ?? '' });
    return s ? [s] : [];
  }
  return [];
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

export function resolveThresholds(data: KnowledgeData, options: AnalyzeOptions): Thresholds {
  return { ...data.policy.thresholds, ...options.thresholds };
}

/** Scores collected evidence and writes the explanation. */
export function judge(ev: Evidence, data: KnowledgeData, options: AnalyzeOptions = {}): Analysis {
  const k = compileKnowledge(data);
  // A check only the person contacted can vouch for ("刚视频看到了") counts where analyzeConversation found it in their
  // turns (detail.checkedBy), nowhere else.
  const unvouched = (s: Signal): boolean => (tagBits(s) & TAG.responder_check) !== 0 && s.detail?.['checkedBy'] !== 'responder';
  // Nearly every message has none: no copy of the list then (this runs on every analysis).
  const evidence = ev.signals.some(unvouched) ? ev.signals.filter((s) => !unvouched(s)) : ev.signals;
  const scored = score(evidence, k, resolveThresholds(data, options));
  // Weight 0 adds nothing to explain, except a negated ask that set tactics aside (it says which: detail.quoted).
  const signals = [...evidence, ...scored.composites]
    .filter((s) => s.weight !== 0 || s.detail?.['quoted'] !== undefined)
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  return {
    engine: { version: ENGINE_VERSION, knowledge: data.version },
    verdict: scored.verdict,
    score: scored.score,
    category: scored.category,
    categories: scored.categories,
    signals,
    entities: ev.entities,
    advice: advise(scored.verdict, scored.category, signals, ev.entities, k),
    lang: ev.lang,
    summary: summarize(scored.verdict, scored.category, scored.score, k),
    length: ev.original.length,
    truncated: ev.truncated,
  };
}

/** normalise → extract entities → signals → score → explain, for one message (`analyzeBatchWith` for many). */
export function analyzeWith(text: string, data: KnowledgeData, options: AnalyzeOptions = {}, parts: EngineParts = {}): Analysis {
  return judge(collectEvidence(text, data, options, parts), data, options);
}
