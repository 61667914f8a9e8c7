import { collectEvidence, judge, resolveThresholds, type EngineParts } from './analyze.js';
import { compileKnowledge, type KnowledgeData } from './knowledge.js';
import { score } from './score.js';
import { TAG, tagBits } from './signals/emit.js';
import type { AnalyzeOptions, ConversationAnalysis, Signal, Turn } from './types.js';

const MAX_TURNS = 2000;
const NON_BLANK = /\S/;

/**
 * The first speaker started the call or chat; what the other side says ("我的银行账户有异常？") is a reaction,
 * not a tactic. Signals found only in the responder's turns count at policy.responderFactor of their weight.
 * Only labels that say who placed the call decide it. Role labels do not: a customer opens an inbound chat with
 * "客服" as readily as a fake "客服" opens a call, so between 客服 and 客户 the order of the turns decides.
 */
const CALLER_LABEL = /^(?:caller|来电|来电方|scammer|骗子)$/i;
const CALLEE_LABEL = /^(?:callee|victim|受害人)$/i;

/**
 * Who started the call or chat: a speaker labelled as the caller; else the other side of a speaker labelled as
 * the callee; else, when the first turn is only a greeting ("喂？", "Hello?") — the person called answers first —
 * the second speaker; else the first.
 */
export function initiatorOf(ranges: { speaker: string; text?: string }[]): string | undefined {
  const speakers = [...new Set(ranges.map((r) => r.speaker))];
  const caller = speakers.find((s) => CALLER_LABEL.test(s));
  if (caller !== undefined) return caller;
  const callee = speakers.find((s) => CALLEE_LABEL.test(s));
  if (callee !== undefined) return speakers.find((s) => s !== callee);
  const first = ranges[0];
  const second = ranges.find((r) => r.speaker !== first?.speaker);
  if (first && second && (first.text ?? '').trim().length <= 8) return second.speaker;
  return first?.speaker;
}

function dampResponderSignals(signals: Signal[], ranges: { speaker: string; start: number; end: number; text: string }[], factor: number): Signal[] {
  const initiator = initiatorOf(ranges);
  if (initiator === undefined || factor >= 1) return signals;
  const responderTurns = ranges.filter((r) => r.speaker !== initiator);
  if (responderTurns.length === 0) return signals;
  const inResponder = (start: number, end: number): boolean => responderTurns.some((r) => start >= r.start && end <= r.end);
  return signals.map((s) => {
    const byResponder = s.weight !== 0 && s.spans.length > 0 && s.spans.every((sp) => inResponder(sp.start, sp.end));
    // A check the person contacted has made counts, in full, only when they say it (responder_check; judge drops it
    // otherwise).
    if ((tagBits(s) & TAG.responder_check) !== 0) return byResponder ? { ...s, detail: { ...s.detail, checkedBy: 'responder' } } : s;
    // Both ways: the responder's reactions are no tactic, and their doubts ("is this a scam?", "I never share my
    // password") say nothing about whether the caller is genuine.
    return byResponder ? { ...s, weight: Math.round(s.weight * factor * 10) / 10, detail: { ...s.detail, saidBy: 'responder' } } : s;
  });
}

/**
 * A call transcript or chat, scored as a whole. Turns are joined as "speaker: text" lines, so every
 * span indexes `text`; the per-turn scores say when the risk rose (the turn an agent should have hung up).
 */
export function analyzeConversationWith(
  turns: readonly Turn[],
  data: KnowledgeData,
  options: AnalyzeOptions = {},
  parts: EngineParts = {},
): ConversationAnalysis {
  const k = compileKnowledge(data);
  const used = turns.slice(0, MAX_TURNS);
  const ranges: { speaker: string; start: number; end: number; text: string }[] = [];
  let text = '';
  // The same text with every speaker label blanked, which is what gets read: a label is who the person who pasted
  // it says is speaking ("客服", "民警", "妈"), not what was said, so it must not fire the claim rules. Same length,
  // so every span indexes `text` too.
  let read = '';
  for (const t of used) {
    const speaker = String(t.speaker ?? '').slice(0, 40) || '?';
    const said = String(t.text ?? '');
    // A turn that says nothing adds no line: 500 bare "a:"/"b:" labels read as an advert to the model.
    if (!NON_BLANK.test(said)) {
      ranges.push({ speaker, start: text.length, end: text.length, text: '' });
      continue;
    }
    const line = `${speaker}: ${said}`;
    if (text.length > 0) {
      text += '\n';
      read += '\n';
    }
    ranges.push({ speaker, start: text.length, end: text.length + line.length, text: said });
    text += line;
    read += `${' '.repeat(speaker.length)}: ${said}`;
  }
  const raw = collectEvidence(read, data, options, parts, true);
  const ev = {
    ...raw,
    // An entity's text is quoted from what was pasted (the labels are blank only in what was read).
    entities: raw.entities.map((e) => ({ ...e, text: text.slice(e.start, e.end) })),
    signals: dampResponderSignals(raw.signals, ranges, data.policy.responderFactor),
  };
  const analysis = judge(ev, data, options);
  const thresholds = resolveThresholds(data, options);
  const perTurn = ranges.map(({ speaker, start, end }) => {
    const upTo = ev.signals.filter((s) => s.spans.length === 0 || (s.spans[0]?.start ?? 0) < end);
    return { speaker, start, end, score: score(upTo, k, thresholds).score };
  });
  const first = (min: number): number | null => {
    const i = perTurn.findIndex((t) => t.score >= min);
    return i < 0 ? null : i;
  };
  const riskTurn = first(thresholds.scam) ?? first(thresholds.suspicious);
  // Turns past MAX_TURNS are not read: say so, as a cut text does (a review found a scam in turn 2,101 unseen).
  return { ...analysis, truncated: analysis.truncated || turns.length > MAX_TURNS, text, turns: perTurn, riskTurn };
}
