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

// An 18-character ID number, a 15–19 digit card, or an 11-digit mainland mobile (optionally +86 and spaced),
// never in the middle of a longer digit run.
const NUMBER = /(?<![0-9])(?:[1-9][0-9]{16}[0-9Xx]|[0-9]{15,19}|(?:\+?86[ -]?)?1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4})(?![0-9])/g;
const ID_DATE = /^[1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]$/;

function keep(s: string, head: number, tail: number): string {
  return s.slice(0, head) + '*'.repeat(Math.max(0, s.length - head - tail)) + s.slice(s.length - tail);
}

export function maskNumber(raw: string): { masked: string; key: string } {
  const d = raw.replace(/[\s-]/g, '');
  if (ID_DATE.test(d)) return { masked: keep(d, 3, 4), key: `id:${d.toUpperCase()}` };
  const mobile = d.replace(/^\+?86(?=1[3-9][0-9]{9}$)/, '');
  if (/^1[3-9][0-9]{9}$/.test(mobile)) return { masked: keep(mobile, 3, 4), key: `phone:${mobile}` };
  return { masked: keep(d, 4, 4), key: `account:${d}` };
}

export function maskText(text: string): Masked {
  const keys: string[] = [];
  const out = text.replace(NUMBER, (m) => {
    const { masked, key } = maskNumber(m);
    keys.push(key);
    return masked;
  });
  return { text: out, keys };
}
