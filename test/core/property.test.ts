import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze, analyzeConversation } from '../../src/index.js';

/** Throws arbitrary Unicode, lone surrogates, huge and empty strings at the engine: no crash, spans inside the text. */
function checkSpans(text: string, a: ReturnType<typeof analyze>): void {
  const len = Math.min(text.length, a.length);
  for (const s of a.signals) {
    for (const sp of s.spans) {
      assert.ok(Number.isInteger(sp.start) && Number.isInteger(sp.end), 'integer offsets');
      assert.ok(sp.start >= 0 && sp.start <= sp.end && sp.end <= len, `${s.id} ${sp.start}-${sp.end} of ${len}`);
    }
  }
  for (const e of a.entities) assert.equal(text.slice(e.start, e.end), e.text);
}

const lure = fc.constantFrom('客服', '薇信', '验证码', '00852', '+86 95188', 'http://a.cn/x', '（2024）浙0192民诉前调595号', '退款', '\u200b', '😀', '\ud800', '\udfff', ' ', '.', '①', 'ＱＱ', '幺三八');
const mixed = fc.array(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), lure), { maxLength: 30 }).map((xs) => xs.join(''));

describe('analyze never crashes and spans always index the original', () => {
  it('on arbitrary Unicode (including lone surrogates)', () => {
    fc.assert(
      fc.property(mixed, (text) => {
        const a = analyze(text);
        checkSpans(text, a);
        assert.ok(a.score >= 0 && a.score <= 100);
      }),
      { numRuns: 400, seed: 20261123 },
    );
  });

  it('on empty and whitespace-only input', () => {
    for (const t of ['', ' ', '\n\n', '\u200b\u200b']) assert.equal(analyze(t).verdict, 'safe');
  });

  it('on a 100,000-character message and hostile regex fodder', () => {
    const fodder = [
      '1'.repeat(100_000),
      '(2024)'.repeat(15_000),
      'a.'.repeat(50_000),
      'http://'.repeat(14_000),
      '验证码'.repeat(33_000),
      `${'0'.repeat(50_000)}x${'-1'.repeat(20_000)}`,
      '@'.repeat(100_000),
    ];
    for (const t of fodder) checkSpans(t, analyze(t));
  });

  it('on conversations with odd turns', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ speaker: fc.string({ maxLength: 5 }), text: mixed }), { maxLength: 8 }), (turns) => {
        const c = analyzeConversation(turns);
        checkSpans(c.text, c);
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});
