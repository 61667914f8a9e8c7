import { AhoCorasick } from '@monyone/aho-corasick';

export interface KeywordHit<P> {
  start: number;
  end: number;
  keyword: string;
  payload: P;
}

/**
 * All keywords of all rules in one Aho–Corasick automaton: one linear scan per text,
 * whatever the number of rules. Keywords that begin or end with a Latin letter or digit
 * only match at word boundaries ("win" must not fire inside "window").
 */
export class KeywordMatcher<P> {
  private readonly ac: AhoCorasick | null;
  private readonly payloads = new Map<string, P[]>();

  constructor(entries: Iterable<readonly [keyword: string, payload: P]>) {
    for (const [keyword, payload] of entries) {
      if (!keyword) continue;
      const list = this.payloads.get(keyword);
      if (list) list.push(payload);
      else this.payloads.set(keyword, [payload]);
    }
    this.ac = this.payloads.size > 0 ? new AhoCorasick([...this.payloads.keys()]) : null;
  }

  get size(): number {
    return this.payloads.size;
  }

  findAll(text: string): KeywordHit<P>[] {
    if (!this.ac || text.length === 0) return [];
    const hits: KeywordHit<P>[] = [];
    for (const m of this.ac.matchInText(text)) {
      if (!atBoundary(text, m.begin, m.end, m.keyword)) continue;
      for (const payload of this.payloads.get(m.keyword) ?? []) {
        hits.push({ start: m.begin, end: m.end, keyword: m.keyword, payload });
      }
    }
    return hits;
  }
}

function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
}

function atBoundary(text: string, start: number, end: number, keyword: string): boolean {
  if (isWordChar(keyword[0]) && isWordChar(text[start - 1])) return false;
  if (isWordChar(keyword[keyword.length - 1]) && isWordChar(text[end])) return false;
  return true;
}
