/**
 * The learned model as an engine part (ModelScorer): one signal per message.
 * - MODEL_SCAM when P(scam) passes the calibrated emit level (for Chinese text, policy modelScamEmitZh): its weight
 *   is the policy's floor share of the full weight up to the emit level, ramping to the full weight at P = 1 (so a
 *   half-sure model cannot flag a message alone), and less on a short text (shortTextShare); spans = the
 *   n-grams that pushed most;
 * - MODEL_SPAM (a spam marker) when the message is unwanted but not clearly a scam: P(spam) + P(scam) passes the
 *   spam emit level (higher for a non-Chinese text of a few words) and beats P(legit); weight = signal weight × that
 *   probability;
 * - MODEL_LEGIT (negative, benign) when the model is very sure a Chinese message is ordinary.
 */
import type { ModelScorer } from '../core/analyze.js';
import type { CompiledKnowledge } from '../core/knowledge.js';
import { toOriginal, type TextView } from '../core/normalize/text-view.js';
import { composites } from '../core/score.js';
import { emit, firedWith, TAG, tagBits } from '../core/signals/emit.js';
import type { Analysis, CategoryId, Signal, Span } from '../core/types.js';
import { classIndex, FIRST_SCAM, LEGIT, SPAM } from './classes.js';
import { LinearScorer, type LinearModel, type Prediction } from './linear.js';
import type { FeatureInput } from './features.js';

export interface ModelTap {
  /** Called for every message with the model's input and prediction (null when skipModel). */
  observe: (input: FeatureInput, prediction: Prediction | null) => void;
  /** Don't load or run the model at all (the trainer only needs the features the engine sees). */
  skipModel?: boolean;
}

const pct = (p: number): string => `${Math.round(p * 100)}%`;

const isWordChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Maps compact-text ranges to original spans (widened to whole Latin words), and quotes them for the explanation. */
function evidence(ranges: { start: number; end: number }[], view: TextView | undefined, original: string): { spans: Span[]; zh: string; en: string } {
  if (!view) return { spans: [], zh: '—', en: '—' };
  const spans: Span[] = [];
  for (const r of ranges) {
    const sp = toOriginal(view, r.start, r.end);
    // Bounded widening: a quote of "unpai" reads better as "unpaid".
    for (let i = 0; i < 24 && sp.start > 0 && isWordChar(original.charCodeAt(sp.start - 1)) && isWordChar(original.charCodeAt(sp.start)); i++) sp.start--;
    for (let i = 0; i < 24 && sp.end < original.length && isWordChar(original.charCodeAt(sp.end)) && isWordChar(original.charCodeAt(sp.end - 1)); i++) sp.end++;
    if (sp.end > sp.start && !spans.some((o) => o.start < sp.end && sp.start < o.end)) spans.push(sp);
  }
  const quote = (s: Span): string => (s.end - s.start > 16 ? `${original.slice(s.start, s.start + 16)}…` : original.slice(s.start, s.end)).trim();
  if (spans.length === 0) return { spans, zh: '—', en: '—' };
  return { spans, zh: spans.map((s) => `“${quote(s)}”`).join('、'), en: spans.map((s) => `"${quote(s)}"`).join(', ') };
}

/**
 * Which category the model's weight goes to. When the rules named categories (hints aside), the model reinforces
 * its own top category only when the rules give that one at least half the leading category's evidence: between two
 * kinds the rules tell apart by the pretext it is a coin toss, so otherwise its weight is category-free. When the
 * rules named none, the model names it, if its top category holds enough of P(scam). Its categories are reliable for
 * styles it was trained on, much less for others (docs/model.md), so it overrides the rules only when all but
 * certain (policy `modelCategoryOverride`).
 */
function chooseCategory(p: Prediction, signals: readonly Signal[], minShare: number, override: number, strong: number): CategoryId | null {
  const byCategory = new Map<CategoryId, number>();
  for (const s of signals) {
    if (s.weight <= 0 || !s.category || (tagBits(s) & TAG.hint) !== 0) continue;
    byCategory.set(s.category, (byCategory.get(s.category) ?? 0) + s.weight);
  }
  const lead = Math.max(0, ...byCategory.values());
  // A model that is all but certain of one kind names it, unless the rules' lead kind has strong evidence of its own
  // (policy modelCategoryOverride, strongSignalWeight), or an entity names the kind: the model reads the words only,
  // not that the sender is a "00" number posing as customer service (domain facts §2.3, seed 001).
  const entityNamesKind = signals.some((s) => s.source === 'entity' && s.category !== null && s.weight > 0);
  if (p.category && p.categoryShare >= override && lead < strong && !entityNamesKind) return p.category;
  if (byCategory.size > 0) {
    return p.category && (byCategory.get(p.category) ?? 0) * 2 >= lead ? p.category : null;
  }
  return p.categoryShare >= minShare ? p.category : null;
}

