import { CHINESE_DIGITS, dingbatDigit, isInvisible, NOISE } from './char-tables.js';
import { newTextViewBuilder, type TextView } from './text-view.js';
import type { KeywordMatcher } from '../matching/keyword-matcher.js';

/** What normalisation needs from the knowledge: a traditional→simplified table and the evasion lexicon. */
export interface NormalizeKnowledge {
  t2s: Readonly<Record<string, string>>;
  /** The same table indexed by code point − 0x3400 (0 = unchanged): the hot path avoids hashing. */
  t2sTable: Uint16Array;
  /** Matches evasive spellings on the char-normalised text; payload = replacement. */
  evasions: KeywordMatcher<string>;
}

export interface NormalizedText {
  /** NFKC, lower-case, simplified, invisible characters dropped, evasions mapped: entities are read here. */
  norm: TextView;
  /** `norm` without punctuation, symbols and spaces (one space kept between Latin words): keywords match here. */
  compact: TextView;
}

const nfkcMemo = new Map<number, string>();

function charForm(cp: number, t2s: Readonly<Record<string, string>>): string {
  if (cp < 0x80) return cp >= 65 && cp <= 90 ? String.fromCharCode(cp + 32) : String.fromCharCode(cp);
  if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf)) {
    const ch = String.fromCharCode(cp);
    return t2s[ch] ?? ch;
  }
  const memo = nfkcMemo.get(cp);
  if (memo !== undefined) return memo;
  const dingbat = dingbatDigit(cp);
  let out: string;
  if (dingbat !== null) out = dingbat;
  else {
    out = '';
    for (const c of String.fromCodePoint(cp).normalize('NFKC').toLowerCase()) out += t2s[c] ?? c;
  }
  if (nfkcMemo.size < 65536) nfkcMemo.set(cp, out);
  return out;
}

const CJK_BASE = 0x3400;
const CJK_END = 0x9fff;

/** Builds the typed traditional→simplified table once per knowledge. */
export function t2sTable(t2s: Readonly<Record<string, string>>): Uint16Array {
  const table = new Uint16Array(CJK_END - CJK_BASE + 1);
  for (const [from, to] of Object.entries(t2s)) {
    const f = from.charCodeAt(0);
    if (from.length === 1 && to.length === 1 && f >= CJK_BASE && f <= CJK_END) table[f - CJK_BASE] = to.charCodeAt(0);
  }
  return table;
}

/** Pass 1: one code point at a time (NFKC, width, case, traditional→simplified, invisible characters). */
function charPass(original: string, t2s: Readonly<Record<string, string>>, table?: Uint16Array): TextView {
  const b = newTextViewBuilder(original.length);
  for (let i = 0; i < original.length; ) {
    const c = original.charCodeAt(i);
    // Fast path: lower-case ASCII letters, digits and CJK ideographs with no traditional form to fold.
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
      b.pushUnit(original[i] ?? '', i, i + 1);
      i++;
      continue;
    }
    if (c >= 0x4e00 && c <= CJK_END) {
      const mapped = table ? table[c - CJK_BASE] || c : c;
      b.pushCode(table ? mapped : (t2s[original[i] ?? '']?.charCodeAt(0) ?? c), i, i + 1);
      i++;
      continue;
    }
    const cp = original.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    if (!isInvisible(cp)) {
      // A lone surrogate is kept as U+FFFD so that the offsets still line up.
      const isLoneSurrogate = cp >= 0xd800 && cp <= 0xdfff;
      b.push(isLoneSurrogate ? '\ufffd' : charForm(cp, t2s), i, i + width);
    }
    i += width;
  }
  return b.build();
}

const NUMERAL_RUN = /[0-9〇零一二三四五六七八九幺两拐洞勾壹贰叁肆伍陆柒捌玖]{7,}/g;
const HAN_NUMERAL = /[〇零一二三四五六七八九幺两拐洞勾壹贰叁肆伍陆柒捌玖]/;
const LETTER_DIGIT = /[ol]/;

