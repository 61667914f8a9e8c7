/**
 * Guesses what the user pasted into the Check box: a phone number, a link, a chat or call transcript
 * (several "A: …" / "客服：…" lines), or a plain message. Pure and linear-time (bounded patterns).
 */

import { bracketTurns } from '../../../src/core/transcript.js';

export type InputKind = 'empty' | 'phone' | 'url' | 'transcript' | 'message';

export interface TranscriptTurn {
  speaker: string;
  text: string;
}

const PHONE = /^\+?[0-9][0-9 ()-]{2,24}$/;
const URLISH = /^(?:https?:\/\/)?(?:[a-z0-9\u00a1-\uffff-]{1,63}\.){1,10}[a-z\u00a1-\uffff]{2,24}(?:[:/?#][^\s]{0,2000})?$/i;
/** "A: text", "B：text", "客服：text", "[10:32] 我: text" — a short speaker label then a colon. */
const TURN = /^\s{0,8}(?:\[[0-9:\s]{1,12}\]\s{0,4})?([^\s:：]{1,12})\s{0,4}[:：]\s{0,8}(.*)$/;

export function detectInput(raw: string): InputKind {
  const text = raw.trim();
  if (!text) return 'empty';
  if (!/\n/.test(text)) {
    const digits = text.replace(/[^0-9]/g, '');
    if (PHONE.test(text) && digits.length >= 3 && digits.length <= 16) return 'phone';
    if (text.length <= 2048 && URLISH.test(text) && !/\s/.test(text)) return 'url';
  }
  return parseTranscript(text) ? 'transcript' : 'message';
}

/**
 * Reads a transcript: at least two labelled lines with at least two different speakers, and most
 * non-empty lines labelled. Unlabelled lines continue the previous turn. Returns null otherwise.
 */
export function parseTranscript(raw: string): TranscriptTurn[] | null {
  // Call-centre exports tag turns inline ("【坐席】…【客户】…"): the engine's own reader handles those.
  const tagged = bracketTurns(raw);
  if (tagged) return tagged;
  const lines = raw.split(/\r?\n/).map((l) => l.trimEnd()).filter((l) => l.trim() !== '');
  if (lines.length < 2) return null;
  const turns: TranscriptTurn[] = [];
  let labelled = 0;
  for (const line of lines) {
    const m = line.length <= 5000 ? TURN.exec(line) : null;
    // A URL's "https:" is not a speaker.
    if (m && !/^https?$/i.test(m[1] ?? '')) {
      labelled++;
      turns.push({ speaker: m[1] ?? '', text: (m[2] ?? '').trim() });
    } else if (turns.length > 0) {
      const last = turns[turns.length - 1]!;
      last.text = last.text ? `${last.text}\n${line.trim()}` : line.trim();
    } else {
      return null;
    }
  }
  const speakers = new Set(turns.map((t) => t.speaker));
  if (labelled < 2 || speakers.size < 2 || labelled < lines.length * 0.6) return null;
  return turns.filter((t) => t.text !== '');
}
