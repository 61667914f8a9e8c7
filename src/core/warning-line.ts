/**
 * The model's second reading of a message that carries a warning line (session 14). Pure, like the rest of the core.
 */
import type { ModelScorer } from './analyze.js';
import { MIN_READABLE_FOR_MODEL, readableChars } from './readable.js';
import type { CompiledKnowledge } from './knowledge.js';
import { normalize } from './normalize/normalize.js';
import { TAG, tagBits } from './signals/emit.js';
import { warningSentences } from './signals/quoted.js';
import type { Signal } from './types.js';

/**
 * A warning line beside a message must not talk the model out of what the message itself says: "谨防诈骗" pasted under
 * a scam's request turned the model's "scam" into "legit" (session 14: with such a line, 37% of the probe sets' flagged
 * scams came out safe). Where the text has warning sentences, the model also reads it with them blanked out (same
 * length, so spans stay in place) and without what fired in them, and the surer "scam" of the two readings counts.
 * A text that is all warning leaves nothing to read, and a genuine notice beside its warning reads as a notice.
 */
export function readBesideWarnings(
  signals: readonly Signal[],
  original: string,
  compactLength: number,
  k: CompiledKnowledge,
  model: ModelScorer,
  input: Parameters<ModelScorer>[0],
  full: Signal[],
): Signal[] {
  const zones = warningSentences(signals, original);
  // Only a text that still asks for something (to act, pay or get in touch) or lures once its warnings set their
  // quotes aside: a genuine notice beside its warning ("…请尽快还款。请勿向任何个人账户转账") asks nothing outside the app.
  if (zones.length === 0 || !signals.some((s) => s.weight > 0 && s.source !== 'model' && (tagBits(s) & ASKS) !== 0)) return full;
  // Mostly warning (checked on the raw text first: a 100,000-character warning is not normalised twice).
  let covered = 0;
  for (const z of zones) covered += z.end - z.start;
  if (covered > original.length * WARNING_LINE_SHARE) return full;
  let blanked = '';
  let at = 0;
  for (const z of zones) {
    blanked += original.slice(at, z.start) + ' '.repeat(z.end - z.start);
    at = z.end;
  }
  // What a warning puts in quotation marks ("刷单就是诈骗！“先垫付后返佣”都是陷阱") is the scam's wording, quoted.
  blanked = (blanked + original.slice(at)).replace(QUOTED, (q) => ' '.repeat(q.length));
  const n = normalize(blanked, k.normalize);
  // A text that is mostly warning is a warning; what is left of it is its context ("商品貨到付款後發現貨不對版").
  if (readableChars(n.compact.text) < MIN_READABLE_FOR_MODEL || n.compact.text.length < compactLength * (1 - WARNING_LINE_SHARE)) return full;
  // What the blanked sentences said is not read either ("谨防诈骗" fires an anti-fraud tip as well as the warning).
  const inZones = (s: Signal): boolean => s.spans.length > 0 && s.spans.every((sp) => zones.some((z) => sp.start >= z.start && sp.end <= z.end));
  const others = signals.filter((s) => (tagBits(s) & TAG.warning) === 0 && !inZones(s));
  const rest = model({ ...input, compact: n.compact.text, compactView: n.compact, signals: others }, k);
  if (scamWeight(rest) <= scamWeight(full)) return full;
  return rest.map((s) => ({
    ...s,
    explanation: { zh: `${s.explanation.zh}（不计文中的防骗提示语）`, en: `${s.explanation.en} (read without its anti-fraud lines)` },
    detail: { ...s.detail, withoutWarnings: true },
  }));
}

const ASKS = TAG.action | TAG.payment | TAG.contact | TAG.lure;
/** Text in Chinese quotation marks (bounded, no nesting). */
const QUOTED = /“[^“”\n]{1,40}”|「[^「」\n]{1,40}」|『[^『』\n]{1,40}』/g;

/** Warning sentences above this share of the compact text make it a warning, not a message with a warning line. */
const WARNING_LINE_SHARE = 0.5;

const scamWeight = (signals: readonly Signal[]): number => signals.find((s) => s.id === 'MODEL_SCAM')?.weight ?? 0;