/** Pass 2: word-level evasions (薇信 → 微信), numbers spelled in Chinese numerals, O and l written inside digit runs. */
function evasionPass(view: TextView, evasions: KeywordMatcher<string>): TextView {
  const text = view.text;
  const replaceAt = new Map<number, { end: number; to: string }>();
  for (const m of evasions.findAll(text)) {
    const prev = replaceAt.get(m.start);
    if (!prev || prev.end < m.end) replaceAt.set(m.start, { end: m.end, to: m.payload });
  }
  const numeralRuns: [number, number][] = [];
  NUMERAL_RUN.lastIndex = 0;
  for (let m = NUMERAL_RUN.exec(text); m; m = NUMERAL_RUN.exec(text)) {
    if (HAN_NUMERAL.test(m[0])) numeralRuns.push([m.index, m.index + m[0].length]);
  }
  if (replaceAt.size === 0 && numeralRuns.length === 0 && !/\d[ol]{1,3}\d/.test(text)) return view;

  const b = newTextViewBuilder(text.length + 16);
  let run = 0;
  for (let i = 0; i < text.length; ) {
    while (run < numeralRuns.length && (numeralRuns[run]?.[1] ?? 0) <= i) run++;
    const inRun = run < numeralRuns.length && (numeralRuns[run]?.[0] ?? Infinity) <= i;
    const rep = inRun ? undefined : replaceAt.get(i);
    if (rep) {
      b.push(rep.to, view.from[i] ?? 0, view.to[rep.end - 1] ?? 0);
      i = rep.end;
      continue;
    }
    const ch = text[i] ?? '';
    let out = ch;
    if (inRun) out = CHINESE_DIGITS[ch] ?? ch;
    else if (LETTER_DIGIT.test(ch) && inDigitRun(text, i)) out = ch === 'o' ? '0' : '1';
    b.pushUnit(out, view.from[i] ?? 0, view.to[i] ?? 0);
    i++;
  }
  return b.build();
}

/** True when position i is inside a run of at most 3 o/l letters with digits on both sides ("138OO138000"). */
function inDigitRun(text: string, i: number): boolean {
  let a = i;
  let b = i;
  while (a > 0 && i - a < 3 && LETTER_DIGIT.test(text[a - 1] ?? '')) a--;
  while (b < text.length - 1 && b - i < 3 && LETTER_DIGIT.test(text[b + 1] ?? '')) b++;
  return b - a < 3 && isDigit(text[a - 1]) && isDigit(text[b + 1]);
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function isNoise(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x4e00 && c <= 0x9fff)) return false;
  return c <= 0x40 || NOISE.test(ch);
}

function isAsciiAlnum(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
}

/** Drops everything that is not a letter, digit or ideograph, so that "淘 宝 客 服" and "拼.多.多" match their keywords. */
export function compactView(view: TextView): TextView {
  const text = view.text;
  const b = newTextViewBuilder(text.length);
  let pendingGap = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (isNoise(ch)) {
      pendingGap = true;
      continue;
    }
    if (pendingGap && isAsciiAlnum(ch) && isAsciiAlnum(b.lastChar())) b.pushUnit(' ', view.from[i] ?? 0, view.from[i] ?? 0);
    pendingGap = false;
    b.pushUnit(ch, view.from[i] ?? 0, view.to[i] ?? 0);
  }
  return b.build();
}

/** Compacts a keyword the same way the text is compacted, so data authors may write "reply stop" or "百万 保障". */
export function compactString(s: string, t2s: Readonly<Record<string, string>>): string {
  return compactView(charPass(s, t2s)).text;
}

export function normalize(original: string, k: NormalizeKnowledge): NormalizedText {
  const norm = evasionPass(charPass(original, k.t2s, k.t2sTable), k.evasions);
  return { norm, compact: compactView(norm) };
}

/** Char-level normalisation only, used to prepare lexicon entries at knowledge-compile time. */
export function normalizeChars(s: string, t2s: Readonly<Record<string, string>>): string {
  return charPass(s, t2s).text;
}
