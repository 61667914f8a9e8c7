import type { CompiledKnowledge } from '../knowledge.js';
import type { Signal, SignalSource, Span } from '../types.js';
import { fillTemplate } from '../template.js';

type Detail = Record<string, string | number | boolean | null>;

const joined = new WeakMap<readonly string[], string>();
export function joinedTags(tags: readonly string[]): string {
  let j = joined.get(tags);
  if (j === undefined) joined.set(tags, (j = tags.join(',')));
  return j;
}

/**
 * Builds a signal that code detects (entity checks, context, model, reputation). Its weight,
 * category and wording come from the knowledge (policy.yaml `signals`), so analysts tune them without code.
 * Returns null when the knowledge does not define the id (a pack may switch a signal off by leaving it out).
 */
export function emit(k: CompiledKnowledge, id: string, source: SignalSource, spans: Span[], detail: Detail = {}): Signal | null {
  const def = k.signals.get(id);
  if (!def) return null;
  return {
    id,
    source,
    category: def.category,
    weight: def.weight,
    spans,
    explanation: { zh: fillTemplate(def.zh, detail), en: fillTemplate(def.en, detail) },
    detail: { ...detail, tags: joinedTags(def.tags) },
  };
}

const NO_TAGS: readonly string[] = [];
const tagLists = new Map<string, readonly string[]>();

/** The tags a signal carries (kept as a comma-joined string in `detail` so Analysis stays plain JSON). */
export function tagsOf(s: Signal): readonly string[] {
  const t = s.detail?.['tags'];
  if (typeof t !== 'string' || t.length === 0) return NO_TAGS;
  let list = tagLists.get(t);
  if (!list) {
    list = t.split(',');
    if (tagLists.size < 4096) tagLists.set(t, list);
  }
  return list;
}
