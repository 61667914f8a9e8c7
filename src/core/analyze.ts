import { extractEntities } from './entities/index.js';
import { advise, summarize } from './explain.js';
import { compileKnowledge, type CompiledKnowledge, type KnowledgeData } from './knowledge.js';
import { detectLang } from './lang.js';
import { normalize, writtenInTraditional, type NormalizedText } from './normalize/normalize.js';
import type { TextView } from './normalize/text-view.js';
import { score } from './score.js';
import { emit, firedWith, TAG, tagBits } from './signals/emit.js';
import { entitySignals, isServiceSender } from './signals/entity-signals.js';
import { discountQuoted } from './signals/quoted.js';
import { ruleSignals } from './signals/rule-signals.js';
import type { Analysis, AnalyzeOptions, Entity, Signal, Thresholds } from './types.js';

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

/** Everything up to scoring: normalise → entities → signals. Pure and deterministic. */
export function collectEvidence(input: string, data: KnowledgeData, options: AnalyzeOptions = {}, parts: EngineParts = {}): Evidence {
  const k = compileKnowledge(data);
  const text = typeof input === 'string' ? input : String(input ?? '');
  const max = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const truncated = text.length > max;
  // Never cut a surrogate pair in half.
  const cut = truncated ? max - (isHighSurrogate(text.charCodeAt(max - 1)) ? 1 : 0) : text.length;
  const original = truncated ? text.slice(0, cut) : text;
  const n = normalize(original, k.normalize);
  const lang = detectLang(n.norm.text);
  const entities = extractEntities(n, original, k);
  const signals: Signal[] = discountQuoted([...ruleSignals(n, k, lang), ...entitySignals(entities, k, options.sender)], original, data.policy.strongSignalWeight);
  for (const check of parts.checkers ?? []) signals.push(...check(entities, original, k, options, n));
  // Too little to read (empty, symbols or digits only, a word or two) gives a model nothing to judge.
  if (parts.model && options.useModel !== false && readableChars(n.compact.text) >= MIN_READABLE_FOR_MODEL) {
    const traditional = lang === 'zh' && writtenInTraditional(original, k.normalize);
    signals.push(...parts.model({ text: original, compact: n.compact.text, compactView: n.compact, lang, traditional, signals, entities }, k));
  }
  signals.push(...(options.extraSignals ?? []));
  signals.push(...contextSignals(signals, options, k));
  return { original, truncated, lang, entities, signals };
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

const MIN_READABLE_FOR_MODEL = 3;

/** Letters and ideographs in the compact text, counted up to the threshold. */
function readableChars(compact: string): number {
  let n = 0;
  for (let i = 0; i < compact.length && n < MIN_READABLE_FOR_MODEL; i++) {
    const c = compact.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x4e00 && c <= 0x9fff)) n++;
  }
  return n;
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

/** normalise → extract entities → signals → score → explain, for one message. */
export function analyzeWith(text: string, data: KnowledgeData, options: AnalyzeOptions = {}, parts: EngineParts = {}): Analysis {
  return judge(collectEvidence(text, data, options, parts), data, options);
}
