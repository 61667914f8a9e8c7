import type { Signal } from '../types.js';
import { TAG, tagBits } from './emit.js';

/** Bits available in a mask (a JS bitwise int has 32; the sign bit is left alone). */
const MAX_FACTS = 31;
const TAG_BIT = new Map<string, number>(Object.entries(TAG));
/** Every combination of TAG bits has an entry in a translation table of this size. */
const TAG_COMBINATIONS = 2 * Math.max(...TAG_BIT.values());

/**
 * The facts composites test (tags and signal ids), one bit each, so that "did claim and payment fire, and not
 * contact?" is two mask tests per composite instead of set lookups. Built once per knowledge. Only the tags that
 * composites name get a bit (a table translates a signal's TAG bits), so tags the composites never test
 * (`narration`, `any_speaker`) leave room for signal ids.
 */
export class FactIndex {
  private readonly idBits = new Map<string, number>();
  private readonly tagFact = new Map<number, number>();
  private tagTable = new Int32Array(0);

  /** Null when the tags and signal ids named do not fit in a mask (composites are then matched by name). */
  static of(names: Iterable<string>): FactIndex | null {
    const f = new FactIndex();
    let next = 0;
    for (const name of names) {
      const tag = TAG_BIT.get(name);
      if (tag !== undefined ? f.tagFact.has(tag) : f.idBits.has(name)) continue;
      if (next >= MAX_FACTS) return null;
      if (tag !== undefined) f.tagFact.set(tag, 1 << next++);
      else f.idBits.set(name, 1 << next++);
    }
    f.tagTable = new Int32Array(TAG_COMBINATIONS);
    for (let bits = 1; bits < TAG_COMBINATIONS; bits++) {
      let m = 0;
      for (const [tag, fact] of f.tagFact) if ((bits & tag) !== 0) m |= fact;
      f.tagTable[bits] = m;
    }
    return f;
  }

  mask(names: readonly string[]): number {
    let m = 0;
    for (const name of names) {
      const tag = TAG_BIT.get(name);
      m |= tag !== undefined ? (this.tagFact.get(tag) ?? 0) : (this.idBits.get(name) ?? 0);
    }
    return m;
  }

  /** The facts one signal establishes: its tags and its id. */
  of(s: Signal): number {
    return (this.tagTable[tagBits(s)] ?? 0) | (this.idBits.get(s.id) ?? 0);
  }
}
