import type { Entity } from '../types.js';
import type { TextView } from '../normalize/text-view.js';
import { scan } from './regex-scan.js';

// Stops at whitespace, CJK punctuation and brackets: a link inside a Chinese sentence ends at "，". "http //x.cn"
// is a link whose colon text recognition lost (a screenshot's text pasted in) or a sender dropped to dodge filters.
const URL_WITH_SCHEME = /(?:https?:\/\/|https? \/\/|hxxps?:\/\/|www\.)[^\s"'<>()（）【】，。；！？、「」《》\u3000-\u303f\u4e00-\u9fff]{2,2000}/g;
const BARE_DOMAIN =
  /(?<![@\w./-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,6}(?:com|cn|net|org|top|xyz|vip|cc|co|me|info|biz|shop|site|online|club|io|app|link|ly|gl|ru|tk|ml|ga|cf|gq|icu|cyou|buzz|live|pro|work|fun|ink|wang|ltd|hk|tw|uk|us|in|ph|gov|edu|mobi|tv|asia|win|bid|store|tech|space|website|cloud|bond|cfd|sbs|help|click|support|monster|quest)(?::\d{2,5})?(?:\/[^\s"'<>，。；！？、\u4e00-\u9fff]{0,500})?(?![a-z0-9])/g;
const EMAIL = /(?<![a-z0-9._%+-])[a-z0-9._%+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,4}\.[a-z]{2,24}(?![a-z])/g;

function trimTail(s: string): string {
  return s.replace(/[.,;:!?)\]}'"]{1,10}$/, '');
}

export function extractLinks(view: TextView, original: string): Entity[] {
  const emails = scan(view, original, EMAIL, 'email', (m) => ({ value: m[0] }));
  const withScheme = scan(view, original, URL_WITH_SCHEME, 'url', (m) => {
    const v = trimTail(m[0]);
    return v.length > 4 ? { value: v.replace(/^hxxp/, 'http').replace(/^(https?) \/\//, '$1://'), meta: { scheme: /^https? ?[:/]/.test(v) } } : null;
  }).map(fixEnd);
  const covered = [...withScheme, ...emails];
  const bare = scan(view, original, BARE_DOMAIN, 'url', (m) => ({ value: trimTail(m[0]), meta: { scheme: false } }))
    .map(fixEnd)
    .filter((e) => !covered.some((c) => e.start < c.end && c.start < e.end));
  return [...withScheme, ...bare, ...emails];
}

/** After trimming trailing punctuation from the value, shrink the original span to match. */
function fixEnd(e: Entity): Entity {
  const extra = e.text.length - e.text.replace(/[.,;:!?)\]}'"]{1,10}$/, '').length;
  if (extra === 0) return e;
  return { kind: e.kind, value: e.value, meta: e.meta, text: e.text.slice(0, e.text.length - extra), start: e.start, end: e.end - extra };
}
