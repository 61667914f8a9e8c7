import { tagsOf } from './emit.js';
import type { Signal, Span } from '../types.js';

const SENTENCE_END = /[。！？!?\n；;]/;

/** The sentence (in the original text) around a position. */
function sentenceAround(text: string, at: number): Span {
  let start = at;
  while (start > 0 && !SENTENCE_END.test(text[start - 1] ?? '')) start--;
  let end = at;
  while (end < text.length && !SENTENCE_END.test(text[end] ?? '')) end++;
  return { start, end: Math.min(text.length, end + 1) };
}

/**
 * Anti-fraud warnings quote scam tactics ("凡是要求你共享屏幕的都是诈骗"). A tactic that stands entirely inside a
 * sentence carrying a warning verdict is a quotation, not a request: it is set aside, and the warning says so.
 */
export function discountQuoted(signals: Signal[], text: string): Signal[] {
  const warnings = signals.filter((s) => tagsOf(s).includes('warning'));
  if (warnings.length === 0) return signals;
  const zones = warnings.flatMap((w) => w.spans.map((sp) => sentenceAround(text, sp.start)));
  const inZone = (sp: Span): boolean => zones.some((z) => sp.start >= z.start && sp.end <= z.end);
  const quoted: string[] = [];
  const kept = signals.filter((s) => {
    if (s.weight <= 0 || s.spans.length === 0 || s.source === 'context') return true;
    if (s.spans.every(inZone)) {
      quoted.push(s.id);
      return false;
    }
    return true;
  });
  if (quoted.length === 0) return signals;
  return kept.map((s) =>
    tagsOf(s).includes('warning')
      ? {
          ...s,
          explanation: {
            zh: `${s.explanation.zh}；警示语中提到的诈骗手法不计入风险（${quoted.length}项）`,
            en: `${s.explanation.en}; tactics quoted inside the warning are not counted (${quoted.length})`,
          },
          detail: { ...s.detail, quoted: quoted.join(',') },
        }
      : s,
  );
}
