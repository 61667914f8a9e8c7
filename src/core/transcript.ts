import type { Turn } from './types.js';

const TURN_LINE = /^\s{0,4}([^\s:：]{1,12})\s{0,2}[:：]\s{0,4}(.{0,20000})$/;

/**
 * Reads a pasted call transcript or chat ("A: …" / "客服：…" lines) into turns, or returns null when the
 * text does not look like one (fewer than two labelled turns, or a single speaker). Unlabelled lines
 * continue the previous turn.
 */
export function parseTranscript(text: string): Turn[] | null {
  return bracketTurns(text) ?? lineTurns(text);
}

/** Speaker tags that call-centre exports put inline: "【坐席】您好……【客户】嗯……". */
const BRACKET_LABEL = /【(坐席|客服|来电|来电方|对方|骗子|客户|用户|本人|受害人|我|甲|乙|A|B)】/g;

export function bracketTurns(text: string): Turn[] | null {
  const marks = [...text.slice(0, 200_000).matchAll(BRACKET_LABEL)];
  if (marks.length < 2 || new Set(marks.map((m) => m[1])).size < 2) return null;
  // Text before the first tag (a title, a date) is not a turn.
  const turns: Turn[] = [];
  for (let i = 0; i < marks.length && turns.length < 5000; i++) {
    const m = marks[i]!;
    const end = i + 1 < marks.length ? marks[i + 1]!.index : text.length;
    const said = text.slice(m.index + m[0].length, end).trim();
    if (said) turns.push({ speaker: m[1]!, text: said });
  }
  return turns.length >= 2 ? turns : null;
}

function lineTurns(text: string): Turn[] | null {
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
