import type { CompiledKnowledge } from '../knowledge.js';
import type { Signal, SignalSource, Span } from '../types.js';

type Detail = Record<string, string | number | boolean | null>;

function fill(template: string, detail: Detail): string {
  return template.replace(/\{(\w+)\}/g, (all, key: string) => (detail[key] === undefined || detail[key] === null ? all : String(detail[key])));
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
    explanation: { zh: fill(def.zh, detail), en: fill(def.en, detail) },
    detail: { ...detail, tags: def.tags.join(',') },
  };
}

export function tagsOf(s: Signal): string[] {
  const t = s.detail?.['tags'];
  return typeof t === 'string' && t.length > 0 ? t.split(',') : [];
}
