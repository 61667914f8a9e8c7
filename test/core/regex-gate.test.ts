import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { compileKnowledge } from '../../src/core/knowledge.js';
import { regexGate } from '../../src/core/matching/regex-gate.js';
import { defaultKnowledge } from '../../src/knowledge/default.js';

describe('regexGate: the Chinese literals every match must contain', () => {
  const cases: [string, string[] | null][] = [
    ['我是[^，。]{0,11}客服', ['我是']],
    ['(?:请勿|切勿)[^，。]{0,8}(?:添加|转账)', ['请勿', '切勿']],
    ['别(?:找人|信)', ['别找人', '别信']],
    ['(?:补助|补贴)[^。]{0,20}(?:点击|领取)|(?:津贴|退税)[^。]{0,9}领取', ['补助', '补贴', '津贴', '退税']],
    ['[都就均]是(?:假)?诈骗', ['都', '就', '均']],
    // Not gated: an optional opener, a Latin opener (the automaton matches Latin words whole), an escape, a
    // negated class, a nested alternation.
    ['(?:请勿|切勿)?转账', null],
    ['在吗?', ['在']],
    ['吗?好', null],
    ['use\\s{1,3}\\d', null],
    ['\\d{4}验证码', null],
    ['[^我]是', null],
    ['(?:(?:接到|收到)电话|有个电话)', null],
    ['我是|you are', null],
  ];
  for (const [source, want] of cases) {
    it(`${source} → ${JSON.stringify(want)}`, () => assert.deepEqual(regexGate(source), want));
  }
});

describe('gated rule regexes never match without one of their literals', () => {
  const k = compileKnowledge(defaultKnowledge);
  const gated = k.rules.filter((r) => r.gated);
  it('the shipped knowledge gates some rules (the mechanism is in use)', () => assert.ok(gated.length >= 3, String(gated.length)));

  // Texts built from the rules' own literals, their examples and random Chinese: any match must contain a literal.
  const pieces = [...new Set(gated.flatMap((r) => [...(r.rule.regex ?? []).flatMap((s) => regexGate(s) ?? []), ...(r.rule.examples?.fire ?? [])]))];
  const text = fc
    .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x4fff }).map((c) => String.fromCharCode(c)), maxLength: 6 }), fc.constantFrom('，', '。', ' ', '你', '您', '对方让你')), { maxLength: 12 })
    .map((parts) => parts.join(''));
  it('holds on random texts', () => {
    fc.assert(
      fc.property(text, (t) => {
        for (const r of gated) {
          const literals = (r.rule.regex ?? []).flatMap((s) => regexGate(s) ?? []);
          for (const re of r.regexes) {
            re.lastIndex = 0;
            for (const m of t.matchAll(new RegExp(re.source, 'gu'))) {
              assert.ok(literals.some((l) => m[0].includes(l)), `${r.rule.id}: "${m[0]}" matched without ${literals.join('/')}`);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
