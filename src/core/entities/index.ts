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
  for (const hit of k.brandMatcher.findAll(n.compact.text, 32)) {
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
  return longestNonNested(out).slice(0, MAX_BRANDS);
}

const MAX_BRANDS = 200;

/** Keeps only the longest alias where two overlap ("京东金条" over "京东"); one sweep over sorted spans. */
function longestNonNested(list: Entity[]): Entity[] {
  const sorted = [...list].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Entity[] = [];
  let coverEnd = -1;
  for (const e of sorted) {
    if (e.end <= coverEnd) continue;
    kept.push(e);
    coverEnd = e.end;
  }
  return kept;
}

/** Removes entities that sit inside a larger one of another kind (the digits of a URL are not a phone number). */
function dropNested(entities: Entity[]): Entity[] {
  const containers = entities
    .filter((e) => e.kind === 'url' || e.kind === 'email' || e.kind === 'case_number' || e.kind === 'bank_card' || e.kind === 'id_number')
    .sort((a, b) => a.start - b.start);
  if (containers.length === 0) return entities;
  return entities.filter((e) => {
    // Binary search for the last container starting at or before e.
    let lo = 0;
    let hi = containers.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((containers[mid]?.start ?? 0) <= e.start) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    for (let i = found; i >= 0 && i > found - 8; i--) {
      const c = containers[i];
      if (c && c !== e && c.kind !== e.kind && c.end >= e.end && c.end - c.start > e.end - e.start) return false;
    }
    return true;
  });
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
