import type { Entity } from '../types.js';
import type { TextView } from '../normalize/text-view.js';
import { scan } from './regex-scan.js';

const CARD = /(?<![\d])(?:[3-6]\d{3}[ -]?)(?:\d{4}[ -]?){2,3}\d{1,4}(?![\d])/g;
const ID_NUMBER = /(?<![\d])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dx](?![\dx])/g;
const MONEY =
  /(?:[¥$£€]\s?\d[\d,]{0,12}(?:\.\d{1,2})?(?:\s?(?:万|k|m))?)|(?:\d[\d,]{0,12}(?:\.\d{1,2})?\s?(?:万元|万|千元|元|块钱|块|rmb|美元|美金|usd|英镑|pounds?|dollars?))/g;
const CODE = /(?:验证码|校验码|动态码|动态密码|短信码|取件码|code|otp|pin)[^\d\n]{0,8}(\d{4,8})(?!\d)/g;

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function moneyValue(s: string): number | null {
  const n = Number(s.replace(/[^\d.]/g, ''));
  if (!Number.isFinite(n)) return null;
  return /万/.test(s) ? n * 10000 : /千/.test(s) ? n * 1000 : n;
}

export function extractNumbers(view: TextView, original: string): Entity[] {
  return [
    ...scan(view, original, CARD, 'bank_card', (m) => {
      const d = m[0].replace(/\D/g, '');
      if (d.length < 16 || d.length > 19) return null;
      return { value: d, meta: { luhn: luhn(d) } };
    }),
    ...scan(view, original, ID_NUMBER, 'id_number', (m) => ({ value: m[0] })),
    ...scan(view, original, MONEY, 'money', (m) => ({ value: m[0].replace(/\s/g, ''), meta: { amount: moneyValue(m[0]) } })),
    ...scan(view, original, CODE, 'verification_code', (_m, v) => ({ value: v })),
  ];
}
