import type { CompiledKnowledge } from '../knowledge.js';
import type { NormalizedText } from '../normalize/normalize.js';
import { toOriginal } from '../normalize/text-view.js';
import type { Entity } from '../types.js';
import { extractCaseNumbers } from './case-number.js';
import { extractHandles } from './handles.js';
import { extractLinks } from './links.js';
import { extractNumbers } from './numbers.js';
import { extractPhones } from './phone.js';

export { classifyPhone, type PhoneClass } from './phone.js';

/** Brands and organisations named in the text, found by alias in the compact view ("淘 宝" = 淘宝). */
function extractBrands(n: NormalizedText, original: string, k: CompiledKnowledge): Entity[] {
  const seen = new Map<string, Entity>();
  const out: Entity[] = [];
  for (const hit of k.brandMatcher.findAll(n.compact.text)) {
    const span = toOriginal(n.compact, hit.start, hit.end);
    const key = `${hit.payload.id}:${span.start}`;
    if (seen.has(key)) continue;
    const e: Entity = {
      kind: 'brand',
      value: hit.payload.id,
      text: original.slice(span.start, span.end),
      start: span.start,
      end: span.end,
      meta: { name: hit.payload.name.zh, nameEn: hit.payload.name.en, orgKind: hit.payload.kind },
    };
    seen.set(key, e);
    out.push(e);
  }
  // Keep only the longest alias where two overlap ("京东金条" over "京东").
  return out.filter((e) => !out.some((o) => o !== e && o.start <= e.start && o.end >= e.end && o.end - o.start > e.end - e.start));
}

/** Removes entities that sit inside a larger one of another kind (the digits of a URL are not a phone number). */
function dropNested(entities: Entity[]): Entity[] {
  const containers = entities.filter((e) => e.kind === 'url' || e.kind === 'email' || e.kind === 'case_number' || e.kind === 'bank_card' || e.kind === 'id_number');
  return entities.filter(
    (e) => !containers.some((c) => c !== e && c.kind !== e.kind && c.start <= e.start && c.end >= e.end && c.end - c.start > e.end - e.start),
  );
}

export function extractEntities(n: NormalizedText, original: string, k: CompiledKnowledge): Entity[] {
  const found = [
    ...extractLinks(n.norm, original),
    ...extractNumbers(n.norm, original),
    ...extractPhones(n.norm, original),
    ...extractHandles(n.norm, original),
    ...extractCaseNumbers(n.norm, original),
  ];
  // A QQ or WeChat id written as digits is also read as a phone number: keep the handle.
  const handles = found.filter((e) => e.kind === 'qq' || e.kind === 'wechat');
  const withoutDup = found.filter((e) => !(e.kind === 'phone' && handles.some((h) => h.start <= e.start && h.end >= e.end)));
  // A card-like run that is really an ID number is reported once, as the ID number.
  const ids = withoutDup.filter((e) => e.kind === 'id_number');
  const cleaned = withoutDup.filter((e) => !(e.kind === 'bank_card' && ids.some((i) => i.start === e.start)));
  const all = [...dropNested(cleaned), ...extractBrands(n, original, k)];
  return all.sort((a, b) => a.start - b.start || b.end - a.end);
}
