import type { Signal } from '../types.js';
import { tagsOf } from './emit.js';

/** Bits available in a mask (a JS bitwise int has 32; the sign bit is left alone). */
const MAX_FACTS = 31;

/**
 * The facts composites test (tags and signal ids), one bit each, so that "did claim and payment fire, and not
 * contact?" is two mask tests per composite instead of set lookups. Built once per knowledge.
 */
export class FactIndex {
  private readonly bits = new Map<string, number>();
  /** A tag list's bits, by its comma-joined form (signals carry their tags that way). */
  private readonly byTags = new Map<string, number>();

  /** Null when the names do not fit in a mask (composites are then matched by name). */
  static of(names: Iterable<string>): FactIndex | null {
    const f = new FactIndex();
    for (const name of names) {
      if (f.bits.has(name)) continue;
      if (f.bits.size === MAX_FACTS) return null;
      f.bits.set(name, 1 << f.bits.size);
    }
    return f;
  }

  mask(names: readonly string[]): number {
    let m = 0;
    for (const name of names) m |= this.bits.get(name) ?? 0;
    return m;
  }

  /** The facts one signal establishes: its id and its tags. */
  of(s: Signal): number {
    const t = s.detail?.['tags'];
    let m = 0;
    if (typeof t === 'string' && t.length > 0) {
      const cached = this.byTags.get(t);
      if (cached === undefined) {
        m = this.mask(tagsOf(s));
        if (this.byTags.size < 4096) this.byTags.set(t, m);
      } else m = cached;
    }
    return m | (this.bits.get(s.id) ?? 0);
  }
}
