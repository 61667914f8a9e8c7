/**
 * Masking of personal numbers in stored report text: mobile numbers, bank-card numbers and resident ID
 * numbers become 138****8000-style strings; their identifier keys are returned so the caller keeps a salted
 * hash for matching. Bounded, linear-time patterns only.
 *
 * Two passes. First, every phone, card and ID number the engine itself reads in the text (through its normaliser:
 * Chinese numerals "一三八…", full-width and mathematical digits, zero-width characters and odd separators between
 * digit groups) is replaced, span by span, in the original text: what analyze can read, a stored report must not
 * show. Then a digit-run pattern catches what is left (a number glued to letters).
 */
import { numbersInRun } from '../core/entities/digit-groups.js';
import { extractEntities } from '../core/entities/index.js';
import { compileKnowledge } from '../core/knowledge.js';
import { normalize } from '../core/normalize/normalize.js';
import { defaultKnowledge } from '../knowledge/default.js';

export interface Masked {
  text: string;
  /** Identifier keys (see identifiers.ts) of the numbers that were masked. */
  keys: string[];
}

// A run of 10–19 digits that may be split by up to two separators between digits ("6222 0212 3456 7890 123",
// "138.0013.8000", "138/1234/5678", "138，1234，5678", a tab or a newline), optionally led by +86, never in the
// middle of a longer digit run. maskRun decides what in it is an ID, a mobile or a card; anything else is left
// as it is. Separators and digits are disjoint classes, so the pattern cannot backtrack.
const NUMBER = /(?<![0-9])(?:\+?86[\s.\-/_—–，,·]{0,2})?[0-9](?:[\s.\-/_—–，,·]{0,2}[0-9]){9,18}[Xx]?(?![0-9])/g;
const SEPARATORS = /[\s.\-/_—–，,·]/g;
// Full-width digits and separators are folded first, so "１３８００１３８０００" is masked too.
const FULL_WIDTH = /[\uff10-\uff19\uff38\uff58\uff0d\uff0e\u3000\uff0b]/g;

function foldWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}
const ID_DATE = /^[1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]$/;

function keep(s: string, head: number, tail: number): string {
  return s.slice(0, head) + '*'.repeat(Math.max(0, s.length - head - tail)) + s.slice(s.length - tail);
}

export function maskNumber(raw: string): { masked: string; key: string } | null {
  const d = raw.replace(SEPARATORS, '').toUpperCase();
  if (ID_DATE.test(d)) return { masked: keep(d, 3, 4), key: `id:${d}` };
  const mobile = d.replace(/^\+?86(?=1[3-9][0-9]{9}$)/, '');
  if (/^1[3-9][0-9]{9}$/.test(mobile)) return { masked: keep(mobile, 3, 4), key: `phone:${mobile}` };
  if (/^[0-9]{15,19}$/.test(d)) return { masked: keep(d, 4, 4), key: `account:${d}` };
  return null;
}

const PERSONAL = new Set(['phone', 'bank_card', 'id_number']);

/** Masks the numbers the engine reads, in the original text (first pass of maskText). */
function maskEntities(text: string, keys: string[]): string {
  const k = compileKnowledge(defaultKnowledge);
  const entities = extractEntities(normalize(text, k.normalize), text, k).filter((e) => PERSONAL.has(e.kind));
  let out = '';
  let at = 0;
  for (const e of entities) {
    if (e.start < at) continue; // nested in one already masked
    const r = maskNumber(e.value.replace(/^00/, '+'));
    if (!r) continue;
    out += text.slice(at, e.start) + r.masked;
    at = e.end;
    keys.push(r.key);
  }
  return out + text.slice(at);
}

/** A run of digits: masked whole when it is one personal number, else the personal numbers in it (numbersInRun). */
function maskRun(run: string, keys: string[]): string {
  let out = '';
  let done = 0;
  for (const n of numbersInRun(run, maskNumber)) {
    out += run.slice(done, n.at) + n.value.masked;
    done = n.end;
    keys.push(n.value.key);
  }
  return out + run.slice(done);
}

export function maskText(text: string): Masked {
  const keys: string[] = [];
  const out = foldWidth(maskEntities(text, keys)).replace(NUMBER, (m) => maskRun(m, keys));
  return { text: out, keys };
}
