/** Client-side checks of the report form (the service validates again). Pure. */
import type { ReportKind } from './warning.js';

export interface ReportForm {
  kind: ReportKind;
  value: string;
  platform: 'wechat' | 'qq' | 'other';
  category: string;
  description: string;
  evidence: string;
  occurredAt: string;
  amount: string;
  contact: string;
  consent: boolean;
}

export type ReportErrors = Partial<Record<keyof ReportForm, { key: string; vars?: Record<string, number> }>>;

export const LIMITS = { value: 2048, description: 5000, evidence: 20000, contact: 200 } as const;

const PHONE_CHARS = /^\+?[0-9 ()-]{3,30}$/;
const URLISH = /^(?:[a-z][a-z0-9+.-]{0,15}:\/\/)?[^\s/?#]{1,253}\.[^\s/?#]{2,63}(?:[/?#]\S{0,2000})?$/i;

export function validateReport(f: ReportForm): ReportErrors {
  const errors: ReportErrors = {};
  const value = f.value.trim();
  const digits = value.replace(/[^0-9]/g, '');
  if (!value) errors.value = { key: 'report.err.required' };
  else if (value.length > LIMITS.value) errors.value = { key: 'report.err.tooLong', vars: { max: LIMITS.value } };
  // An SMS sender may be a number or a name such as 【某银行】, so only phone reports need digits.
  else if (f.kind === 'phone' && (!PHONE_CHARS.test(value) || digits.length < 3 || digits.length > 16)) {
    errors.value = { key: 'report.err.phone' };
  } else if (f.kind === 'url' && !URLISH.test(value)) errors.value = { key: 'report.err.url' };
  else if (f.kind === 'payment_account' && value.replace(/\s/g, '').length < 6) errors.value = { key: 'report.err.account' };
  if (f.description.length > LIMITS.description) errors.description = { key: 'report.err.tooLong', vars: { max: LIMITS.description } };
  if (f.evidence.length > LIMITS.evidence) errors.evidence = { key: 'report.err.tooLong', vars: { max: LIMITS.evidence } };
  if (f.amount.trim() && !(Number(f.amount) >= 0 && Number(f.amount) <= 1e12)) errors.amount = { key: 'report.err.amount' };
  if (f.contact.length > LIMITS.contact) errors.contact = { key: 'report.err.tooLong', vars: { max: LIMITS.contact } };
  return errors;
}
