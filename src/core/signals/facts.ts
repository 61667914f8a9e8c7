import type { Signal } from '../types.js';
import { TAG, tagBits } from './emit.js';

/** Bits available in a mask (a JS bitwise int has 32; the sign bit is left alone). */
const MAX_FACTS = 31;
/** Tags keep their TAG bits; signal ids that composites name get the bits above them. */
const FIRST_ID_BIT = Object.keys(TAG).length;
const TAG_BIT = new Map<string, number>(Object.entries(TAG));

/**
 * The facts composites test (tags and signal ids), one bit each, so that "did claim and payment fire, and not
 * contact?" is two mask tests per composite instead of set lookups. Built once per knowledge.
 */
export class FactIndex {
  private readonly idBits = new Map<string, number>();

  /** Null when the signal ids named do not fit in a mask (composites are then matched by name). */
  static of(names: Iterable<string>): FactIndex | null {
    const f = new FactIndex();
    for (const name of names) {
      if (TAG_BIT.has(name) || f.idBits.has(name)) continue;
      const bit = FIRST_ID_BIT + f.idBits.size;
      if (bit >= MAX_FACTS) return null;
      f.idBits.set(name, 1 << bit);
    }
    return f;
  }

  mask(names: readonly string[]): number {
    let m = 0;
    for (const name of names) m |= TAG_BIT.get(name) ?? this.idBits.get(name) ?? 0;
    return m;
  }

  /** The facts one signal establishes: its tags and its id. */
  of(s: Signal): number {
    return tagBits(s) | (this.idBits.get(s.id) ?? 0);
  }
}
