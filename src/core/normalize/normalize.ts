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
      b.pushCode(c, i, i + 1);
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

/** Characters a spelled-out number is written with: 1 = ASCII digit, 2 = Chinese numeral (its digit in NUMERAL_DIGIT). */
const NUMERAL_KIND = new Uint8Array(0x10000);
const NUMERAL_DIGIT = new Uint16Array(0x10000);
for (let d = 0x30; d <= 0x39; d++) NUMERAL_KIND[d] = 1;
for (const ch of '〇零一二三四五六七八九幺么两拐洞勾壹贰叁肆伍陆柒捌玖') {
  NUMERAL_KIND[ch.charCodeAt(0)] = 2;
  NUMERAL_DIGIT[ch.charCodeAt(0)] = (CHINESE_DIGITS[ch] ?? '0').charCodeAt(0);
}
/** A run of at least this many numeral characters, one of them Chinese, is read as a number ("幺三八…"). */
const MIN_NUMERAL_RUN = 7;

/** [start, end) of every maximal numeral run long enough and with a Chinese numeral in it: one pass over the codes. */
function numeralRuns(text: string): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  let han = false;
  for (let i = 0; i <= text.length; i++) {
    const kind = i < text.length ? (NUMERAL_KIND[text.charCodeAt(i)] as number) : 0;
    if (kind !== 0) {
      if (start < 0) {
        start = i;
        han = false;
      }
      if (kind === 2) han = true;
    } else if (start >= 0) {
      if (han && i - start >= MIN_NUMERAL_RUN) runs.push([start, i]);
      start = -1;
    }
  }
  return runs;
}

const isLetterDigit = (c: number): boolean => c === 0x6f || c === 0x6c; // o, l
const isDigitCode = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** Pass 2: word-level evasions (薇信 → 微信), numbers spelled in Chinese numerals, O and l written inside digit runs. */
function evasionPass(view: TextView, evasions: KeywordMatcher<string>): TextView {
  const text = view.text;
  const replaceAt = new Map<number, { end: number; to: string }>();
  for (const m of evasions.findAll(text)) {
    const prev = replaceAt.get(m.start);
    if (!prev || prev.end < m.end) replaceAt.set(m.start, { end: m.end, to: m.payload });
  }
  const runs = numeralRuns(text);
  if (replaceAt.size === 0 && runs.length === 0 && !/\d[ol]{1,3}\d/.test(text)) return view;

  const b = newTextViewBuilder(text.length + 16);
  let run = 0;
  for (let i = 0; i < text.length; ) {
    while (run < runs.length && (runs[run]?.[1] ?? 0) <= i) run++;
    const inRun = run < runs.length && (runs[run]?.[0] ?? Infinity) <= i;
    const rep = inRun ? undefined : replaceAt.get(i);
    if (rep) {
      b.push(rep.to, view.from[i] ?? 0, view.to[rep.end - 1] ?? 0);
      i = rep.end;
      continue;
    }
    const c = text.charCodeAt(i);
    let out = c;
    if (inRun) out = NUMERAL_KIND[c] === 2 ? (NUMERAL_DIGIT[c] as number) : c;
    else if (isLetterDigit(c) && inDigitRun(text, i)) out = c === 0x6f ? 0x30 : 0x31;
    b.pushCode(out, view.from[i] ?? 0, view.to[i] ?? 0);
    i++;
  }
  return b.build();
}

/** True when position i is inside a run of at most 3 o/l letters with digits on both sides ("138OO138000"). */
function inDigitRun(text: string, i: number): boolean {
  let a = i;
  let b = i;
  while (a > 0 && i - a < 3 && isLetterDigit(text.charCodeAt(a - 1))) a--;
  while (b < text.length - 1 && b - i < 3 && isLetterDigit(text.charCodeAt(b + 1))) b++;
  return b - a < 3 && isDigitCode(text.charCodeAt(a - 1)) && isDigitCode(text.charCodeAt(b + 1));
}

/** Per UTF-16 unit: 0 = not yet known, 1 = noise, 2 = kept. Filled on first sight from the NOISE class. */
const NOISE_OF = new Uint8Array(0x10000);

/** Punctuation, symbols, separators, controls (and lone surrogate halves, which NOISE counts as \p{C}). */
function isNoise(c: number): boolean {
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x4e00 && c <= 0x9fff)) return false;
  if (c <= 0x40) return true;
  let known = NOISE_OF[c] as number;
  if (known === 0) NOISE_OF[c] = known = NOISE.test(String.fromCharCode(c)) ? 1 : 2;
  return known === 1;
}

const isAsciiAlnum = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);

/** Drops everything that is not a letter, digit or ideograph, so that "淘 宝 客 服" and "拼.多.多" match their keywords. */
export function compactView(view: TextView): TextView {
  const text = view.text;
  const b = newTextViewBuilder(text.length);
  let pendingGap = false;
  // Whether the last unit pushed is an ASCII letter or digit: one space is kept between Latin words.
  let lastAlnum = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isNoise(c)) {
      pendingGap = true;
      continue;
    }
    const alnum = isAsciiAlnum(c);
    if (pendingGap && alnum && lastAlnum) b.pushCode(0x20, view.from[i] ?? 0, view.from[i] ?? 0);
    pendingGap = false;
    b.pushCode(c, view.from[i] ?? 0, view.to[i] ?? 0);
    lastAlnum = alnum;
  }
  return b.build();
}

/**
 * Whether a Chinese text is written in Traditional characters: at least 2 of its Han characters, and a tenth of
 * them, have a Simplified form to fold to (the first 4,000 characters are read). Most characters are the same in
 * both scripts, so a tenth is already a Traditional text ("您的包裹地址不全，請點擊更新" folds 3 of 12).
 */
export function writtenInTraditional(original: string, k: NormalizeKnowledge): boolean {
  let han = 0;
  let folded = 0;
  const n = Math.min(original.length, 4000);
  for (let i = 0; i < n; i++) {
    const c = original.charCodeAt(i);
    if (c < CJK_BASE || c > CJK_END) continue;
    han++;
    if (k.t2sTable[c - CJK_BASE]) folded++;
  }
  return folded >= 2 && folded * 10 >= han;
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
