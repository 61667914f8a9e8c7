/**
 * Masking of personal numbers in stored report text: mobile numbers, bank-card numbers and resident ID
 * numbers become 138****8000-style strings; their identifier keys are returned so the caller keeps a salted
 * hash for matching. Bounded, linear-time patterns only.
 */
export interface Masked {
  text: string;
  /** Identifier keys (see identifiers.ts) of the numbers that were masked. */
  keys: string[];
}

// A run of 11–20 digits that may be split by single spaces, hyphens or dots ("6222 0212 3456 7890 123",
// "138.0013.8000"), optionally led by +86, never in the middle of a longer digit run. maskNumber decides
// whether it is an ID, a mobile or a card; anything else is left as it is.
const NUMBER = /(?<![0-9])(?:\+?86[ .-]?)?[0-9](?:[ .-]?[0-9]){9,18}[Xx]?(?![0-9])/g;
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
  const d = raw.replace(/[\s.-]/g, '');
  if (ID_DATE.test(d)) return { masked: keep(d, 3, 4), key: `id:${d.toUpperCase()}` };
  const mobile = d.replace(/^\+?86(?=1[3-9][0-9]{9}$)/, '');
  if (/^1[3-9][0-9]{9}$/.test(mobile)) return { masked: keep(mobile, 3, 4), key: `phone:${mobile}` };
  if (/^[0-9]{15,19}$/.test(d)) return { masked: keep(d, 4, 4), key: `account:${d}` };
  return null;
}

export function maskText(text: string): Masked {
  const keys: string[] = [];
  const out = foldWidth(text).replace(NUMBER, (m) => {
    const r = maskNumber(m);
    if (!r) return m;
    keys.push(r.key);
    return r.masked;
  });
  return { text: out, keys };
}
