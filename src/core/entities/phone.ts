import type { Entity } from '../types.js';
import { toOriginal, type TextView } from '../normalize/text-view.js';
import { numbersInRun } from './digit-groups.js';
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

/** A mobile number (the one kind read inside a longer run: "电话13800138000 399元"). */
const mobileOf = (s: string): ReturnType<typeof phoneOf> => {
  const p = phoneOf(s);
  return p && (p.meta?.['class'] === 'mobile' || p.meta?.['class'] === 'mobile_virtual') ? p : null;
};

/** Service numbers short enough to be amounts too: 10000 is China Telecom's, and 10000 yuan. */
const SHORT_SERVICE = new Set<string>(['service_short', 'service_95', 'service_96']);
/** Before a number, these make it an amount ("你往里面转10000", "请汇10000到"), not a number to dial. */
const MONEY_VERB = /(?:转|汇|付|借|赔|存|往里打|往里面打)\s?$/;
/** After a number, these make it an amount ("10000元", "95555.00元", "95000块"). */
const MONEY_UNIT = /^(?:\.\d{1,2})?\s?(?:元|块|万|千|百|rmb|cny|yuan)/i;
/** …unless what follows is about calling it: "请转95588人工服务", "手机里存95555这个号". */
const CALL_WORDS = /^\s?(?:人工|咨询|查询|客服|热线|电话|号码|这个号|按)/;

/** A short service-number-shaped run that the words around it make an amount. */
function readsAsAmount(text: string, at: number, end: number): boolean {
  const after = text.slice(end, end + 6);
  if (MONEY_UNIT.test(after)) return true;
  return MONEY_VERB.test(text.slice(Math.max(0, at - 4), at)) && !CALL_WORDS.test(after);
}

export function extractPhones(view: TextView, original: string): Entity[] {
  const out: Entity[] = [];
  const missed: RegExpExecArray[] = [];
  out.push(
    ...scan(view, original, PHONE, 'phone', (m) => {
      const p = phoneOf(m[0]);
      if (p && SHORT_SERVICE.has(p.meta?.['class'] as string) && readsAsAmount(view.text, m.index, m.index + m[0].length)) return null;
      if (!p && /\d[ -]\d/.test(m[0]) && missed.length < 50) missed.push(m);
      return p;
    }),
  );
  for (const m of missed) {
    for (const f of numbersInRun(m[0], mobileOf)) {
      const span = toOriginal(view, m.index + f.at, m.index + f.end);
      out.push({ kind: 'phone', value: f.value.value, meta: f.value.meta, text: original.slice(span.start, span.end), start: span.start, end: span.end });
    }
  }
  return out;
}
