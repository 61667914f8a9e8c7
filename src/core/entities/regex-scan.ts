import { toOriginal, type TextView } from '../normalize/text-view.js';
import type { Entity, EntityKind } from '../types.js';

/**
 * Runs a global regex over a view and turns each hit (or its first capture group) into an entity
 * whose span indexes the ORIGINAL text. Every pattern used here has bounded quantifiers only.
 */
export function scan(
  view: TextView,
  original: string,
  re: RegExp,
  kind: EntityKind,
  make: (m: RegExpExecArray, value: string) => Omit<Entity, 'kind' | 'text' | 'start' | 'end'> | null,
  /** Capture group whose text is the entity (0 = whole match); default: group 1 when it took part, else the whole match. */
  group?: number,
): Entity[] {
  const out: Entity[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(view.text); m; m = re.exec(view.text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const useGroup = group === undefined ? (m[1] !== undefined ? 1 : 0) : group;
    const value = m[useGroup] ?? m[0];
    const offset = useGroup > 0 ? m.index + m[0].lastIndexOf(value) : m.index;
    const made = make(m, value);
    if (!made) continue;
    const span = toOriginal(view, offset, offset + value.length);
    // One property set and order for every scanned entity (meta undefined when absent, which JSON leaves out):
    // the functions that read entities then see one object shape, not one per kind.
    out.push({ kind, value: made.value, meta: made.meta, text: original.slice(span.start, span.end), start: span.start, end: span.end });
    if (out.length >= 200) break; // a message with more than 200 of one kind is itself the signal
  }
  return out;
}
