import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { KeywordMatcher } from '../../src/core/matching/keyword-matcher.js';

/** The naive reference: every occurrence of every keyword, with the same word-boundary rule. */
function naive(keywords: string[], text: string): string[] {
  const isWord = (ch: string | undefined) => ch !== undefined && /[a-zA-Z0-9]/.test(ch);
  const out: string[] = [];
  for (const k of new Set(keywords.filter(Boolean))) {
    for (let i = text.indexOf(k); i >= 0; i = text.indexOf(k, i + 1)) {
      if (isWord(k[0]) && isWord(text[i - 1])) continue;
      if (isWord(k[k.length - 1]) && isWord(text[i + k.length])) continue;
      out.push(`${i}:${k}`);
    }
  }
  return out.sort();
}

describe('KeywordMatcher (Aho–Corasick)', () => {
  it('finds overlapping and nested keywords with their payloads', () => {
    const m = new KeywordMatcher<number>([['客服', 1], ['客服电话', 2], ['服电', 3], ['退款', 4], ['客服', 5]]);
    const hits = m.findAll('我是淘宝客服电话退款').map((h) => `${h.start}-${h.end}:${h.keyword}:${h.payload}`);
    assert.deepEqual(hits.sort(), ['4-6:客服:1', '4-6:客服:5', '4-8:客服电话:2', '5-7:服电:3', '8-10:退款:4'].sort());
  });
  it('respects word boundaries for Latin keywords', () => {
    const m = new KeywordMatcher<number>([['win', 1], ['reply stop', 2]]);
    assert.equal(m.findAll('open the window').length, 0);
    assert.equal(m.findAll('you win!').length, 1);
    assert.equal(m.findAll('reply stop to end').length, 1);
  });
  it('agrees with a naive search on random keyword sets and texts', () => {
    const alphabet = fc.constantFrom('a', 'b', '客', '服', '1', ' ', 'x');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 4 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), fc.array(alphabet, { maxLength: 60 }).map((a) => a.join('')), (keywords, text) => {
        const m = new KeywordMatcher(keywords.map((k) => [k, k] as const));
        const got = [...new Set(m.findAll(text).map((h) => `${h.start}:${h.keyword}`))].sort();
        assert.deepEqual(got, naive(keywords, text));
      }),
      { numRuns: 500, seed: 42 },
    );
  });
});
