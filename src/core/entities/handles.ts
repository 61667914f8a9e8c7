import type { Entity } from '../types.js';
import type { TextView } from '../normalize/text-view.js';
import { scan } from './regex-scan.js';

const WECHAT = /(?:微信|wechat|weixin)(?:号码|号|id)?\s{0,3}[:：是为]?\s{0,3}([a-z][-_a-z0-9]{5,19}|1[3-9]\d{9})(?![-_a-z0-9])/g;
const QQ = /qq(?:号码|号|群)?\s{0,3}[:：是为]?\s{0,3}([1-9]\d{4,11})(?!\d)/g;
const TELEGRAM = /(?:t\.me\/|telegram[^a-z0-9\n]{0,6}@|纸飞机[^a-z0-9\n]{0,6}@?)([a-z][a-z0-9_]{4,31})/g;
const WHATSAPP = /(?:wa\.me\/|whatsapp[^\d+\n]{0,12})(\+?\d{7,15})/g;
const LINE = /(?:line\s{0,2}id|加line|line\s{0,2}[:：])\s{0,3}[:：]?\s{0,3}@?([a-z0-9._-]{4,20})/g;

export function extractHandles(view: TextView, original: string): Entity[] {
  return [
    ...scan(view, original, WECHAT, 'wechat', (_m, v) => ({ value: v })),
    ...scan(view, original, QQ, 'qq', (_m, v) => ({ value: v })),
    ...scan(view, original, TELEGRAM, 'telegram', (_m, v) => ({ value: v })),
    ...scan(view, original, WHATSAPP, 'whatsapp', (_m, v) => ({ value: v.replace(/\D/g, '') })),
    ...scan(view, original, LINE, 'line', (_m, v) => ({ value: v })),
  ];
}
