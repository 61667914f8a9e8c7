import { TAG } from './emit.js';

/** Bits per mask word (a JS bitwise int has 32; the sign bit is left alone); two words. */
const WORD = 31;
const MAX_FACTS = 2 * WORD;
const TAG_BIT = new Map<string, number>(Object.entries(TAG));
/** Every combination of TAG bits has an entry in a translation table of this size. */
const TAG_COMBINATIONS = 2 * Math.max(...TAG_BIT.values());

/** A set of facts as two mask words. */
export interface FactMask {
  lo: number;
  hi: number;
}

/**
 * The facts composites test (tags and signal ids), one bit each in two 31-bit words, so that "did claim and payment
 * fire, and not contact?" is a few mask tests per composite instead of set lookups. Built once per knowledge. Only
 * the tags that composites name get a bit, all in the low word (a table translates a signal's TAG bits); signal ids
 * take the bits after them.
 */
export class FactIndex {
  private readonly idBits = new Map<string, FactMask>();
  private readonly tagFact = new Map<number, number>();
  private readonly tagTable = new Int32Array(TAG_COMBINATIONS);

  /** Null when the tags and signal ids named do not fit in two words (composites are then matched by name). */
  static of(names: Iterable<string>): FactIndex | null {
    const f = new FactIndex();
    const all = [...names];
    let next = 0;
    for (const name of all) {
      const tag = TAG_BIT.get(name);
      if (tag !== undefined && !f.tagFact.has(tag)) f.tagFact.set(tag, 1 << next++);
    }
    for (const name of all) {
      if (TAG_BIT.has(name) || f.idBits.has(name)) continue;
      if (next >= MAX_FACTS) return null;
      const bit = next++;
      f.idBits.set(name, bit < WORD ? { lo: 1 << bit, hi: 0 } : { lo: 0, hi: 1 << (bit - WORD) });
    }
    for (let bits = 1; bits < TAG_COMBINATIONS; bits++) {
      let m = 0;
      for (const [tag, fact] of f.tagFact) if ((bits & tag) !== 0) m |= fact;
      f.tagTable[bits] = m;
    }
    return f;
  }

  mask(names: readonly string[]): FactMask {
    const m = { lo: 0, hi: 0 };
    for (const name of names) {
      const tag = TAG_BIT.get(name);
      if (tag !== undefined) m.lo |= this.tagFact.get(tag) ?? 0;
      else {
        const id = this.idBits.get(name);
        m.lo |= id?.lo ?? 0;
        m.hi |= id?.hi ?? 0;
      }
    }
    return m;
  }

  /** The facts a signal's TAG bits establish (all in the low word). */
  tags(bits: number): number {
    return this.tagTable[bits] ?? 0;
  }

  /** The fact a signal id establishes, when composites name it. */
  id(id: string): FactMask | undefined {
    return this.idBits.get(id);
  }
}
