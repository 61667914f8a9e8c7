import type { Entity } from '../types.js';
import { toOriginal, type TextView } from '../normalize/text-view.js';
import { scan } from './regex-scan.js';

/** Digit runs that may be separated by single spaces, dots or hyphens, optionally led by + or (+86). */
const PHONE = /(?<![\d.A-Za-z])(?:\+\s?|\(\+?\d{1,3}\)\s?)?\d(?:[ -]?\d){2,19}(?![\d])/g;

export type PhoneClass =
  | 'mobile'
  | 'mobile_virtual'
  | 'mobile_iot'
  | 'landline'
  | 'service_95'
  | 'service_96'
  | 'service_400'
  | 'service_800'
  | 'service_short'
  | 'gateway_106'
  | 'international'
  | 'domestic_prefixed';

/** Classifies a dialled string (digits with an optional leading +) as Chinese numbering puts it. */
export function classifyPhone(raw: string): { digits: string; cls: PhoneClass; country: string | null } | null {
  const plus = raw.startsWith('+');
  const digits = raw.replace(/\D/g, '');
  if (plus || digits.startsWith('00')) {
    const intl = plus ? digits : digits.slice(2);
    if (intl.length < 7 || intl.length > 15) return null;
    if (intl.startsWith('86')) return { digits: (plus ? '+' : '00') + intl, cls: 'domestic_prefixed', country: 'CN' };
    return { digits: (plus ? '+' : '00') + intl, cls: 'international', country: null };
  }
  if (/^1[3-9]\d{9}$/.test(digits)) {
    if (/^1(?:7[01]|6[257])/.test(digits)) return { digits, cls: 'mobile_virtual', country: 'CN' };
    if (/^14[579]/.test(digits)) return { digits, cls: 'mobile', country: 'CN' };
    return { digits, cls: 'mobile', country: 'CN' };
  }
  if (/^14(?:[14]0|41|[68]\d)\d{9}$/.test(digits)) return { digits, cls: 'mobile_iot', country: 'CN' };
  if (/^106\d{5,17}$/.test(digits)) return { digits, cls: 'gateway_106', country: 'CN' };
  if (/^400\d{7}$/.test(digits)) return { digits, cls: 'service_400', country: 'CN' };
  if (/^(?:10)?800\d{7}$/.test(digits)) return { digits, cls: 'service_800', country: 'CN' };
  if (/^95\d{3,6}$/.test(digits)) return { digits, cls: 'service_95', country: 'CN' };
  if (/^(?:0\d{2,3})?96\d{3,4}$/.test(digits) && digits.length <= 10) return { digits, cls: 'service_96', country: 'CN' };
  if (/^1(?:00\d{2}|2[0-9]\d{2}|1183|0\d{3})$/.test(digits)) return { digits, cls: 'service_short', country: 'CN' };
  if (/^0[1-9]\d{8,10}$/.test(digits)) return { digits, cls: 'landline', country: 'CN' };
  return null;
}

const phoneOf = (s: string): Omit<Entity, 'kind' | 'text' | 'start' | 'end'> | null => {
  const c = classifyPhone(s.replace(/[()\s]/g, ''));
  return c ? { value: c.digits, meta: { class: c.cls, country: c.country } } : null;
};

/** Digit groups of a run ("13800138000 399" → two groups), with their offsets in the run. */
const GROUP = /\+?\d+/g;

/**
 * A run that is no number as a whole may hold a mobile number followed by another number ("电话13800138000 399元",
 * "手机 13800138000 1次"): the separator-split groups are tried from the left, longest first, for a mobile number.
 */
function phonesInRun(run: string): { at: number; end: number; phone: NonNullable<ReturnType<typeof phoneOf>> }[] {
  const groups: { at: number; end: number }[] = [];
  GROUP.lastIndex = 0;
  for (let g = GROUP.exec(run); g && groups.length < 24; g = GROUP.exec(run)) groups.push({ at: g.index, end: g.index + g[0].length });
  const out: { at: number; end: number; phone: NonNullable<ReturnType<typeof phoneOf>> }[] = [];
  for (let i = 0; i < groups.length; ) {
    let took = 0;
    for (let j = groups.length - 1; j >= i && took === 0; j--) {
      const a = groups[i]!.at;
      const b = groups[j]!.end;
      if (j - i === groups.length - 1) continue; // the whole run: already tried
      const p = phoneOf(run.slice(a, b));
      if (p && (p.meta?.['class'] === 'mobile' || p.meta?.['class'] === 'mobile_virtual')) {
        out.push({ at: a, end: b, phone: p });
        took = j - i + 1;
      }
    }
    i += Math.max(1, took);
  }
  return out;
}

export function extractPhones(view: TextView, original: string): Entity[] {
  const out: Entity[] = [];
  const missed: RegExpExecArray[] = [];
  out.push(
    ...scan(view, original, PHONE, 'phone', (m) => {
      const p = phoneOf(m[0]);
      if (!p && /\d[ -]\d/.test(m[0]) && missed.length < 50) missed.push(m);
      return p;
    }),
  );
  for (const m of missed) {
    for (const f of phonesInRun(m[0])) {
      const span = toOriginal(view, m.index + f.at, m.index + f.end);
      out.push({ kind: 'phone', value: f.phone.value, meta: f.phone.meta, text: original.slice(span.start, span.end), start: span.start, end: span.end });
    }
  }
  return out;
}
