import type { Turn } from './types.js';

const TURN_LINE = /^\s{0,4}([^\s:：]{1,12})\s{0,2}[:：]\s{0,4}(.{0,20000})$/;

/**
 * Reads a pasted call transcript or chat ("A: …" / "客服：…" lines) into turns, or returns null when the
 * text does not look like one (fewer than two labelled turns, or a single speaker). Unlabelled lines
 * continue the previous turn.
 */
export function parseTranscript(text: string): Turn[] | null {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length < 2 || lines.length > 5000) return null;
  const turns: Turn[] = [];
  let labelled = 0;
  for (const line of lines) {
    const m = TURN_LINE.exec(line);
    if (m && !/^https?$/i.test(m[1] ?? '')) {
      turns.push({ speaker: m[1] ?? '', text: (m[2] ?? '').trim() });
      labelled++;
    } else if (turns.length > 0) {
      const last = turns[turns.length - 1];
      if (last) last.text += `\n${line.trim()}`;
    } else return null;
  }
  const speakers = new Set(turns.map((t) => t.speaker));
  return labelled >= 2 && speakers.size >= 2 && speakers.size <= 6 ? turns : null;
}
