/** Builds the prefilled report and the family warning from an analysis. Pure. */
import type { Analysis, Localized } from './types.js';

/** sessionStorage key the Check page leaves a report prefill under. */
export const PREFILL_KEY = 'fanzha.reportPrefill';

export type ReportKind = 'phone' | 'sms' | 'url' | 'app' | 'payment_account' | 'im_handle';

export interface ReportPrefill {
  kind: ReportKind;
  value: string;
  platform?: 'wechat' | 'qq' | 'other';
  category: string;
  evidence: string;
}

/** The most actionable identifier in the analysis becomes the report subject; the text its evidence. */
export function prefillFromAnalysis(text: string, a: Analysis, inputKind: string): ReportPrefill {
  const category = a.category ?? '';
  const trimmed = text.trim();
  if (inputKind === 'phone') return { kind: 'phone', value: trimmed, category, evidence: '' };
  if (inputKind === 'url') return { kind: 'url', value: trimmed, category, evidence: '' };
  const find = (...kinds: string[]) => a.entities.find((e) => kinds.includes(e.kind));
  const url = find('url');
  if (url) return { kind: 'url', value: url.text, category, evidence: trimmed };
  const phone = find('phone');
  if (phone) return { kind: 'phone', value: phone.text, category, evidence: trimmed };
  const im = find('wechat', 'qq');
  if (im) return { kind: 'im_handle', value: im.text, platform: im.kind === 'qq' ? 'qq' : 'wechat', category, evidence: trimmed };
  const card = find('bank_card');
  if (card) return { kind: 'payment_account', value: card.text, category, evidence: trimmed };
  return { kind: 'sms', value: '', category, evidence: trimmed };
}

/** A short excerpt for the family warning: never more than `max` characters, cut on a whole character. */
export function excerpt(text: string, max = 80): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : chars.slice(0, max).join('') + '…';
}

export function firstAdvice(advice: readonly Localized[], lang: 'zh' | 'en', n = 2): string {
  return advice
    .slice(0, n)
    .map((x) => `· ${x[lang]}`)
    .join('\n');
}