const ASKS_OR_LURES = TAG.action | TAG.payment | TAG.contact | TAG.lure;

/**
 * The share of MODEL_SCAM's weight a short text keeps (policy modelScamShortText): a line of chat gives the model
 * little to read, so its opinion weighs length / `length`, up to 1. In Chinese the digits are not counted: they fold
 * to 0, so one phone number is most of a short line's n-grams ("我的电话是13800138000" read as P(scam) 0.9) and
 * tells the model nothing. A Chinese line with no digit at all is read in words, which say more per character
 * ("您的包裹地址不全，请点击更新"): it weighs length / `wordsLength`. 1 when `length` is 0.
 */
export function shortTextShare(compact: string, lang: Analysis['lang'], length: number, wordsLength = length): number {
  const n = compact.length;
  if (length <= 0 || n >= length) return 1;
  if (lang !== 'zh') return n / length;
  let digits = 0;
  for (let i = 0; i < n; i++) {
    const c = compact.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  // A line with a digit keeps the length: reading its words by wordsLength too raised chat lines that carry a phone
  // number ("快递员张师傅152…正在为您派送") into false alarms (session 9). So one digit still halves a word line's
  // share; measured, not fixed.
  return digits === 0 ? Math.min(1, n / Math.max(1, wordsLength)) : (n - digits) / length;
}

/** A signal of the rules, entities or checkers that counts toward risk (hints only name a category). */
const evidenceOfItsOwn = (s: Signal): boolean =>
  (s.source === 'rule' || s.source === 'entity' || s.source === 'intel') && s.weight > 0 && (tagBits(s) & TAG.hint) === 0;

/**
 * Every link is on the organisation's own (or a government's) domain and nothing but the link itself was found:
 * the model read an "account alert plus link" shape ("您的Apple ID已在新设备登录…请前往appleid.apple.com更改密码",
 * a friend's item.taobao.com link), which the link checker has answered. The model does not flag such a text alone.
 */
const onlyVouchedLinks = (signals: readonly Signal[]): boolean =>
  signals.some((s) => s.id === 'URL_ALL_VOUCHED') && !signals.some((s) => evidenceOfItsOwn(s) && s.id !== 'LINK');

/** 0 up to the emit level, 1 at P = 1: MODEL_SCAM goes from its floor weight to its full weight. */
const ramp = (p: number, from: number): number => (p <= from ? 0 : Math.min(1, (p - from) / Math.max(1e-6, 1 - from)));

/**
 * Traditional Chinese: the model has read Taiwan's SMS (corpus and our own rows) while the rules were written against
 * mainland scripts, and Taiwan's published SMS have their links and numbers stripped, leaving the rules little to see.
 * There the model's majority opinion counts as strong evidence (policy modelScamTraditional). Not where the rules'
 * combined reading is benign (a negative composite: "a new number that asks for nothing", "ordinary marketing"), nor
 * where the link checker vouches for a link (a government site): the model read the words ("https", "gov.tw" among
 * them), the rules and checkers read what is asked and where it leads. Nor on a line of a few words that no rule or
 * checker found anything in ("我在全聯，要買什麼嗎？", policy modelScamTraditionalMinLength). The cheap tests come
 * first: most texts are not Traditional, and the composites are evaluated only for the few that could be trusted.
 */
function trustedOnTraditional(p: Prediction, k: CompiledKnowledge, input: { compact: string; traditional?: boolean; signals: readonly Signal[] }): boolean {
  const policy = k.data.policy;
  if (input.traditional !== true || policy.modelScamTraditional <= 0 || p.pScam < policy.modelScamTraditional) return false;
  if (input.compact.length < policy.modelScamTraditionalMinLength && !input.signals.some(evidenceOfItsOwn)) return false;
  if (input.signals.some((s) => s.source === 'intel' && s.weight < 0 && (tagBits(s) & TAG.benign) !== 0)) return false;
  return !composites(input.signals, k).some((c) => c.weight < 0);
}

export function buildModelSignal(
  scorer: LinearScorer,
  p: Prediction,
  k: CompiledKnowledge,
  /** `lang`: the engine's own reading of the text's language (collectEvidence). */
  input: { text: string; compact: string; compactView?: TextView; lang: Analysis['lang']; traditional?: boolean; signals: readonly Signal[] },
): Signal | null {
  const cal = scorer.model.calibration;
  const hant = k.data.policy.modelScamTraditional;
  const trusted = trustedOnTraditional(p, k, input);
  // Chinese text that asks for something (to act, pay or get in touch) or lures: a weaker opinion counts too, at
  // the floor weight (policy modelScamEmitZh), even when P(legit) is a little higher (measured: docs/model.md). A
  // notice that only informs keeps the model's emit level.
  const lowZh = k.data.policy.modelScamEmitZh;
  const emitAt = trusted ? hant : input.lang === 'zh' && p.pScam < cal.emitScam && p.pScam >= lowZh && firedWith(input.signals, ASKS_OR_LURES) ? lowZh : cal.emitScam;
  if (p.pScam >= emitAt && p.pScam >= p.pSpam) {
    if (onlyVouchedLinks(input.signals)) return null;
    const cat = chooseCategory(p, input.signals, cal.categoryShare, k.data.policy.modelCategoryOverride, k.data.policy.strongSignalWeight);
    const toward = p.category ? classIndex(p.category) : FIRST_SCAM;
    const { spans, zh, en } = evidence(scorer.topTextFeatures(toward, LEGIT, 3), input.compactView, input.text);
    const info = k.categories.get(cat ?? p.category ?? 'other_scam');
    const s = emit(k, 'MODEL_SCAM', 'model', spans, {
      probability: Number(p.pScam.toFixed(3)),
      percent: pct(p.pScam),
      category: p.category,
      categoryZh: info?.name.zh ?? '诈骗',
      categoryEn: info?.name.en ?? 'a scam',
      ngrams: zh,
      ngramsEn: en,
      model: scorer.model.version,
    });
    const floor = k.data.policy.modelScamFloor;
    const scamShort = k.data.policy.modelScamShortText;
    const shortness = shortTextShare(input.compact, input.lang, scamShort.length, scamShort.wordsLength);
    const ramped = s ? s.weight * (floor + (1 - floor) * ramp(p.pScam, cal.emitScam)) * shortness : 0;
    // Trusted: at least strongSignalWeight, also on a short line (scaling it by length lost 3 of 80 held-out Taiwan
    // scams and spared no genuine message of the probe sets; docs/model.md).
    const weight = Math.round(trusted ? Math.max(ramped, k.data.policy.strongSignalWeight) : ramped);
    return s && weight > 0 ? { ...s, category: cat, weight } : null;
  }
  // Unwanted but not clearly a scam: a spam marker, weighed by P(spam or scam). A non-Chinese text of a few words
  // gives the model little to read ("Sister", "Wavu back!"): there it must be surer (policy modelSpamShortText).
  // Not for Chinese, where 40 characters are a whole advert.
  const unwanted = p.pSpam + p.pScam;
  const short = k.data.policy.modelSpamShortText;
  const emitSpam = input.lang !== 'zh' && input.compact.length < short.length ? Math.max(cal.emitSpam, short.emit) : cal.emitSpam;
  if (unwanted >= emitSpam && unwanted > p.pLegit) {
    const { spans, zh, en } = evidence(scorer.topTextFeatures(SPAM, LEGIT, 3), input.compactView, input.text);
    const s = emit(k, 'MODEL_SPAM', 'model', spans, { probability: Number(unwanted.toFixed(3)), percent: pct(unwanted), ngrams: zh, ngramsEn: en, model: scorer.model.version });
    return s ? { ...s, weight: Math.round(s.weight * unwanted) } : null;
  }
  // Only for Chinese: the English legit examples are personal chat (uci/nus), so in English the model's "legit"
  // means "not premium-rate spam", not "a genuine notice", and it would talk down real English scams.
  if (p.pLegit >= cal.emitLegit && input.lang === 'zh') {
    const s = emit(k, 'MODEL_LEGIT', 'model', [], { probability: Number(p.pLegit.toFixed(3)), percent: pct(p.pLegit), model: scorer.model.version });
    // Surer is stronger: the full weight at the emit level, twice it at P = 1.
    return s ? { ...s, weight: Math.round(s.weight * (1 + ramp(p.pLegit, cal.emitLegit))) } : null;
  }
  return null;
}

/** A ModelScorer over a model that is built on first use (decoding the artefact once). */
export function createModelScorer(load: () => LinearModel, tap: () => ModelTap | null = () => null): ModelScorer {
  let scorer: LinearScorer | null = null;
  return (input, k) => {
    const t = tap();
    const features: FeatureInput = { compact: input.compact, signals: input.signals, entities: input.entities };
    if (t?.skipModel) {
      t.observe(features, null);
      return [];
    }
    scorer ??= new LinearScorer(load());
    const p = scorer.predict(features);
    t?.observe(features, p);
    const s = buildModelSignal(scorer, p, k, input);
    return s ? [s] : [];
  };
}

